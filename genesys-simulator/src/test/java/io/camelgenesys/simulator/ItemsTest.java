package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.TestHttp.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().rateLimit(10_000, Duration.ofMinutes(1)));

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);
    String token;


    @BeforeEach
    void token() throws Exception {
        token = http.cloudToken();
    }

    private JsonNode get(String path) throws Exception {
        ContentResponse response = send(http.cloud("GET", path, token));
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return body(response);
    }

    @Test
    void crud() throws Exception {
        ContentResponse created = send(json(http.cloud("POST", "/api/v2/simulator/items", token),
                "{\"name\":\"first\",\"color\":\"red\",\"id\":\"ignored\"}"));
        assertEquals(201, created.getStatus());
        JsonNode item = body(created);
        String id = item.get("id").asText();
        assertFalse(id.equals("ignored"));
        assertTrue(item.get("dateCreated").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("red", item.get("color").asText());

        assertEquals("first", get("/api/v2/simulator/items/" + id).get("name").asText());

        ContentResponse replaced = send(json(http.cloud("PUT", "/api/v2/simulator/items/" + id, token), "{\"name\":\"second\"}"));
        assertEquals(200, replaced.getStatus());
        assertEquals("second", body(replaced).get("name").asText());
        assertFalse(body(replaced).has("color"), "PUT replaces");
        assertEquals(item.get("dateCreated"), body(replaced).get("dateCreated"));

        assertEquals(204, send(http.cloud("DELETE", "/api/v2/simulator/items/" + id, token)).getStatus());
        ContentResponse missing = send(http.cloud("GET", "/api/v2/simulator/items/" + id, token));
        assertEquals(404, missing.getStatus());
        assertEquals("not.found", body(missing).get("code").asText());
        assertEquals(404, body(missing).get("status").asInt());
        assertEquals(404, send(http.cloud("DELETE", "/api/v2/simulator/items/" + id, token)).getStatus());
        assertEquals(404, send(json(http.cloud("PUT", "/api/v2/simulator/items/" + id, token), "{\"name\":\"x\"}")).getStatus());
    }

    @Test
    void nameIsRequired() throws Exception {
        ContentResponse response = send(json(http.cloud("POST", "/api/v2/simulator/items", token), "{\"color\":\"red\"}"));
        assertEquals(400, response.getStatus());
        JsonNode error = body(response);
        assertEquals("name is required", error.get("message").asText());
        assertEquals("bad.request", error.get("code").asText());
        assertEquals(400, error.get("status").asInt());
        assertEquals(400, send(json(http.cloud("POST", "/api/v2/simulator/items", token), "[1]")).getStatus());
        assertEquals(400, send(json(http.cloud("POST", "/api/v2/simulator/items", token), "{bad")).getStatus());
    }

    @Test
    void pageNumberPaging() throws Exception {
        SIM.simulator().items().seed(60);
        JsonNode first = get("/api/v2/simulator/items");
        assertEquals(25, first.get("pageSize").asInt());
        assertEquals(1, first.get("pageNumber").asInt());
        assertEquals(60, first.get("total").asInt());
        assertEquals(3, first.get("pageCount").asInt());
        assertEquals(25, first.get("entities").size());
        assertEquals("item-00001", first.get("entities").get(0).get("name").asText());
        String next = first.get("nextUri").asText();
        assertEquals("/api/v2/simulator/items?pageSize=25&pageNumber=2", next);

        JsonNode last = get("/api/v2/simulator/items?pageSize=25&pageNumber=3");
        assertEquals(10, last.get("entities").size());
        assertEquals("item-00051", last.get("entities").get(0).get("name").asText());
        assertFalse(last.has("nextUri"));

        assertEquals(0, get("/api/v2/simulator/items?pageNumber=4").get("entities").size());
    }

    @Test
    void pagingLimits() throws Exception {
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items?pageSize=0", token)).getStatus());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items?pageSize=101", token)).getStatus());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items?pageNumber=0", token)).getStatus());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items?pageSize=abc", token)).getStatus());
        assertEquals(200, send(http.cloud("GET", "/api/v2/simulator/items?pageSize=100&pageNumber=10", token)).getStatus());
        ContentResponse capped = send(http.cloud("GET", "/api/v2/simulator/items?pageSize=100&pageNumber=11", token));
        assertEquals(400, capped.getStatus());
        assertTrue(body(capped).get("message").asText().contains("1,000"), capped.getContentAsString());
    }

    @Test
    void scanToTheEnd() throws Exception {
        SIM.simulator().items().seed(1_050);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v2/simulator/items/scan?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entities").forEach(e -> assertTrue(seen.add(e.get("id").asText()), "no duplicates"));
            cursor = page.path("cursors").path("after").asText(null);
            pages++;
        } while (cursor != null);
        assertEquals(1_050, seen.size(), "scan reads past the 1,000-record paging cap");
        assertEquals(6, pages);

        assertEquals(100, get("/api/v2/simulator/items/scan").get("entities").size(), "default limit");
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items/scan?limit=9", token)).getStatus());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items/scan?limit=201", token)).getStatus());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items/scan?cursor=bogus", token)).getStatus());
    }

    @Test
    void scanOfAnExactMultipleHasNoCursorOnTheLastPage() throws Exception {
        SIM.simulator().items().seed(20);
        JsonNode first = get("/api/v2/simulator/items/scan?limit=10");
        String after = first.get("cursors").get("after").asText();
        JsonNode second = get("/api/v2/simulator/items/scan?limit=10&cursor=" + after);
        assertEquals(10, second.get("entities").size());
        assertFalse(second.path("cursors").has("after"));
    }

    @Test
    void offsetPaging() throws Exception {
        SIM.simulator().items().seed(30);
        JsonNode page = get("/api/v2/simulator/items/offset?from=25&size=10");
        assertEquals(30, page.get("count").asInt());
        assertEquals(25, page.get("from").asInt());
        assertEquals(10, page.get("size").asInt());
        assertEquals(5, page.get("items").size());
        assertEquals("item-00026", page.get("items").get(0).get("name").asText());
        assertEquals(400, send(http.cloud("GET", "/api/v2/simulator/items/offset?from=-1", token)).getStatus());
    }

    @Test
    void resetEmptiesTheStore() {
        SIM.simulator().items().seed(5);
        assertEquals(5, SIM.simulator().items().count());
        SIM.simulator().reset();
        assertEquals(0, SIM.simulator().items().count());
    }
}
