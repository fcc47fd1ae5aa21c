package io.camelgenesys.core.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.camelgenesys.core.GenesysAuthException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way of not getting a token reaches a route as the {@link GenesysAuthException} that {@link TokenProvider}
 * promises, so that one {@code onException(GenesysAuthException.class)} handles them: a token endpoint answering
 * 200 with a body that is not JSON, or not answering at all (dropped connection, timeout), failed with a plain
 * {@code GenesysApiException} that such a handler missed.
 */
class TokenFailureTypeRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String TOKEN = "/oauth/token";

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    /** A route whose only handler is for GenesysAuthException; what it caught is the body. */
    private String handledRoute(String endpointUri) throws Exception {
        String from = "direct:auth-" + System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(GenesysAuthException.class).handled(true)
                        .setBody(exchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT));
                from(from).to(endpointUri);
            }
        });
        return from;
    }

    @Test
    void aTokenAnswerThatIsNotJsonIsAnAuthFailure() throws Exception {
        sim().faults().on("POST", TOKEN).status(200).body("<html>gateway</html>", "text/html");
        String r = handledRoute(cloud("createItem", "retryEnabled=false"));
        Object caught = template.requestBody(r, Map.of("name", "x"));
        GenesysAuthException auth = assertAuth(caught);
        assertTrue(auth.getMessage().contains("not valid JSON"), "says what is wrong: " + auth.getMessage());
        assertEquals(200, auth.getHttpStatus());
    }

    @Test
    void aTokenRequestThatGetsNoAnswerIsAnAuthFailure() throws Exception {
        sim().faults().on("POST", TOKEN).drop();
        String r = handledRoute(cloud("createItem", "retryEnabled=false"));
        Object caught = template.requestBody(r, Map.of("name", "x"));
        GenesysAuthException auth = assertAuth(caught);
        assertEquals(0, auth.getHttpStatus(), "no HTTP status");
        assertTrue(auth.getMessage().contains("no HTTP status"), auth.getMessage());
    }

    @Test
    void aTokenRequestThatTimesOutIsAnAuthFailure() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        try {
            sim().faults().on("POST", TOKEN).holdUntil(release);
            String r = handledRoute(cloud("createItem", "retryEnabled=false&requestTimeout=500"));
            Object caught = template.requestBody(r, Map.of("name", "x"));
            GenesysAuthException auth = assertAuth(caught);
            assertTrue(auth.getMessage().contains("timed out"), auth.getMessage());
        } finally {
            release.complete(null);
        }
    }

    private static GenesysAuthException assertAuth(Object caught) {
        assertTrue(caught instanceof GenesysAuthException,
                "the route's onException(GenesysAuthException) handled it; it got "
                                                           + (caught instanceof Throwable t ? t.toString() : caught));
        return (GenesysAuthException) caught;
    }
}
