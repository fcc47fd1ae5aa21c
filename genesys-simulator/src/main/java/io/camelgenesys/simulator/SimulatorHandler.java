package io.camelgenesys.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.SocketEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, the first handler of the Jetty server. Every request goes through the same steps:
 * <ol>
 * <li>{@code ININ-Correlation-ID} on the response (Genesys sends one on every response);</li>
 * <li>{@code /simulator/**} admin paths are served at once (no faults, not counted);</li>
 * <li>the request is counted ({@link Requests}), token POSTs by grant ({@link Tokens});</li>
 * <li>the fault switchboard (hold, delay, drop, canned status/body) — before auth, as a fault stands for the network or
 * the server failing;</li>
 * <li>then by path: CometD (api key + bearer checked on every Bayeux request, handed to the CometD servlet in the
 * wrapped servlet context), the token endpoints, or an API route (authentication in the route's {@link Auth}
 * style, rate limit for bearer tokens, then the {@link RouteHandler}).</li>
 * </ol>
 */
final class SimulatorHandler extends Handler.Wrapper {

    static final String CORRELATION_ID = "ININ-Correlation-ID";
    /** Bodies are read into memory; nothing the simulated APIs accept comes close to this. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);

    /** One request on its way through the pipeline; {@code body} is {@code null} for CometD requests. */
    private record Exchange(Request request, Response response, Callback callback, String method, String path,
            byte[] body, boolean cometd) {
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    private final GenesysSimulator sim;
    private final Authenticator authenticator;
    private final TokenEndpoints tokenEndpoints;
    private final AdminEndpoints admin;
    private final RateLimiter rateLimiter;

    SimulatorHandler(GenesysSimulator sim, RateLimiter rateLimiter, Handler cometdContext) {
        super(cometdContext);
        this.sim = sim;
        this.rateLimiter = rateLimiter;
        this.authenticator = new Authenticator(sim);
        this.tokenEndpoints = new TokenEndpoints(sim, authenticator);
        this.admin = new AdminEndpoints(sim);
    }

    /** Bodies are read with blocking reads and handlers may block: Jetty must call us on a thread that may block. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(CORRELATION_ID, UUID.randomUUID().toString());
        try {
            String method = request.getMethod();
            String path = Request.getPathInContext(request);
            if (AdminEndpoints.handles(path)) {
                write(response, callback, admin.handle(method, path, readBody(request)));
                return true;
            }
            sim.requests().record(method, path, request.getHeaders());
            boolean cometd = sim.cometd().isMounted(path);
            // CometD reads its own body (asynchronously); a WebSocket upgrade has none; every other body is small JSON
            // or a form, read up front.
            byte[] body = cometd || SocketEndpoint.handles(path) ? null : readBody(request);
            if (TokenEndpoints.isTokenRequest(method, path)) {
                String grant = ApiRequest.parseForm(new String(body, StandardCharsets.UTF_8)).get("grant_type");
                sim.tokens().recordRequest(grant);
            }
            Exchange exchange = new Exchange(request, response, callback, method, path, body, cometd);
            FaultRule.Action fault = sim.faults().take(method, path);
            if (fault != null && fault.hold() != null) {
                // held without a server thread: the test's release goes on, on a server thread
                fault.hold().whenComplete((released, failure) -> request.getContext().execute(
                        () -> delayed(request, exchange, fault)));
            } else {
                delayed(request, exchange, fault);
            }
        } catch (Throwable x) {
            fail(request, response, callback, x);
        }
        return true;
    }

    private void delayed(Request request, Exchange exchange, FaultRule.Action fault) {
        if (fault != null && !fault.delay().isZero()) {
            // Scheduled, not slept: a delay rule must not hold a server thread per delayed request.
            request.getComponents().getScheduler().schedule(
                    () -> request.getContext().execute(() -> proceed(exchange, fault)),
                    fault.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            proceed(exchange, fault);
        }
    }

    private void proceed(Exchange ex, FaultRule.Action fault) {
        try {
            if (fault != null && fault.drop()) {
                drop(ex);
            } else if (fault != null && fault.hasResponse()) {
                write(ex, faultResponse(ex, fault));
            } else if (ex.cometd()) {
                cometd(ex);
            } else if (SocketEndpoint.handles(ex.path())) {
                ApiResponse refused = sim.notifications().sockets().upgrade(ex.path(), ex.request(), ex.response(),
                        ex.callback());
                if (refused != null) {
                    write(ex, refused);
                }
            } else if (TokenEndpoints.handles(ex.path())) {
                write(ex, tokenEndpoints.handle(ex.method(), ex.path(), ex.request().getHeaders(), query(ex), ex.body()));
            } else {
                api(ex);
            }
        } catch (Throwable x) {
            fail(ex.request(), ex.response(), ex.callback(), x);
        }
    }

    // ---- API routes ----------------------------------------------------------------------------------------------

    private void api(Exchange ex) {
        Routes.Lookup lookup = sim.routes().find(ex.method(), ex.path());
        Route route = lookup.route();
        Auth auth = route != null ? route.auth() : Auth.forPath(ex.path());

        Authenticator.Result authentication = authenticator.check(auth, ex.request().getHeaders());
        if (!authentication.ok()) {
            write(ex, authentication.failure());
            return;
        }
        Tokens.AccessToken token = authentication.token();
        if (token != null) {
            RateLimiter.Decision decision = rateLimiter.charge(token.value());
            ex.response().getHeaders().put("X-Rate-Limit-Limit", decision.limit());
            ex.response().getHeaders().put("X-Rate-Limit-Remaining", decision.remaining());
            ex.response().getHeaders().put("X-Rate-Limit-Reset", decision.resetSeconds());
            if (!decision.allowed()) {
                sim.requests().recordRateLimited();
                long wait = decision.resetSeconds();
                write(ex, ApiResponse.json(429, ErrorBodies.forAuth(auth, 429, "too.many.requests",
                        "Rate limit exceeded the maximum. Retry the request in [" + wait + "] seconds"))
                        .header("Retry-After", String.valueOf(wait)));
                return;
            }
        }

        if (route == null) {
            if (lookup.allowedMethods().isEmpty()) {
                write(ex, error(auth, 404, "No resource found at " + ex.path()));
            } else {
                String allowed = String.join(", ", lookup.allowedMethods());
                write(ex, error(auth, 405, "Method " + ex.method() + " is not allowed; allowed: " + allowed)
                        .header("Allow", allowed));
            }
            return;
        }

        ApiRequest apiRequest = new ApiRequest(ex.method(), ex.path(), lookup.pathParams(), query(ex),
                ex.request().getHeaders(), ex.body(), auth, token);
        ApiResponse answer;
        try {
            answer = route.handler().handle(apiRequest);
            if (answer == null) {
                throw new IllegalStateException("Route " + route.method() + " " + route.pattern() + " returned null");
            }
        } catch (ApiException e) {
            answer = ApiResponse.json(e.status(), ErrorBodies.forAuth(auth, e.status(), e.code(), e.getMessage()));
        } catch (Exception e) {
            LOG.warn("Route {} {} failed on {} {}", route.method(), route.pattern(), ex.method(), ex.path(), e);
            answer = error(auth, 500, "The simulator failed to serve the request: " + e);
        }
        write(ex, answer);
    }

    // ---- CometD --------------------------------------------------------------------------------------------------

    private void cometd(Exchange ex) throws Exception {
        Authenticator.Result authentication = authenticator.check(Auth.MULTICLOUD, ex.request().getHeaders());
        if (!authentication.ok()) {
            write(ex, authentication.failure());
            return;
        }
        Request request = ex.request();
        if (sim.cometd().hasPendingRejections()) {
            // Only when a rejection is pending is the body looked at (and then handed on whole to CometD).
            byte[] body = readBody(request);
            if (isHandshake(body)) {
                int status = sim.cometd().takeRejection();
                if (status > 0) {
                    write(ex, ApiResponse.json(status, ErrorBodies.multicloud(status, HttpStatus.getMessage(status))));
                    return;
                }
            }
            request = new ReplayRequest(request, body);
        }
        if (!super.handle(request, ex.response(), ex.callback())) {
            write(ex, error(Auth.MULTICLOUD, 404, "No resource found at " + ex.path()));
        }
    }

    private static boolean isHandshake(byte[] body) {
        try {
            JsonNode messages = Json.parse(body);
            if (messages.isObject()) {
                return "/meta/handshake".equals(messages.path("channel").asText());
            }
            for (JsonNode message : messages) {
                if ("/meta/handshake".equals(message.path("channel").asText())) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- faults --------------------------------------------------------------------------------------------------

    private ApiResponse faultResponse(Exchange ex, FaultRule.Action fault) {
        int status = fault.status() > 0 ? fault.status() : 200;
        ApiResponse response;
        if (fault.body() != null) {
            response = ApiResponse.raw(status, fault.contentType(), fault.body());
        } else if (status >= 400) {
            response = error(styleOf(ex), status, HttpStatus.getMessage(status));
        } else {
            response = ApiResponse.status(status);
        }
        fault.headers().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response;
    }

    private Auth styleOf(Exchange ex) {
        Route route = sim.routes().find(ex.method(), ex.path()).route();
        return route != null ? route.auth() : Auth.forPath(ex.path());
    }

    /**
     * Closes the connection under the request without writing anything, so the client sees the connection end
     * (EOF or reset) instead of a response.
     */
    private static void drop(Exchange ex) {
        ex.request().getConnectionMetaData().getConnection().getEndPoint().close();
        ex.callback().failed(new EofException("Connection dropped by a simulator fault"));
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    private static ApiResponse error(Auth auth, int status, String message) {
        return ApiResponse.json(status, ErrorBodies.forAuth(auth, status, ErrorBodies.cloudCode(status), message));
    }

    private static void write(Exchange ex, ApiResponse answer) {
        write(ex.response(), ex.callback(), answer);
    }

    private static void write(Response response, Callback callback, ApiResponse answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        byte[] body = answer.body();
        if (body != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.write(true, ByteBuffer.wrap(body), callback);
        } else {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        }
    }

    private static void fail(Request request, Response response, Callback callback, Throwable x) {
        if (response.isCommitted()) {
            LOG.debug("Failed after the response was committed: {} {}", request.getMethod(), request.getHttpURI(), x);
            callback.failed(x);
            return;
        }
        response.reset();
        response.getHeaders().put(CORRELATION_ID, UUID.randomUUID().toString());
        Auth style = Auth.forPath(Request.getPathInContext(request));
        if (x instanceof BodyTooLargeException) {
            write(response, callback, error(style, 413, x.getMessage()));
            return;
        }
        LOG.warn("The simulator failed to serve {} {}", request.getMethod(), request.getHttpURI(), x);
        write(response, callback, error(style, 500, "The simulator failed to serve the request: " + x));
    }

    private static Map<String, List<String>> query(Exchange ex) {
        return ApiRequest.parseQuery(ex.request().getHttpURI().getQuery());
    }

    private static byte[] readBody(Request request) throws IOException {
        InputStream in = Request.asInputStream(request);
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return bytes;
    }
}
