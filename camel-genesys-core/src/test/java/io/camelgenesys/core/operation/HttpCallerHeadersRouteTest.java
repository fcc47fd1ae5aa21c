package io.camelgenesys.core.operation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.test.PlatformHttpRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code Genesys*} headers are not {@code Camel*} headers, so Camel's HTTP header filter lets them through both
 * ways (root README, "Header names are not Camel-prefixed"): a caller of a route of the user's own HTTP API can send
 * {@code GenesysOperation} and the producer obeys it, and the route's answer carries the producer's output headers.
 * {@code removeHeaders("Genesys*")} where the route meets HTTP keeps both out; this pins what the README says.
 */
class HttpCallerHeadersRouteTest extends PlatformHttpRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/unguarded/{id}?httpMethodRestrict=GET")
                        .setHeader("GenesysItemId", header("id"))
                        .to(cloud("getItem", ""));
                from("platform-http:/guarded/{id}?httpMethodRestrict=GET")
                        .removeHeaders("Genesys*") // what the caller sent
                        .setHeader("GenesysItemId", header("id"))
                        .to(cloud("getItem", ""))
                        .removeHeaders("Genesys*"); // what the producer reported
            }
        };
    }

    @Test
    void aCallerOfAnUnguardedRouteCanSwitchItsOperation() throws Exception {
        String id = create("unguarded");

        HttpResponse<String> answer = get("/unguarded/" + id);

        assertEquals(204, answer.statusCode(), "the delete's empty answer, not the item: " + answer.body());
        assertTrue(answer.headers().firstValue("GenesysHttpStatus").isPresent(),
                "the producer's output headers reach the HTTP caller: " + answer.headers().map());
        CamelExecutionException gone = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(route(cloud("getItem", "")), null, "GenesysItemId", id));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, gone.getCause()).getHttpStatus(),
                "the caller's GenesysOperation header turned the route's get into a delete");
    }

    @Test
    void removeHeadersKeepsTheCallersHeadersOutAndTheProducersHeadersIn() throws Exception {
        String id = create("guarded");
        String other = create("other");

        HttpResponse<String> answer = get("/guarded/" + id);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("guarded", GenesysJson.parse(answer.body().getBytes()).path("name").asText(), answer.body());
        assertTrue(answer.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("genesys")),
                "no Genesys header reaches the caller: " + answer.headers().map());
        String read = route(cloud("getItem", ""));
        for (String kept : new String[] {id, other}) {
            TestItem item = template.requestBodyAndHeader(read, null, "GenesysItemId", kept, TestItem.class);
            assertEquals(kept, item.getId(), "neither item was deleted");
        }
    }

    private String create(String name) throws Exception {
        return template.requestBody(route(cloud("createItem", "")), Map.of("name", name), TestItem.class).getId();
    }

    /** A GET whose caller also sends {@code GenesysOperation: deleteItem}, as an attacker would. */
    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("GenesysOperation", "deleteItem")
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
