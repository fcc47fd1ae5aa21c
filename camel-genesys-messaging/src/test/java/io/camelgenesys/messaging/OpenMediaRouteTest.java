package io.camelgenesys.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.messaging.model.InteractionData;
import io.camelgenesys.messaging.model.OpenMediaInteraction;
import io.camelgenesys.messaging.model.PropertyChanges;
import io.camelgenesys.messaging.openmedia.OpenMediaConstants;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.OpenMedia;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-openmedia through routes against the simulator's Open Media API: create (a 409 as a clear error, or the
 * existing workitem with idempotentCreate), get, update and stop by interaction id and by external id (ext_ and the
 * encoded id in one path segment), the documented errors, and concurrent creates of the same external id.
 */
class OpenMediaRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    private static final String SERVICE = OpenMedia.DEFAULT_SERVICE;
    private LogCapture logs;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        logs = LogCapture.install();
        return super.createCamelContext();
    }

    @AfterEach
    void noSecretLogged() {
        try {
            logs.assertNoneContains(List.of("mc-secret", "agent1-password", "mc-api-key"));
        } finally {
            logs.uninstall();
        }
    }

    private String om(String operation, String options) {
        return "genesys-openmedia:" + operation + "?" + SimulatorSupport.multicloud(sim()) + "&openMediaService=" + SERVICE
               + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void aCrmRecordBecomesAWorkitemReadUpdatedAndStoppedByItsExternalId() throws Exception {
        String externalId = "CASE/00042 a%b";
        Exchange created = template.request(route(om("create", "")), e -> {
            e.getMessage().setHeader(OpenMediaConstants.EXTERNAL_ID, externalId);
            e.getMessage().setBody(Map.of("subject", "Broken printer", "priority", 2));
        });

        OpenMediaInteraction workitem = assertInstanceOf(OpenMediaInteraction.class, created.getMessage().getBody());
        assertEquals(Boolean.FALSE, created.getMessage().getHeader(OpenMediaConstants.INTERACTION_EXISTED));
        assertEquals(externalId, workitem.getExternalId());
        assertEquals("Broken printer", workitem.getUserData().get("subject"), "a plain record is the user data");
        assertEquals("Queued", workitem.getState());

        OpenMediaInteraction read = template.requestBodyAndHeader(route(om("get", "")), null,
                OpenMediaConstants.EXTERNAL_ID, externalId, OpenMediaInteraction.class);
        assertEquals(workitem.getId(), read.getId(), "ext_ + the percent-encoded id, one segment");

        PropertyChanges changes = new PropertyChanges();
        changes.setChangedProperties(Map.of("priority", 1));
        changes.setAddedProperties(Map.of("assignee", "team-b"));
        changes.setDeletedProperties(List.of("subject"));
        OpenMediaInteraction updated = template.requestBodyAndHeader(route(om("update", "")), changes,
                OpenMediaConstants.EXTERNAL_ID, externalId, OpenMediaInteraction.class);
        assertEquals(Map.of("priority", 1, "assignee", "team-b"), updated.getUserData());

        OpenMediaInteraction stopped = template.requestBodyAndHeader(route(om("stop",
                "reasonSystemName=Resolved&reasonDescription=Fixed+in+CRM")), null,
                OpenMediaConstants.EXTERNAL_ID, externalId, OpenMediaInteraction.class);
        assertEquals("Stopped", stopped.getState());
        assertEquals("Resolved", stopped.getStopReason().getReasonSystemName());
        ObjectNode stored = sim().digitalChannels().openMedia().interactionByExternalId(SERVICE, externalId).orElseThrow();
        assertEquals("Stopped", stored.path("state").asText());
    }

    @Test
    void byInteractionIdWithTheWorkitemsOwnFields() throws Exception {
        InteractionData data = new InteractionData();
        data.setExternalId("ORDER-7");
        data.setReceivedAt(OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)));
        data.setUserData(Map.of("amount", 12.5));
        OpenMediaInteraction workitem = template.requestBody(route(om("create", "")), data, OpenMediaInteraction.class);
        assertNotNull(workitem.getReceivedAt());

        String get = route(om("get", "interactionId=" + workitem.getId()));
        assertEquals("ORDER-7", template.requestBody(get, null, OpenMediaInteraction.class).getExternalId());

        OpenMediaInteraction child = template.requestBody(route(om("create", "parentInteractionId=" + workitem.getId())),
                Map.of("userData", Map.of("step", "2")), OpenMediaInteraction.class);
        assertEquals(workitem.getId(), child.getParentInteractionId());

        String stop = route(om("stop", "interactionId=" + workitem.getId()));
        template.requestBody(stop, Map.of("reasonSystemName", "Done"));
        OpenMediaInteraction again = template.requestBody(stop, Map.of("reasonSystemName", "Twice"),
                OpenMediaInteraction.class);
        assertEquals("Done", again.getStopReason().getReasonSystemName(), "stopping twice changes nothing");
    }

    @Test
    void aConflictIsAClearErrorOrTheExistingWorkitem() throws Exception {
        String plain = route(om("create", "externalId=CASE-9"));
        OpenMediaInteraction first = template.requestBody(plain, null, OpenMediaInteraction.class);

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(plain, (Object) null));
        GenesysApiException conflict = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(409, conflict.getHttpStatus());
        assertTrue(conflict.getMessage().contains("externalId CASE-9 exists already in open media service " + SERVICE)
                   && conflict.getMessage().contains("idempotentCreate=true"), conflict.getMessage());

        Exchange existing = template.request(route(om("create", "externalId=CASE-9&idempotentCreate=true")), x -> {
        });
        assertEquals(first.getId(), existing.getMessage().getBody(OpenMediaInteraction.class).getId());
        assertEquals(Boolean.TRUE, existing.getMessage().getHeader(OpenMediaConstants.INTERACTION_EXISTED));
        assertEquals(1, sim().digitalChannels().openMedia().count(SERVICE));
    }

    @Test
    void concurrentCreatesOfOneExternalIdMakeOneWorkitem() throws Exception {
        String create = route(om("create", "externalId=CASE-RACE&idempotentCreate=true"));
        List<CompletableFuture<Object>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(template.asyncRequestBody(create, null));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CompletableFuture<Object> f : all) {
            ids.add(((OpenMediaInteraction) f.get()).getId());
        }
        assertEquals(1, ids.size());
        assertEquals(1, sim().digitalChannels().openMedia().count(SERVICE));
    }

    @Test
    void documentedErrors() throws Exception {
        CamelExecutionException unknownService = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(route(om("create", "")), null, OpenMediaConstants.OPEN_MEDIA_SERVICE,
                        "netsuite"));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, unknownService.getCause()).getHttpStatus());

        CamelExecutionException unknownItem = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(om("get", "externalId=NOPE")), (Object) null));
        GenesysApiException notFound = assertInstanceOf(GenesysApiException.class, unknownItem.getCause());
        assertEquals(404, notFound.getHttpStatus());
        assertEquals(404, notFound.getStatusCode());

        OpenMediaInteraction item = template.requestBody(route(om("create", "")), null, OpenMediaInteraction.class);
        template.requestBody(route(om("stop", "interactionId=" + item.getId())), (Object) null);
        CamelExecutionException stoppedUpdate = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(om("update", "interactionId=" + item.getId())),
                        Map.of("addedProperties", Map.of("a", 1))));
        GenesysApiException badRequest = assertInstanceOf(GenesysApiException.class, stoppedUpdate.getCause());
        assertEquals(400, badRequest.getHttpStatus());
        assertTrue(badRequest.getMessage().contains("is stopped"), badRequest.getMessage());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertRefused(route(om("get", "")), null, Map.of(), "needs the workitem: set the interactionId or externalId");
        assertRefused(route(om("get", "interactionId=a")), null, Map.of(OpenMediaConstants.EXTERNAL_ID, "b"),
                "not both");
        assertRefused(route(om("update", "interactionId=a")), Map.of(), Map.of(),
                "needs addedProperties, changedProperties or deletedProperties");
        assertRefused(route(om("update", "interactionId=a")), null, Map.of(), "update needs a message body");
        assertEquals(0, sim().requests().count("*", "/nexus/v3/**"));
    }

    private void assertRefused(String from, Object body, Map<String, Object> headers, String expected) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeaders(from, body, headers));
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), () -> stackTrace(e));
        assertTrue(e.getCause().getMessage().contains(expected),
                () -> "expected '" + expected + "' in: " + e.getCause().getMessage());
    }
}
