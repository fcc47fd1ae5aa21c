package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * One rule of the fault switchboard, configured fluently after {@link Faults#on(String, String)}:
 * <pre>{@code
 * sim.faults().on("GET", "/api/v2/simulator/items/*").status(503).times(3);
 * sim.faults().on("GET", "/x").delay(Duration.ofMillis(500)).times(1);
 * sim.faults().on("GET", "/x").drop().times(1);
 * sim.faults().on("POST", "/oauth/token").holdUntil(release).times(1);
 * }</pre>
 * A rule acts once it has an action: a {@link #status(int) status} or {@link #body(String, String) body} (answer
 * that instead of the real response), a {@link #delay(Duration) delay} (wait, then answer normally or with the
 * status/body if also given), a {@link #holdUntil(CompletionStage) hold} (answer when the test says so), or
 * {@link #drop() drop} (close the connection without a response). Without
 * {@link #times(int)} it acts on every matching request until {@link Faults#clear()}.
 */
public final class FaultRule {

    /** What the pipeline does with a request a rule intercepted; an immutable snapshot of the rule. */
    record Action(int status, byte[] body, String contentType, Map<String, List<String>> headers, Duration delay,
            boolean drop, CompletionStage<?> hold) {

        boolean hasResponse() {
            return status > 0 || body != null;
        }
    }

    private final String method;
    private final PathPattern pattern;
    private int status;
    private byte[] body;
    private String contentType;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;
    private boolean drop;
    private CompletionStage<?> hold;
    /** -1: unlimited. */
    private int remaining = -1;

    FaultRule(String method, String pathPattern) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.pattern = PathPattern.compile(pathPattern);
    }

    /** Answers with this HTTP status; without a {@link #body(String, String) body}, errors get the platform's error body. */
    public synchronized FaultRule status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        this.status = status;
        return this;
    }

    /** Answers with this body (status 200 unless {@link #status(int)} is given); it may be malformed on purpose. */
    public synchronized FaultRule body(String body, String contentType) {
        this.body = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        return this;
    }

    /** Answers with this body as {@code application/json}. */
    public FaultRule body(String body) {
        return body(body, ApiResponse.JSON);
    }

    /** Adds a header to the fault response (e.g. {@code Retry-After}); used with a status or body. */
    public synchronized FaultRule header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        return this;
    }

    /** Waits this long before answering (normally, or with this rule's status/body). */
    public synchronized FaultRule delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        this.delay = delay;
        return this;
    }

    /**
     * Holds the request, without a server thread, until {@code release} completes (normally or not), then goes on as
     * the rule says (a delay, a drop, a status/body, or the real answer): for a test that must decide exactly when a
     * response arrives, such as a token request that has to end while a caller is between two steps.
     */
    public synchronized FaultRule holdUntil(CompletionStage<?> release) {
        this.hold = Objects.requireNonNull(release, "release");
        return this;
    }

    /** Closes the connection without any response: the client sees an I/O error (EOF / connection reset). */
    public synchronized FaultRule drop() {
        this.drop = true;
        return this;
    }

    /** Applies to the next {@code n} matching requests only, then expires. */
    public synchronized FaultRule times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must be >= 0: " + n);
        }
        this.remaining = n;
        return this;
    }

    public String method() {
        return method;
    }

    public String pathPattern() {
        return pattern.pattern();
    }

    /** @return how many more requests this rule will intercept, or -1 for unlimited */
    public synchronized int remaining() {
        return remaining;
    }

    /** @return whether the rule would intercept a matching request now */
    public synchronized boolean isActive() {
        return remaining != 0 && (status > 0 || body != null || drop || !delay.isZero() || hold != null);
    }

    /** Intercepts the request when the rule matches and is active, consuming one of its {@link #times(int)}. */
    synchronized Action tryApply(String requestMethod, String path) {
        if (!isActive() || !("*".equals(method) || method.equals(requestMethod)) || !pattern.matches(path)) {
            return null;
        }
        if (remaining > 0) {
            remaining--;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new Action(status, body, contentType, copy, delay, drop, hold);
    }

    @Override
    public synchronized String toString() {
        return "FaultRule[" + method + " " + pattern + ", status=" + status + ", delay=" + delay + ", drop=" + drop
                + (hold != null ? ", held" : "") + ", remaining=" + remaining + "]";
    }
}
