package io.camelgenesys.core.operation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.test.PlatformHttpRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headers are named {@code CamelGenesys*} (root README, "Every header name starts with CamelGenesys") so that
 * Camel's HTTP header filter drops them both ways: a caller of a route of the user's own HTTP API cannot choose the
 * operation or the item (under the old {@code Genesys*} names the caller's {@code GenesysOperation: deleteItem} turned
 * this route's get into a delete), and the producer's output headers do not reach the caller.
 */
class HttpCallerHeadersRouteTest extends PlatformHttpRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the item id is an endpoint option: a header of the same name, were it let in, would override it
                from("platform-http:/items/{id}?httpMethodRestrict=GET")
                        .toD(cloud("getItem", "itemId=${header.id}"));
            }
        };
    }

    @Test
    void aCallerCannotChooseTheOperationOrTheItemAndSeesNoGenesysHeader() throws Exception {
        String id = create("asked-for");
        String other = create("other");

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/items/" + id))
                .header(GenesysConstants.OPERATION, "deleteItem")
                .header(OperationSpec.headerName("itemId"), other)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(id, GenesysJson.parse(answer.body().getBytes()).path("id").asText(),
                "the item of the path, not the caller's header: " + answer.body());
        assertTrue(answer.headers().map().keySet().stream()
                .noneMatch(h -> h.toLowerCase().startsWith("camelgenesys")),
                "no CamelGenesys header reaches the caller: " + answer.headers().map());
        String read = route(cloud("getItem", ""));
        for (String kept : new String[] {id, other}) {
            TestItem item = template.requestBodyAndHeader(read, null, OperationSpec.headerName("itemId"), kept,
                    TestItem.class);
            assertEquals(kept, item.getId(), "neither item was deleted");
        }
    }

    private String create(String name) throws Exception {
        return template.requestBody(route(cloud("createItem", "")), Map.of("name", name), TestItem.class).getId();
    }
}
