package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static io.camelgenesys.simulator.UdmHttp.job;
import static io.camelgenesys.simulator.UdmHttp.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /simulator/udm} admin endpoints a standalone user drives the UDM simulation with. */
class UdmAdminTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    UdmHttp api;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        api = new UdmHttp(http);
    }

    private ContentResponse admin(String method, String path, String body) throws Exception {
        return body == null ? http.request(method, "/simulator/udm" + path).send()
                : json(http.request(method, "/simulator/udm" + path), body).send();
    }

    private static String adminError(ContentResponse response, int status) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        return body(response).get("message").asText();
    }

    @Test
    void stateAndSettings() throws Exception {
        JsonNode state = ok(admin("GET", "", null), 200);
        assertEquals(sim.udm().storageUrl(), state.get("storageUrl").asText());
        assertEquals(1000, state.get("runDurationMs").asLong());
        assertEquals(UserDataManagement.DEFAULT_EXPORT_SIZE, state.get("exportSize").asLong());
        assertEquals("Completed", state.get("statusNames").get("COMPLETED").asText());

        assertEquals(204, admin("POST", "/settings", """
                {"runDurationMs":0,"exportSize":4096,"linkLifetimeMs":60000,"ccid":"tenant-7",
                 "statusNames":{"COMPLETED":"Finished","running":"Busy"}}""").getStatus());
        UserDataManagement udm = sim.udm();
        assertEquals(Duration.ZERO, udm.runDuration());
        assertEquals(4096, udm.exportSize());
        assertEquals(Duration.ofMinutes(1), udm.linkLifetime());
        assertEquals("tenant-7", udm.ccid());
        assertTrue(api.get("/data/job-statuses").getContentAsString().contains("\"Finished\""));
        assertTrue(api.get("/data/job-statuses").getContentAsString().contains("\"Busy\""));

        assertTrue(adminError(admin("POST", "/settings", "{\"speed\":1}"), 400).contains("Unknown UDM setting 'speed'"));
        assertTrue(adminError(admin("POST", "/settings", "{\"statusNames\":{\"DONE\":\"x\"}}"), 400)
                .contains("unknown state 'DONE'"));
        assertTrue(adminError(admin("POST", "/settings", "{\"runDurationMs\":\"fast\"}"), 400)
                .contains("runDurationMs must be an integer"));
        assertTrue(adminError(admin("POST", "/settings", "{\"statusNames\":{\"FAILED\":\"Finished\"}}"), 400)
                .contains("taken by COMPLETED"));
        assertEquals(4096, udm.exportSize(), "a refused request changes nothing");

        // reset restores the defaults
        assertEquals(204, http.request("POST", "/simulator/reset").send().getStatus());
        assertEquals("Completed", udm.statusName(UserDataManagement.JobState.COMPLETED));
        assertEquals(UserDataManagement.DEFAULT_RUN_DURATION, udm.runDuration());
    }

    @Test
    void jobsAndRunsAreDrivenFromOutside() throws Exception {
        admin("POST", "/settings", "{\"runDurationMs\":0,\"exportSize\":1000}");
        JsonNode created = ok(admin("POST", "/jobs", job("from admin").toString()), 201);
        int jobId = created.get("id").asInt();
        assertEquals(created, ok(api.get("/export/jobs/" + jobId), 200));
        int historyId = sim.udm().historyIds(jobId).get(0);

        JsonNode advanced = ok(admin("POST", "/history/" + historyId + "/advance", "{\"percent\":50}"), 200);
        assertEquals(50, advanced.get("progress").asInt());
        JsonNode completed = ok(admin("POST", "/history/" + historyId + "/complete", null), 200);
        assertEquals(100, completed.get("progress").asInt());
        assertEquals(1, ok(api.get("/file-metadatas?historyId=" + historyId), 200).get("count").asInt());
        assertTrue(adminError(admin("POST", "/history/" + historyId + "/fail", null), 400).contains("already"));

        var cron = job("recurring");
        cron.putObject("schedulerParam").put("cron", "0 0 * * * ?");
        int recurring = ok(admin("POST", "/jobs", cron.toString()), 201).get("id").asInt();
        JsonNode run = ok(admin("POST", "/jobs/" + recurring + "/trigger", null), 200);
        assertEquals(recurring, run.get("parentId").asInt());
        JsonNode failed = ok(admin("POST", "/history/" + run.get("id").asInt() + "/fail", null), 200);
        assertEquals("Failed", failed.get("status").asText());
        assertTrue(adminError(admin("POST", "/jobs/" + jobId + "/trigger", null), 400)
                .contains("only a scheduled job can be triggered"));

        assertTrue(adminError(admin("POST", "/jobs", "{}"), 400).contains("source is required"));
        assertTrue(adminError(admin("POST", "/jobs/999/trigger", null), 404).contains("Job 999 not found"));
        assertTrue(adminError(admin("POST", "/history/x/complete", null), 400).contains("Not an id"));
        assertTrue(adminError(admin("POST", "/history/" + historyId + "/advance", "{}"), 400)
                .contains("percent is required"));
        assertTrue(adminError(admin("POST", "/nothing", null), 404).contains("No admin resource"));
        assertEquals(405, admin("DELETE", "/jobs", null).getStatus());
    }

    @Test
    void filesLinksAndCuts() throws Exception {
        JsonNode file = ok(admin("POST", "/files", """
                {"name":"seeded.csv","size":3000000000,"type":"Interaction","jobTitle":"Seeded","historyId":77}"""),
                201);
        assertEquals(3_000_000_000L, file.get("size").asLong());
        assertEquals(77, file.get("historyId").asInt());
        assertEquals(1, ok(api.get("/file-metadatas?jobTitle=seeded"), 200).get("count").asInt());
        assertTrue(adminError(admin("POST", "/files", "{\"name\":\"seeded.csv\",\"size\":1}"), 400)
                .contains("exists already"));
        assertTrue(adminError(admin("POST", "/files", "{\"name\":\"a/b\",\"size\":1}"), 400).contains("without '/'"));
        assertTrue(adminError(admin("POST", "/files", "{\"name\":\"n\"}"), 400).contains("size in bytes"));

        String location = api.get("/files/seeded.csv").getHeaders().get("Location");
        assertEquals(204, admin("POST", "/links/expire", null).getStatus());
        ContentResponse expired = http.client.newRequest(location).method("HEAD").send();
        assertEquals(403, expired.getStatus());

        ok(admin("POST", "/files", "{\"name\":\"small.csv\",\"size\":1000}"), 201);
        String small = api.get("/files/small.csv").getHeaders().get("Location");
        assertEquals(204, admin("POST", "/storage/cut", "{\"afterBytes\":10}").getStatus());
        // the connection is closed after 10 body bytes: the download does not complete
        assertThrows(ExecutionException.class, () -> http.client.newRequest(small).send());
        assertEquals(1000, http.client.newRequest(small).send().getContent().length, "times defaults to 1");
        assertTrue(adminError(admin("POST", "/storage/cut", "{}"), 400).contains("afterBytes is required"));
    }
}
