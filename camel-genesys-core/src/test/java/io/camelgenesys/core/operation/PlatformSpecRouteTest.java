package io.camelgenesys.core.operation;

import java.util.List;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-platform operation specs, list results inside an envelope, and the total pointer. */
class PlatformSpecRouteTest extends SimulatorRouteTestSupport {

    @Test
    void aListInAnEnvelopeBecomesAListOfModelsWithItsTotal() throws Exception {
        sim().faults().on("GET", "/test/v2/envelope").status(200)
                .body("{\"statusCode\":0,\"count\":2,\"things\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\"}]}",
                        "application/json")
                .times(1);
        Exchange e = template.request(route(cloud("listEnvelope", "")), x -> {
        });
        List<?> things = e.getMessage().getBody(List.class);
        assertEquals(2, things.size());
        assertEquals("A", assertInstanceOf(TestItem.class, things.get(0)).getName());
        assertEquals(2L, e.getMessage().getHeader(GenesysConstants.TOTAL));
    }

    @Test
    void anOperationThePlatformLacksFailsAtEndpointCreation() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(multicloud("listEnvelope", "")));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().startsWith("Operation listEnvelope is not available on platform multicloud;"
                                                + " genesys-test operations on multicloud are: getItem,"),
                root.getMessage());
        assertTrue(!root.getMessage().contains("are: " + "listEnvelope") && !root.getMessage().endsWith("listEnvelope"),
                root.getMessage());
    }
}
