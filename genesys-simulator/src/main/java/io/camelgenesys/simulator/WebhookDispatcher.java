package io.camelgenesys.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digital Channels' side of the webhooks (seed 002, Third-Party Messaging overview L7268-7289 and Interactions Webhook
 * L3115-3126): it POSTs a JSON message to an integrator's URL over real HTTP (Jetty client), signed with
 * {@code X-Hub-Signature: sha1=<HMAC-SHA1 of the exact bytes sent>} and an {@code X-B3-TraceId}; waits up to the
 * response timeout (10 s, the messaging page's limit) for the answer; redelivers the same bytes after each delay of the
 * retry schedule while the answer asks for it (see {@link WebhookDelivery.Kind}); and records every attempt
 * ({@link WebhookDelivery#attempts()}).
 * <pre>{@code
 * WebhookDelivery d = sim.digitalChannels().webhooks().deliverMessage(url, "secret",
 *         WebhookPayloads.textMessage("0123456789", "sms", "0123456789", "16504661149", "Agent text", null));
 * d.await(Duration.ofSeconds(30));
 * d.state();  d.attempts();  d.answeredMessageId();
 * }</pre>
 * Nothing blocks: attempts complete on the HTTP client's threads and redeliveries wait on a scheduler. The client and
 * the scheduler start with the first delivery; {@link GenesysSimulator#stop()} and {@link GenesysSimulator#reset()}
 * cancel the pending deliveries (reset also forgets them and restores the timeout and schedule). Thread-safe.
 */
public final class WebhookDispatcher {

    /** The messaging webhook's documented limit: "Send a response to the webhook within 10 seconds" (L7273). */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The delays before the first, second and third redelivery. Genesys configures them per deployment ("Contact your
     * Genesys representative"); these are the simulator's.
     */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    /** At most this much of an answer body is read and recorded; a longer answer fails the attempt. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;
    /** The log keeps this many deliveries (the oldest finished ones are forgotten first). */
    public static final int LOG_LIMIT = 10_000;
    static final String TRACE_HEADER = "X-B3-TraceId";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Object lock = new Object();
    private final Deque<WebhookDelivery> deliveries = new ArrayDeque<>();
    private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private List<Duration> retryDelays = DEFAULT_RETRY_DELAYS;
    private HttpClient client;
    private ScheduledExecutorService scheduler;

    WebhookDispatcher() {
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    /** How long each attempt waits for the answer (default 10 s); then it is aborted and counts as a timeout. */
    public void setResponseTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The response timeout must be positive: " + timeout);
        }
        synchronized (lock) {
            this.responseTimeout = timeout;
        }
    }

    public Duration responseTimeout() {
        synchronized (lock) {
            return responseTimeout;
        }
    }

    /**
     * Sets the redelivery schedule for deliveries started from now on: one delay per redelivery, so a delivery makes
     * at most {@code 1 + delays.size()} attempts. An empty list turns redelivery off.
     */
    public void setRetryDelays(List<Duration> delays) {
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("A retry delay must not be negative: " + delay);
            }
        }
        synchronized (lock) {
            this.retryDelays = List.copyOf(delays);
        }
    }

    public void setRetryDelays(Duration... delays) {
        setRetryDelays(List.of(delays));
    }

    public List<Duration> retryDelays() {
        synchronized (lock) {
            return retryDelays;
        }
    }

    // ---- delivering ----------------------------------------------------------------------------------------------

    /**
     * Delivers a Third-Party Messaging webhook message ({@link WebhookPayloads#textMessage},
     * {@link WebhookPayloads#emailMessage}).
     *
     * @param url     the integrator's webhook URL
     * @param secret  the channel secret; {@code null} sends it unsigned (to see an integrator refuse it)
     * @param message the message; its {@code channel.messageId} identifies it across redeliveries
     */
    public WebhookDelivery deliverMessage(String url, String secret, JsonNode message) {
        String messageId = message.path("channel").path("messageId").asText(null);
        return deliver(WebhookDelivery.Kind.MESSAGE, url, secret, Json.write(message), messageId);
    }

    /**
     * Delivers an Interactions webhook {@code EventsPayload} ({@link WebhookPayloads#interactionEvents}).
     *
     * @param secret the webhook secret; {@code null} sends it unsigned
     */
    public WebhookDelivery deliverEvents(String url, String secret, JsonNode eventsPayload) {
        String operationId = eventsPayload.path("operationId").asText(null);
        return deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url, secret, Json.write(eventsPayload), operationId);
    }

    /**
     * Delivers these exact bytes (e.g. a body that is not JSON, to see an integrator refuse it).
     *
     * @param messageId what identifies the message in the log (may be {@code null})
     */
    public WebhookDelivery deliver(WebhookDelivery.Kind kind, String url, String secret, byte[] body, String messageId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("A webhook URL must be http(s)://..., got " + url);
        }
        byte[] bytes = body.clone();
        String signature = secret == null ? null : HubSignatures.sign(secret, bytes);
        WebhookDelivery delivery = new WebhookDelivery(UUID.randomUUID().toString(), kind, url, bytes, signature,
                UUID.randomUUID().toString(), messageId);
        List<Duration> schedule;
        synchronized (lock) {
            schedule = retryDelays;
            deliveries.addLast(delivery);
            trimLog();
        }
        attempt(delivery, schedule);
        return delivery;
    }

    private void attempt(WebhookDelivery delivery, List<Duration> schedule) {
        Duration timeout = responseTimeout();
        Request request = client().newRequest(delivery.url())
                .method(HttpMethod.POST)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    if (delivery.signature() != null) {
                        h.put(HubSignatures.HEADER, delivery.signature());
                    }
                    h.put(TRACE_HEADER, delivery.traceId());
                })
                .body(new BytesRequestContent(ApiResponse.JSON, delivery.body()));
        if (!delivery.sending(request)) {
            return;
        }
        int number = delivery.attemptCount() + 1;
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        request.send(new BufferingResponseListener(MAX_ANSWER_BYTES) {
            @Override
            public void onComplete(Result result) {
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
                WebhookDelivery.Attempt attempt;
                if (result.isFailed()) {
                    Throwable failure = result.getFailure();
                    boolean timedOut = causedBy(failure, TimeoutException.class);
                    attempt = new WebhookDelivery.Attempt(number, sentAt, timedOut ? 0 : status, "", latency,
                            failure.toString(), timedOut ? WebhookDelivery.Outcome.TIMEOUT
                                    : WebhookDelivery.Outcome.CONNECTION_FAILED);
                } else {
                    String answer = getContentAsString(StandardCharsets.UTF_8);
                    attempt = new WebhookDelivery.Attempt(number, sentAt, status, answer == null ? "" : answer,
                            latency, null, judge(delivery.kind(), status));
                }
                completed(delivery, attempt, schedule);
            }
        });
    }

    private static WebhookDelivery.Outcome judge(WebhookDelivery.Kind kind, int status) {
        if (kind == WebhookDelivery.Kind.INTERACTION_EVENTS) {
            // "If the third-party system doesn't respond with 200 OK ... Digital Channels will try to redeliver"
            return status == 200 ? WebhookDelivery.Outcome.ACCEPTED : WebhookDelivery.Outcome.RETRY;
        }
        if (status >= 200 && status < 300) {
            return WebhookDelivery.Outcome.ACCEPTED;
        }
        return status >= 500 ? WebhookDelivery.Outcome.RETRY : WebhookDelivery.Outcome.REFUSED;
    }

    private void completed(WebhookDelivery delivery, WebhookDelivery.Attempt attempt, List<Duration> schedule) {
        if (!delivery.record(attempt)) {
            return;
        }
        LOG.debug("Webhook {} attempt {} to {}: {} {} in {} ms", delivery.messageId(), attempt.number(),
                delivery.url(), attempt.outcome(), attempt.status(), attempt.latency().toMillis());
        switch (attempt.outcome()) {
            case ACCEPTED -> delivery.finish(WebhookDelivery.State.DELIVERED);
            case REFUSED -> delivery.finish(WebhookDelivery.State.REJECTED);
            default -> {
                int redeliveries = attempt.number() - 1;
                if (redeliveries >= schedule.size()) {
                    delivery.finish(WebhookDelivery.State.EXHAUSTED);
                    return;
                }
                Duration delay = schedule.get(redeliveries);
                ScheduledFuture<?> next = scheduler().schedule(() -> attempt(delivery, schedule), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                delivery.scheduled(next);
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    // ---- the log -------------------------------------------------------------------------------------------------

    /** @return every delivery still in the log, oldest first */
    public List<WebhookDelivery> deliveries() {
        synchronized (lock) {
            return List.copyOf(deliveries);
        }
    }

    public Optional<WebhookDelivery> delivery(String id) {
        synchronized (lock) {
            return deliveries.stream().filter(d -> d.id().equals(id)).findFirst();
        }
    }

    /** @return the deliveries of one {@code channel.messageId} (or {@code operationId}), oldest first */
    public List<WebhookDelivery> deliveriesOf(String messageId) {
        synchronized (lock) {
            return deliveries.stream().filter(d -> Objects.equals(d.messageId(), messageId)).toList();
        }
    }

    private void trimLog() {
        if (deliveries.size() <= LOG_LIMIT) {
            return;
        }
        List<WebhookDelivery> kept = new ArrayList<>(deliveries);
        deliveries.clear();
        int excess = kept.size() - LOG_LIMIT;
        for (WebhookDelivery d : kept) {
            if (excess > 0 && d.isDone()) {
                excess--;
            } else {
                deliveries.addLast(d);
            }
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    private HttpClient client() {
        synchronized (lock) {
            if (client == null) {
                QueuedThreadPool threads = new QueuedThreadPool();
                threads.setName("genesys-simulator-webhooks");
                threads.setDaemon(true);
                HttpClient http = new HttpClient();
                http.setExecutor(threads);
                http.setFollowRedirects(false);
                try {
                    http.start();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the webhook HTTP client", e);
                }
                // An integrator refusing a bad signature answers 401 without a challenge: record it, do not fail it.
                http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
                client = http;
            }
            return client;
        }
    }

    private ScheduledExecutorService scheduler() {
        synchronized (lock) {
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "genesys-simulator-webhook-redelivery");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return scheduler;
        }
    }

    /** Cancels the pending deliveries, forgets all, restores the timeout and schedule. */
    void reset() {
        List<WebhookDelivery> all;
        synchronized (lock) {
            all = List.copyOf(deliveries);
            deliveries.clear();
            responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
            retryDelays = DEFAULT_RETRY_DELAYS;
        }
        all.forEach(d -> d.finish(WebhookDelivery.State.CANCELLED));
    }

    /** Cancels the pending deliveries and stops the HTTP client and scheduler (they start again on demand). */
    void stop() {
        HttpClient stopping;
        ScheduledExecutorService stoppingScheduler;
        List<WebhookDelivery> all;
        synchronized (lock) {
            all = List.copyOf(deliveries);
            stopping = client;
            stoppingScheduler = scheduler;
            client = null;
            scheduler = null;
        }
        all.forEach(d -> d.finish(WebhookDelivery.State.CANCELLED));
        if (stoppingScheduler != null) {
            stoppingScheduler.shutdownNow();
        }
        if (stopping != null) {
            try {
                stopping.stop();
            } catch (Exception e) {
                LOG.debug("Stopping the webhook HTTP client failed", e);
            }
        }
    }
}
