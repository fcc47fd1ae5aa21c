package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.client.ContentResponse;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The UDM v10 API over real HTTP for the UDM test classes: a Multicloud token, calls, and a valid {@code Job}. */
final class UdmHttp {

    static final String BASE = UserDataManagement.BASE_PATH;

    private final TestHttp http;
    private final String token;

    UdmHttp(TestHttp http) throws Exception {
        this.http = http;
        this.token = http.multicloudToken();
    }

    ContentResponse get(String path) throws Exception {
        return http.multicloud("GET", BASE + path, token).send();
    }

    ContentResponse delete(String path) throws Exception {
        return http.multicloud("DELETE", BASE + path, token).send();
    }

    ContentResponse post(String path, String body) throws Exception {
        return body == null ? http.multicloud("POST", BASE + path, token).send()
                : json(http.multicloud("POST", BASE + path, token), body).send();
    }

    ContentResponse put(String path, String body) throws Exception {
        return json(http.multicloud("PUT", BASE + path, token), body).send();
    }

    /** Asserts the status and returns the JSON body. */
    static JsonNode ok(ContentResponse response, int status) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        return body(response);
    }

    /** Asserts a Multicloud error body with this status whose message contains {@code part}. */
    static void error(ContentResponse response, int status, String part) {
        assertEquals(status, response.getStatus(), response.getContentAsString());
        JsonNode error = body(response);
        assertEquals(status, error.path("status").path("code").asInt(), response.getContentAsString());
        assertTrue(error.path("status").path("message").asText().contains(part),
                "'" + part + "' not in " + response.getContentAsString());
    }

    /** Creates a job through the API; must answer 202. */
    JsonNode createJob(ObjectNode job) throws Exception {
        return ok(post("/export/jobs", job.toString()), 202);
    }

    /** GETs until the body satisfies the condition (jobs progress on the simulator's scheduler). */
    JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            ContentResponse response = get(path);
            assertEquals(200, response.getStatus(), response.getContentAsString());
            last = body(response);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(10);
        }
        return fail("Condition not met within 10 s on " + path + "; last: " + last);
    }

    /** A valid immediate {@code Job} of seed 002's shape (L9505-9594). */
    static ObjectNode job(String title) {
        return (ObjectNode) Json.parse("""
                {"source":"UCS","type":"UCS","title":"%s",
                 "timeFrame":{"all":false,"dateFrom":"2024-03-01T00:00:00Z","dateTo":"2024-03-31"},
                 "description":"nightly export",
                 "schedulerParam":{"immediately":true},
                 "jobParams":{"type":"Interaction","media":["chat","email"],"exportAttachments":true},
                 "suspended":false}""".formatted(title));
    }

    /** The same job, scheduled for a start date instead of immediately. */
    static ObjectNode scheduledJob(String title, String startDate) {
        ObjectNode job = job(title);
        job.putObject("schedulerParam").put("immediately", false).put("startDate", startDate);
        return job;
    }
}
