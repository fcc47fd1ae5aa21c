package io.camelgenesys.core.http;

import java.util.Map;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Genesys accepts request bodies of at most 512,000 bytes: a larger one is refused before it is sent, naming the
 * limit and the size, whatever form the body came in; one of exactly 512,000 bytes is sent.
 */
class RequestBodyLimitRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String ITEMS = "/api/v2/simulator/items";

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    /** {@code {"name":"xxx..."}} of exactly {@code bytes} bytes. */
    private static String bodyOf(int bytes) {
        return "{\"name\":\"" + "x".repeat(bytes - 11) + "\"}";
    }

    @Test
    void aBodyOfExactlyTheLimitIsSent() throws Exception {
        String body = bodyOf(GenesysRequest.MAX_BODY_BYTES);
        assertEquals(512_000, body.length());
        TestItem item = template.requestBody(route(cloud("createItem", "")), body, TestItem.class);
        assertEquals(511_989, item.getName().length());
        assertEquals(1, sim().requests().count("POST", ITEMS));
    }

    @Test
    void aBodyOneByteOverIsRefusedBeforeSendingInEveryForm() throws Exception {
        String r = route(cloud("createItem", ""));
        String text = bodyOf(GenesysRequest.MAX_BODY_BYTES + 1);
        for (Object body : new Object[] {
                text, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Map.of("name", "x".repeat(GenesysRequest.MAX_BODY_BYTES + 1 - 11)) }) {
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(r, body));
            IllegalArgumentException refused = assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertTrue(refused.getMessage().contains("512,001 bytes"), "names the size: " + refused.getMessage());
            assertTrue(refused.getMessage().contains("512,000 bytes Genesys accepts"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("POST " + ITEMS), "names the request: " + refused.getMessage());
        }
        assertEquals(0, sim().requests().count("*", ITEMS + "/**") + sim().requests().count("*", ITEMS),
                "nothing was sent");
    }
}
