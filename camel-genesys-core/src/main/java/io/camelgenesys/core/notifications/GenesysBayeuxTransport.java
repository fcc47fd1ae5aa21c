package io.camelgenesys.core.notifications;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.auth.TokenProvider;
import io.camelgenesys.core.http.GenesysErrors;
import org.cometd.bayeux.Promise;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The long-polling transport over the connection's shared Jetty client that adds, to EVERY Bayeux request
 * (handshake, connect, subscribe, disconnect), the connection headers ({@code x-api-key} on Multicloud) and the
 * {@code Authorization} value of the connection's token provider at the moment the request is sent, so a rotated
 * token is used by the very next request.
 * <p>
 * Cookies: ONE store per connection, the connection's Jetty client's, shared by the REST calls and the CometD
 * session, as the official Genesys clients share one cookie jar (a Statistics subscription created over REST must
 * carry the cookie of the CometD session that is to receive its updates). CometD would keep its cookies in a store of
 * the BayeuxClient's own: {@link #setHttpCookieStore} keeps the shared one instead, the transport stores each
 * {@code Set-Cookie} of a Bayeux response in it, and the Jetty client adds the matching cookies to every request
 * (Bayeux and REST alike) when it sends it.
 * <p>
 * Getting the value never blocks: when the provider has a valid token the future is already complete; when it must
 * obtain one (expired, or invalidated after a 401) the request is sent when the future completes. A 401 invalidates
 * the token that request carried, not a newer one another request already uses.
 */
final class GenesysBayeuxTransport extends JettyHttpClientTransport {

    private final TokenProvider tokens;
    private final Map<String, String> connectionHeaders;
    private final HttpCookieStore cookies;
    /** Read for every response (CometD's own field is set once, at init). */
    private volatile int maxMessageSize;
    private boolean maxMessageSizeChosen; // guarded by this

    GenesysBayeuxTransport(Map<String, Object> options, HttpClient httpClient, TokenProvider tokens,
                           Map<String, String> connectionHeaders) {
        super(options, httpClient);
        this.tokens = tokens;
        this.connectionHeaders = connectionHeaders;
        this.cookies = httpClient.getHttpCookieStore();
        super.setHttpCookieStore(cookies);
        this.maxMessageSize = options.get(MAX_MESSAGE_SIZE_OPTION) instanceof Number n ? n.intValue()
                : GenesysNotifications.DEFAULT_MAX_MESSAGE_SIZE;
    }

    @Override
    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /** The first user's choice sets the limit; later users only raise it (they share it). */
    synchronized void acceptMessagesUpTo(int bytes) {
        if (!maxMessageSizeChosen || bytes > maxMessageSize) {
            maxMessageSize = bytes;
        }
        maxMessageSizeChosen = true;
    }

    /** None here: the Jetty client adds the store's cookies to every request itself (REST and Bayeux alike). */
    @Override
    protected java.util.List<org.eclipse.jetty.http.HttpCookie> getCookies(java.net.URI uri) {
        return java.util.List.of();
    }

    /** The BayeuxClient hands every transport a store of its own; keep the connection's. */
    @Override
    public void setHttpCookieStore(HttpCookieStore ignored) {
        super.setHttpCookieStore(cookies);
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
                    // CometD put a Cookie header from the shared store; the Jetty client adds the same cookies from it
                    // when it sends the request (as for REST calls), so drop CometD's to send them once
                    h.remove(HttpHeader.COOKIE);
                    connectionHeaders.forEach(h::put);
                    if (value != null) {
                        h.put(HttpHeader.AUTHORIZATION, value);
                    }
                });
                if (value != null) {
                    // a 401 drops the token THIS request carried, and only if it is still the current one: requests
                    // under way together may carry different tokens (a long /meta/connect sent with the old one while
                    // a subscribe went with its successor), and the successor must stay (invalidate-if-current).
                    // Response-begin runs before CometD handles the failure (GenesysNotifications then awaits a token)
                    request.onResponseBegin(response -> {
                        if (response.getStatus() == 401) {
                            tokens.invalidate(value);
                        }
                    });
                }
                promise.succeed(request);
            } catch (Throwable t) {
                promise.fail(t);
            }
        });
    }

    @Override
    public String toString() {
        // the default includes options; keep it short and free of anything sensitive
        // (the CometD client logs it at DEBUG): a base URL's user info and query masked
        return "GenesysBayeuxTransport[" + Secrets.url(getURL()) + "]";
    }
}
