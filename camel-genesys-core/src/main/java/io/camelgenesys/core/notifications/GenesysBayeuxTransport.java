package io.camelgenesys.core.notifications;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.auth.TokenProvider;
import io.camelgenesys.core.http.GenesysErrors;
import org.cometd.bayeux.Promise;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The long-polling transport over the connection's shared Jetty client that adds, to EVERY Bayeux request
 * (handshake, connect, subscribe, disconnect), the connection headers ({@code x-api-key} on Multicloud) and the
 * {@code Authorization} value of the connection's token provider at the moment the request is sent, so a rotated
 * token is used by the very next request.
 * <p>
 * Cookies: the BayeuxClient keeps them in its own store (the transport consumes {@code Set-Cookie} before the Jetty
 * client would store it), across re-handshakes, and clears them when a session ends for good.
 * <p>
 * Getting the value never blocks: when the provider has a valid token the future is already complete; when it must
 * obtain one (expired, or invalidated after a 401) the request is sent when the future completes.
 */
final class GenesysBayeuxTransport extends JettyHttpClientTransport {

    private final TokenProvider tokens;
    private final Map<String, String> connectionHeaders;
    private volatile String lastAuthorization;

    GenesysBayeuxTransport(Map<String, Object> options, HttpClient httpClient, TokenProvider tokens,
                           Map<String, String> connectionHeaders) {
        super(options, httpClient);
        this.tokens = tokens;
        this.connectionHeaders = connectionHeaders;
    }

    @Override
    protected void customize(Request request, Promise<Request> promise) {
        CompletableFuture<String> authorization;
        try {
            authorization = tokens.authorization();
        } catch (Throwable t) {
            promise.fail(t);
            return;
        }
        authorization.whenComplete((value, failure) -> {
            if (failure != null) {
                // the BayeuxClient fails the messages and retries (handshake/connect) with backoff
                promise.fail(GenesysErrors.unwrap(failure));
                return;
            }
            try {
                request.headers(h -> {
                    // the transport always puts a Cookie header from the BayeuxClient's cookie store (which keeps the
                    // session cookies: CometD takes Set-Cookie over from the Jetty client); drop it when empty
                    String cookie = h.get(HttpHeader.COOKIE);
                    if (cookie != null && cookie.isBlank()) {
                        h.remove(HttpHeader.COOKIE);
                    }
                    connectionHeaders.forEach(h::put);
                    if (value != null) {
                        h.put(HttpHeader.AUTHORIZATION, value);
                    }
                });
                lastAuthorization = value;
                promise.succeed(request);
            } catch (Throwable t) {
                promise.fail(t);
            }
        });
    }

    /** The Authorization value of the last request sent (to invalidate after a 401); never logged. */
    String lastAuthorization() {
        return lastAuthorization;
    }

    @Override
    public String toString() {
        // the default includes options; keep it short and free of anything sensitive
        return "GenesysBayeuxTransport[" + getURL() + "]";
    }
}
