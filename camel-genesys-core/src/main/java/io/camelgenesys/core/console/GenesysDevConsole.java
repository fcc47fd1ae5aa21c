package io.camelgenesys.core.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysConnections;
import io.camelgenesys.core.http.RateLimiter;
import io.camelgenesys.core.metrics.GenesysMetrics;
import io.camelgenesys.core.notifications.GenesysNotifications;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The Camel dev console {@code genesys}: each shared Genesys connection of the CamelContext with its platform and
 * host, when its token expires, the client-side rate budget used and left in the current window and what Genesys last
 * said was left, requests, retries, 429 answers, failures and tokens obtained, and each CometD session on it with its
 * state, re-handshakes and subscribed channels; and where the Micrometer meters go ({@link GenesysMetrics}). Never a
 * secret: no credential, token, API key or authorization header is read here.
 * <p>
 * Registered like Camel's own consoles ({@code META-INF/services/org/apache/camel/dev-console/genesys}); shown by
 * Camel's developer console (camel-console, {@code camel.main.dev-console-enabled=true}).
 */
@DevConsole(name = "genesys", displayName = "Genesys",
            description = "Genesys connections: rate budget, tokens, retries and CometD sessions")
public class GenesysDevConsole extends AbstractDevConsole {

    public GenesysDevConsole() {
        super("camel", "genesys", "Genesys", "Genesys connections: rate budget, tokens, retries and CometD sessions");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        List<JsonObject> connections = connections();
        if (!connections.isEmpty()) {
            sb.append(String.format("Metrics: %s%n", metrics()));
        }
        for (JsonObject c : connections) {
            sb.append(String.format("Connection: %s (%s)%n", c.get("id"), c.get("platform")));
            sb.append(String.format("    Host: %s%n", c.get("host")));
            sb.append(String.format("    Token Expires: %s%n", c.getOrDefault("tokenExpiresAt", "n/a")));
            JsonObject rate = (JsonObject) c.get("rateLimit");
            sb.append(String.format("    Rate Budget: %s used, %s remaining of %s per %s ms%s%n", rate.get("used"),
                    rate.getOrDefault("remaining", "unlimited"), rate.get("limit"), rate.get("periodMillis"),
                    rate.containsKey("genesysRemaining") ? " (Genesys: " + rate.get("genesysRemaining") + " left)" : ""));
            sb.append(String.format("    Requests: %s, Retries: %s, 429s: %s, Failures: %s, Last Status: %s%n",
                    c.get("requests"), c.get("retries"), c.get("rateLimited"), c.get("failures"), c.get("lastHttpStatus")));
            sb.append(String.format("    Tokens Obtained: %s, Token Failures: %s%n", c.get("tokensObtained"),
                    c.get("tokenFailures")));
            for (Object o : (JsonArray) c.get("cometd")) {
                JsonObject s = (JsonObject) o;
                sb.append(String.format("    CometD %s: %s, %s handshake(s) (%s re-handshake(s)), %s message(s), channels %s%n",
                        s.get("path"), s.get("state"), s.get("handshakes"), s.get("rehandshakes"), s.get("messages"),
                        s.get("channels")));
            }
        }
        return sb.length() == 0 ? "No Genesys connection is open\n" : sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("metrics", metrics());
        root.put("connections", connections());
        return root;
    }

    private String metrics() {
        return GenesysMetrics.of(getCamelContext()).describe();
    }

    private List<JsonObject> connections() {
        GenesysConnections registry = GenesysConnections.find(getCamelContext());
        List<JsonObject> list = new ArrayList<>();
        if (registry == null) {
            return list;
        }
        for (GenesysConnection c : registry.connections()) {
            JsonObject jo = new JsonObject();
            jo.put("id", c.id());
            jo.put("platform", c.platform().name());
            jo.put("host", host(c.baseUrl()));
            // as the health check shows it: user info and query masked (a gateway may take credentials there)
            jo.put("baseUrl", Secrets.url(c.baseUrl()));
            Instant expires = c.tokens().tokenExpiresAt();
            if (expires != null) {
                jo.put("tokenExpiresAt", expires.toString());
                jo.put("tokenExpiresInSeconds", Math.max(0, Duration.between(Instant.now(), expires).toSeconds()));
            }
            jo.put("tokenValid", c.tokens().hasValidToken());
            jo.put("rateLimit", rate(c.rateLimiter()));
            jo.put("requests", c.requestCount());
            jo.put("retries", c.retryCount());
            jo.put("rateLimited", c.rateLimitedCount());
            jo.put("failures", c.failureCount());
            jo.put("tokensObtained", c.tokens().tokensObtained());
            jo.put("tokenFailures", c.tokens().tokenFailures());
            jo.put("lastHttpStatus", c.lastStatus());
            JsonArray sessions = new JsonArray();
            for (AutoCloseable a : c.attachments()) {
                if (a instanceof GenesysNotifications n) {
                    JsonObject s = new JsonObject();
                    s.put("path", n.path());
                    s.put("url", Secrets.url(n.url()));
                    s.put("state", n.state().name());
                    s.put("handshakes", n.handshakeCount());
                    s.put("rehandshakes", Math.max(0, n.handshakeCount() - 1));
                    s.put("messages", n.messageCount());
                    s.put("channels", new JsonArray(List.copyOf(n.channels())));
                    sessions.add(s);
                }
            }
            jo.put("cometd", sessions);
            list.add(jo);
        }
        return list;
    }

    private static JsonObject rate(RateLimiter limiter) {
        JsonObject rate = new JsonObject();
        int used = limiter.usedInWindow();
        rate.put("limit", limiter.limit());
        rate.put("periodMillis", limiter.periodMillis());
        rate.put("used", used);
        if (limiter.limit() > 0) {
            rate.put("remaining", Math.max(0, limiter.limit() - used));
        }
        Integer genesys = limiter.lastRemaining();
        if (genesys != null) {
            rate.put("genesysRemaining", genesys);
        }
        rate.put("waiting", limiter.waiting());
        return rate;
    }

    private static String host(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
