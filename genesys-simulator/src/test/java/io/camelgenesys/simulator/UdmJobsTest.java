package io.camelgenesys.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.UserDataManagement.JobState;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.UdmHttp.error;
import static io.camelgenesys.simulator.UdmHttp.job;
import static io.camelgenesys.simulator.UdmHttp.ok;
import static io.camelgenesys.simulator.UdmHttp.scheduledJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UDM v10 export jobs and export history over real HTTP: the job state machine, its errors, listing and paging. */
class UdmJobsTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    UserDataManagement udm;
    UdmHttp api;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        udm = sim.udm();
        // Progress only when a test says so, unless it sets a duration.
        udm.setRunDuration(Duration.ZERO);
        api = new UdmHttp(http);
    }

    private String name(JobState state) {
        return udm.statusName(state);
    }

    private int latestHistoryId(int jobId) {
        List<Integer> ids = udm.historyIds(jobId);
        return ids.get(ids.size() - 1);
    }

    @Test
    void immediateJobRunsToCompletionOnTheScheduler() throws Exception {
        udm.setRunDuration(Duration.ofMillis(100));
        udm.setExportSize(100_000);
        JsonNode created = api.createJob(job("Nightly interactions"));
        // Every JobInfo field of 002 L9601-9647 is there; id is an integer.
        for (String field : List.of("id", "type", "source", "title", "fileSplitSize", "fileName", "fileSize", "status",
                "createdDate", "dateFrom", "dateTo", "description", "media", "progress", "parentId",
                "exportAttachments")) {
            assertTrue(created.has(field), field + " missing in " + created);
        }
        assertTrue(created.get("id").isInt(), created.toString());
        assertEquals("UCS", created.get("type").asText());
        assertEquals("Nightly interactions", created.get("title").asText());
        assertEquals("2024-03-01T00:00:00Z", created.get("dateFrom").asText());
        assertEquals("[\"chat\",\"email\"]", created.get("media").toString());
        assertTrue(created.get("exportAttachments").asBoolean());
        int id = created.get("id").asInt();

        JsonNode done = api.await("/export/jobs/" + id, info -> info.get("progress").asInt() == 100);
        assertEquals(name(JobState.COMPLETED), done.get("status").asText());
        assertEquals(100_000, done.get("fileSize").asLong());
        String fileName = done.get("fileName").asText();
        assertTrue(fileName.startsWith("Nightly_interactions_") && fileName.endsWith(".csv"), fileName);

        // The run is a history record of its own, linked by parentId and found by the jobId filter.
        JsonNode history = ok(api.get("/export/history?jobId=" + id), 200);
        assertEquals(1, history.get("count").asInt());
        JsonNode run = history.get("items").get(0);
        int historyId = run.get("id").asInt();
        assertNotEquals(id, historyId);
        assertEquals(id, run.get("parentId").asInt());
        assertEquals(fileName, run.get("fileName").asText());
        JsonNode progress = ok(api.get("/export/history/" + historyId + "/progress"), 200);
        assertEquals(100, progress.get("progress").asInt());
        assertEquals(name(JobState.COMPLETED), progress.get("status").asText());
        assertEquals(run, ok(api.get("/export/history/" + historyId), 200));

        // Progress 100 means the files are listed.
        JsonNode files = ok(api.get("/file-metadatas?historyId=" + historyId), 200);
        assertEquals(1, files.get("count").asInt());
        assertEquals(fileName, files.get("items").get(0).get("name").asText());
        assertEquals(100_000, files.get("items").get(0).get("size").asLong());
    }

    @Test
    void progressIsWhatTheSchedulerOrTheTestSays() throws Exception {
        int id = api.createJob(job("manual")).get("id").asInt();
        int historyId = latestHistoryId(id);
        JsonNode progress = ok(api.get("/export/history/" + historyId + "/progress"), 200);
        assertEquals(0, progress.get("progress").asInt());
        assertEquals(name(JobState.RUNNING), progress.get("status").asText());

        udm.advance(historyId, 30);
        assertEquals(30, ok(api.get("/export/jobs/" + id), 200).get("progress").asInt());

        JsonNode suspended = ok(api.post("/export/jobs/suspend/" + id, null), 200);
        assertEquals(name(JobState.SUSPENDED), suspended.get("status").asText());
        assertEquals(30, suspended.get("progress").asInt());
        assertEquals(name(JobState.SUSPENDED),
                ok(api.get("/export/history/" + historyId + "/progress"), 200).get("status").asText());
        // a suspended run does not move, whatever the scheduler does
        udm.setRunDuration(Duration.ofMillis(20));
        Thread.sleep(100);
        assertEquals(30, ok(api.get("/export/history/" + historyId + "/progress"), 200).get("progress").asInt());
        // suspending again changes nothing
        assertEquals(name(JobState.SUSPENDED),
                ok(api.post("/export/jobs/suspend/" + id, null), 200).get("status").asText());

        udm.setRunDuration(Duration.ZERO);
        JsonNode resumed = ok(api.post("/export/jobs/resume/" + id, null), 200);
        assertEquals(name(JobState.RUNNING), resumed.get("status").asText());
        udm.complete(historyId);
        JsonNode done = ok(api.get("/export/jobs/" + id), 200);
        assertEquals(100, done.get("progress").asInt());
        assertEquals(name(JobState.COMPLETED), done.get("status").asText());
    }

    @Test
    void createValidatesEveryRequiredField() throws Exception {
        for (String field : List.of("source", "type", "title", "timeFrame", "schedulerParam", "jobParams",
                "suspended")) {
            ObjectNode body = job("x");
            body.remove(field);
            error(api.post("/export/jobs", body.toString()), 400, field);
        }
        record Case(String path, Object value, String message) {
        }
        for (Case c : List.of(
                new Case("source", "Nope", "source must be one of"),
                new Case("type", "Other", "type must be one of [UCS, DataSync]"),
                new Case("title", " ", "title must not be blank"),
                new Case("title", 5, "title must be a string"),
                new Case("suspended", "false", "suspended must be a boolean"),
                new Case("timeFrame", Map.of("all", false), "timeFrame needs all=true or a dateFrom"),
                new Case("timeFrame", Map.of("dateFrom", "yesterday"), "timeFrame.dateFrom must be an ISO-8601"),
                new Case("timeFrame", Map.of("dateFrom", "2024-03-02", "dateTo", "2024-03-01T00:00:00Z"),
                        "is before timeFrame.dateFrom"),
                new Case("timeFrame", Map.of("all", "yes"), "timeFrame.all must be a boolean"),
                new Case("schedulerParam", Map.of("immediately", false),
                        "schedulerParam needs immediately=true, a startDate or a cron"),
                new Case("schedulerParam", Map.of("cron", "0 0 * * *", "runs", "twice"), "schedulerParam.runs"),
                new Case("jobParams", Map.of("media", List.of("chat")), "jobParams.type is required"),
                new Case("jobParams", Map.of("type", "Recordings", "media", List.of()), "jobParams.type must be one of"),
                new Case("jobParams", Map.of("type", "Interaction"), "jobParams.media is required"),
                new Case("jobParams", Map.of("type", "Interaction", "media", List.of("fax")),
                        "jobParams.media[0] 'fax' is not an enabled sub-type"),
                new Case("jobParams", Map.of("type", "Interaction", "media", List.of("workitem")),
                        "'workitem' is not an enabled sub-type"),
                new Case("jobParams", Map.of("type", "Contact", "media", List.of("chat")), "sub-type of Contact"),
                new Case("jobParams", Map.of("type", "Interaction", "media", List.of(), "fileSplitSize", "huge"),
                        "jobParams.fileSplitSize must be a positive size"))) {
            ObjectNode body = job("x");
            body.set(c.path(), Json.mapper().valueToTree(c.value()));
            error(api.post("/export/jobs", body.toString()), 400, c.message());
        }
        error(api.post("/export/jobs", "{not json"), 400, "not valid JSON");
        error(api.post("/export/jobs", "[]"), 400, "JSON object");
        assertEquals(0, udm.jobCount());
        // A Contact export takes no media; an "all" time frame needs no dates.
        ObjectNode contacts = job("contacts");
        contacts.putObject("jobParams").put("type", "Contact").putArray("media");
        contacts.putObject("timeFrame").put("all", true);
        JsonNode created = api.createJob(contacts);
        assertTrue(created.get("dateFrom").isNull(), created.toString());
    }

    @Test
    void scheduledJobCanBeUpdatedUntilItStartsAndCancelledWhileUnfinished() throws Exception {
        String later = Instant.now().plus(Duration.ofDays(1)).toString();
        JsonNode created = api.createJob(scheduledJob("later", later));
        int id = created.get("id").asInt();
        assertEquals(name(JobState.SCHEDULED), created.get("status").asText());
        assertEquals(0, created.get("progress").asInt());
        assertTrue(created.get("fileName").isNull());
        assertTrue(created.get("parentId").isNull());

        JsonNode updated = ok(api.put("/export/jobs/" + id, scheduledJob("renamed", later).toString()), 200);
        assertEquals("renamed", updated.get("title").asText());
        assertEquals(id, updated.get("id").asInt());
        error(api.put("/export/jobs/" + id, "{}"), 400, "source is required");
        error(api.put("/export/jobs/999999", job("x").toString()), 404, "Job 999999 not found");

        // an unfinished job cannot be deleted
        error(api.delete("/export/jobs/" + id), 400, "only a finished job can be deleted");

        ContentResponse cancelled = api.post("/export/jobs/cancel/" + id, null);
        assertEquals(200, cancelled.getStatus(), cancelled.getContentAsString());
        assertEquals(0, cancelled.getContent().length, "cancel documents no body");
        assertEquals(name(JobState.CANCELLED), ok(api.get("/export/jobs/" + id), 200).get("status").asText());
        error(api.post("/export/jobs/cancel/" + id, null), 400, "only an unfinished job can be cancelled");
        error(api.post("/export/jobs/suspend/" + id, null), 400, "only an unfinished job can be suspended");
        error(api.post("/export/jobs/resume/" + id, null), 400, "only an unfinished job can be resumed");
        error(api.put("/export/jobs/" + id, job("x").toString()), 400, "only a job that has not started");

        ContentResponse deleted = api.delete("/export/jobs/" + id);
        assertEquals(204, deleted.getStatus(), deleted.getContentAsString());
        error(api.get("/export/jobs/" + id), 404, "not found");
        error(api.delete("/export/jobs/" + id), 404, "not found");
    }

    @Test
    void aStartedJobCannotBeUpdated() throws Exception {
        int id = api.createJob(job("running")).get("id").asInt();
        error(api.put("/export/jobs/" + id, job("x").toString()), 400, "has started (status " + name(JobState.RUNNING));
        // a running job is unfinished: cancel, then delete
        assertEquals(200, api.post("/export/jobs/cancel/" + id, null).getStatus());
        int historyId = latestHistoryId(id);
        assertEquals(name(JobState.CANCELLED),
                ok(api.get("/export/history/" + historyId), 200).get("status").asText());
        assertEquals(204, api.delete("/export/jobs/" + id).getStatus());
    }

    @Test
    void scheduledJobStartsAtItsStartDate() throws Exception {
        String soon = Instant.now().plusMillis(150).toString();
        int id = api.createJob(scheduledJob("soon", soon)).get("id").asInt();
        JsonNode running = api.await("/export/jobs/" + id,
                info -> info.get("status").asText().equals(name(JobState.RUNNING)));
        assertEquals(0, running.get("progress").asInt());
        assertEquals(1, udm.historyIds(id).size());
    }

    @Test
    void suspendedAtCreationRunsOnResume() throws Exception {
        ObjectNode body = job("held");
        body.put("suspended", true);
        JsonNode created = api.createJob(body);
        int id = created.get("id").asInt();
        assertEquals(name(JobState.SUSPENDED), created.get("status").asText());
        assertTrue(udm.historyIds(id).isEmpty());
        // resuming a job that is not suspended changes nothing
        JsonNode resumed = ok(api.post("/export/jobs/resume/" + id, null), 200);
        assertEquals(name(JobState.RUNNING), resumed.get("status").asText());
        assertEquals(1, udm.historyIds(id).size());
        assertEquals(name(JobState.RUNNING),
                ok(api.post("/export/jobs/resume/" + id, null), 200).get("status").asText());
        assertEquals(1, udm.historyIds(id).size());
    }

    @Test
    void recurringJobRunsOnEachTriggerUntilItsRunsAreUsed() throws Exception {
        ObjectNode body = job("hourly");
        body.putObject("schedulerParam").put("immediately", false).put("cron", "0 0 * * * ?").put("runs", "2");
        JsonNode created = api.createJob(body);
        int id = created.get("id").asInt();
        assertEquals(name(JobState.SCHEDULED), created.get("status").asText());
        assertEquals("Recurring", udm.jobEntries().get(0).scheduleType());

        int first = udm.trigger(id).get("id").asInt();
        udm.complete(first);
        // one run of two: scheduled again, deletable only when finished
        assertEquals(name(JobState.SCHEDULED), ok(api.get("/export/jobs/" + id), 200).get("status").asText());
        error(api.delete("/export/jobs/" + id), 400, "only a finished job");
        int second = udm.trigger(id).get("id").asInt();
        assertNotEquals(first, second);
        udm.complete(second);
        JsonNode done = ok(api.get("/export/jobs/" + id), 200);
        assertEquals(name(JobState.COMPLETED), done.get("status").asText());
        assertEquals(2, ok(api.get("/export/history?jobId=" + id), 200).get("count").asInt());
        assertEquals(2, udm.fileCount());
    }

    @Test
    void aFailedRunProducesNoFilesAndFinishesTheJob() throws Exception {
        int id = api.createJob(job("doomed")).get("id").asInt();
        int historyId = latestHistoryId(id);
        udm.advance(historyId, 40);
        udm.fail(historyId);
        JsonNode progress = ok(api.get("/export/history/" + historyId + "/progress"), 200);
        assertEquals(40, progress.get("progress").asInt());
        assertEquals(name(JobState.FAILED), progress.get("status").asText());
        JsonNode info = ok(api.get("/export/jobs/" + id), 200);
        assertEquals(name(JobState.FAILED), info.get("status").asText());
        assertTrue(info.get("fileName").isNull());
        assertEquals(0, udm.fileCount());
        assertEquals(204, api.delete("/export/jobs/" + id).getStatus());
        // the history record outlives its job
        assertEquals(200, api.get("/export/history/" + historyId).getStatus());
    }

    @Test
    void splitExportsAndSizesPastTwoGibibytes() throws Exception {
        udm.setExportSize(250 * 1024);
        ObjectNode body = job("split");
        ((ObjectNode) body.get("jobParams")).put("fileSplitSize", "100KB");
        int id = api.createJob(body).get("id").asInt();
        udm.complete(latestHistoryId(id));
        JsonNode info = ok(api.get("/export/jobs/" + id), 200);
        String[] names = info.get("fileName").asText().split(",");
        assertEquals(3, names.length, info.toString());
        assertEquals(250 * 1024, info.get("fileSize").asLong());
        assertEquals(100 * 1024, udm.file(names[0]).orElseThrow().size());
        assertEquals(50 * 1024, udm.file(names[2]).orElseThrow().size());
        // the comma-separated fileName is what GET /files?filename= takes
        assertEquals(3, ok(api.get("/files?filename=" + info.get("fileName").asText()), 200).size());

        long threeGib = 3L * 1024 * 1024 * 1024;
        udm.setExportSize(threeGib);
        int big = api.createJob(job("big")).get("id").asInt();
        udm.complete(latestHistoryId(big));
        JsonNode bigInfo = ok(api.get("/export/jobs/" + big), 200);
        assertTrue(bigInfo.get("fileSize").isLong() || bigInfo.get("fileSize").isBigInteger(), bigInfo.toString());
        assertEquals(threeGib, bigInfo.get("fileSize").asLong());
    }

    @Test
    void deleteManyJobsReportsTheOnesItCouldNotDelete() throws Exception {
        int done1 = finishedJob("a");
        int done2 = finishedJob("b");
        int running = api.createJob(job("c")).get("id").asInt();
        ContentResponse partial = api.delete("/export/jobs?jobIDs=" + done1 + "," + running + ",777777," + done2);
        assertEquals(500, partial.getStatus(), partial.getContentAsString());
        assertEquals("[" + running + ",777777]", partial.getContentAsString());
        assertEquals(404, api.get("/export/jobs/" + done1).getStatus());
        assertEquals(404, api.get("/export/jobs/" + done2).getStatus());
        assertEquals(200, api.get("/export/jobs/" + running).getStatus());

        int done3 = finishedJob("d");
        assertEquals(204, api.delete("/export/jobs?jobIDs=" + done3).getStatus());
        error(api.delete("/export/jobs"), 400, "jobIDs is required");
        error(api.delete("/export/jobs?jobIDs=" + running + ",abc"), 400, "jobIDs must be an integer id, got 'abc'");
        assertEquals(200, api.get("/export/jobs/" + running).getStatus(), "a refused request deletes nothing");
    }

    @Test
    void historyRecordsAreDeletedOnlyWhenFinished() throws Exception {
        int running = api.createJob(job("running")).get("id").asInt();
        int runningHistory = latestHistoryId(running);
        int finished = finishedJob("finished");
        int finishedHistory = latestHistoryId(finished);
        error(api.delete("/export/history/" + runningHistory), 400, "a job in progress cannot be deleted");

        ContentResponse partial = api.delete("/export/history?jobIDs=" + finishedHistory + "," + runningHistory);
        assertEquals(500, partial.getStatus(), partial.getContentAsString());
        assertEquals("[" + runningHistory + "]", partial.getContentAsString());
        error(api.get("/export/history/" + finishedHistory), 404, "not found");

        udm.complete(runningHistory);
        assertEquals(204, api.delete("/export/history/" + runningHistory).getStatus());
        error(api.delete("/export/history/" + runningHistory), 404, "not found");
        error(api.delete("/export/history"), 400, "jobIDs is required");
        int another = latestHistoryId(finishedJob("another"));
        assertEquals(204, api.delete("/export/history?jobIDs=" + another).getStatus());
        error(api.get("/export/history/" + another), 404, "not found");
    }

    @Test
    void idsAreIntegersAndJobAndHistoryIdsDoNotMix() throws Exception {
        int id = api.createJob(job("ids")).get("id").asInt();
        int historyId = latestHistoryId(id);
        error(api.get("/export/jobs/abc"), 400, "id must be an integer id, got 'abc'");
        error(api.get("/export/history/1.5/progress"), 400, "id must be an integer id");
        error(api.get("/export/jobs/" + historyId), 404, "Job " + historyId + " not found");
        error(api.get("/export/history/" + id), 404, "History record " + id + " not found");
        error(api.get("/export/history/" + id + "/progress"), 404, "not found");
        for (String op : List.of("cancel", "suspend", "resume")) {
            error(api.post("/export/jobs/" + op + "/424242", null), 404, "Job 424242 not found");
        }
        ContentResponse wrongMethod = api.post("/export/jobs/" + id, "{}");
        assertEquals(405, wrongMethod.getStatus());
        assertEquals("GET, PUT, DELETE", wrongMethod.getHeaders().get("Allow"));
    }

    @Test
    void statusNamesAreServedAndRenamed() throws Exception {
        JsonNode statuses = ok(api.get("/data/job-statuses"), 200);
        List<String> served = new ArrayList<>();
        statuses.forEach(s -> served.add(s.get("value").asText()));
        assertEquals(List.of("Scheduled", "InProgress", "Suspended", "Completed", "Cancelled", "Failed"), served);

        int id = api.createJob(job("renamed statuses")).get("id").asInt();
        udm.setStatusName(JobState.RUNNING, "EXPORTING");
        udm.setStatusName(JobState.COMPLETED, "DONE");
        assertEquals("EXPORTING", ok(api.get("/export/jobs/" + id), 200).get("status").asText());
        udm.complete(latestHistoryId(id));
        assertEquals("DONE", ok(api.get("/export/jobs/" + id), 200).get("status").asText());
        assertTrue(api.get("/data/job-statuses").getContentAsString().contains("\"value\":\"DONE\""));
        assertFalse(api.get("/data/job-statuses").getContentAsString().contains("Completed"));
        assertEquals(1, ok(api.get("/export/history?status=done"), 200).get("count").asInt());
    }

    @Test
    void listJobsPagesFiltersAndOrders() throws Exception {
        assertEquals(204, api.get("/export/jobs").getStatus(), "no job: 204 as documented");
        assertEquals(204, api.get("/export/history").getStatus());
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.createJob(job("Job " + i)).get("id").asInt());
        }
        ObjectNode scheduled = scheduledJob("Later", Instant.now().plus(Duration.ofDays(1)).toString());
        scheduled.put("suspended", true);
        scheduled.put("type", "DataSync");
        int later = api.createJob(scheduled).get("id").asInt();

        JsonNode page = ok(api.get("/export/jobs?from=2&size=2"), 200);
        assertEquals(6, page.get("count").asInt(), "count is the number of matching jobs");
        assertEquals(2, page.get("from").asInt());
        assertEquals(2, page.get("size").asInt());
        assertEquals(ids.get(2), page.get("items").get(0).get("id").asInt());
        assertEquals(ids.get(3), page.get("items").get(1).get("id").asInt());
        JsonNode beyond = ok(api.get("/export/jobs?from=10&size=5"), 200);
        assertEquals(6, beyond.get("count").asInt());
        assertEquals(0, beyond.get("items").size());
        JsonNode all = ok(api.get("/export/jobs"), 200);
        assertEquals(UdmApi.DEFAULT_SIZE, all.get("size").asInt());
        assertEquals(6, all.get("items").size());

        JsonNode byTitleDesc = ok(api.get("/export/jobs?orderField=title&descAsc=true&size=1"), 200);
        assertEquals(later, byTitleDesc.get("items").get(0).get("id").asInt());
        JsonNode byIdDesc = ok(api.get("/export/jobs?descAsc=true&size=1"), 200);
        assertEquals(later, byIdDesc.get("items").get(0).get("id").asInt());

        assertEquals(1, ok(api.get("/export/jobs?title=job%203"), 200).get("count").asInt());
        assertEquals(1, ok(api.get("/export/jobs?type=datasync"), 200).get("count").asInt());
        assertEquals(6, ok(api.get("/export/jobs?source=UCS"), 200).get("count").asInt());
        assertEquals(1, ok(api.get("/export/jobs?suspend=true"), 200).get("count").asInt());
        assertEquals(5, ok(api.get("/export/jobs?suspend=false"), 200).get("count").asInt());
        assertEquals(5, ok(api.get("/export/jobs?scheduleType=immediate"), 200).get("count").asInt());
        assertEquals(later, ok(api.get("/export/jobs?scheduleType=Scheduled"), 200).get("items").get(0).get("id").asInt());
        assertEquals(204, api.get("/export/jobs?title=nothing-like-this").getStatus());
        assertEquals(5, ok(api.get("/export/history?status=" + name(JobState.RUNNING)), 200).get("count").asInt());

        error(api.get("/export/jobs?from=-1"), 400, "from must be 0 or more");
        error(api.get("/export/jobs?size=ten"), 400, "'size' must be an integer");
        error(api.get("/export/jobs?descAsc=maybe"), 400, "'descAsc' must be true or false");
        error(api.get("/export/jobs?orderField=colour"), 400, "orderField must be one of");
        error(api.get("/export/jobs?suspend=perhaps"), 400, "'suspend' must be true or false");
        error(api.get("/export/history?jobId=x"), 400, "jobId must be an integer id");
    }

    @Test
    void concurrentCreatesAndCancelsRacingTheScheduler() throws Exception {
        udm.setRunDuration(Duration.ofMillis(30));
        udm.setExportSize(1000);
        // polling many jobs must not run into the per-token rate limit (reset restores it)
        sim.setRateLimit(100_000, Duration.ofMinutes(1));
        int jobs = 60;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String title = "concurrent " + i;
                created.add(pool.submit(() -> api.createJob(job(title)).get("id").asInt()));
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<Integer> id : created) {
                ids.add(id.get(30, TimeUnit.SECONDS));
            }
            assertEquals(jobs, ids.size(), "every job has its own id");

            // cancel every other job while the scheduler may be completing it: either the cancel wins (200, no
            // files) or the completion does (400, files); never both, never neither
            Map<Integer, Future<Integer>> cancels = new HashMap<>();
            ids.stream().filter(id -> id % 2 == 0).forEach(id -> cancels.put(id,
                    pool.submit(() -> api.post("/export/jobs/cancel/" + id, null).getStatus())));
            for (int id : ids) {
                JsonNode info = api.await("/export/jobs/" + id,
                        job -> !job.get("status").asText().equals(name(JobState.RUNNING)));
                String status = info.get("status").asText();
                Future<Integer> cancel = cancels.get(id);
                if (cancel != null && cancel.get(30, TimeUnit.SECONDS) == 200) {
                    assertEquals(name(JobState.CANCELLED), status, info.toString());
                    assertTrue(info.get("fileName").isNull(), info.toString());
                } else {
                    if (cancel != null) {
                        assertEquals(400, cancel.get());
                    }
                    assertEquals(name(JobState.COMPLETED), status, info.toString());
                    assertEquals(100, info.get("progress").asInt());
                    assertTrue(udm.file(info.get("fileName").asText()).isPresent(), info.toString());
                }
            }
            long completed = ids.stream().filter(id -> udm.job(id).orElseThrow().get("status").asText()
                    .equals(name(JobState.COMPLETED))).count();
            assertEquals(completed, udm.fileCount(), "one file per completed run, none for a cancelled one");
            assertEquals(jobs, udm.historyCount());
        } finally {
            pool.shutdownNow();
        }
    }

    private int finishedJob(String title) throws Exception {
        int id = api.createJob(job(title)).get("id").asInt();
        udm.complete(latestHistoryId(id));
        assertEquals(name(JobState.COMPLETED), body(api.get("/export/jobs/" + id)).get("status").asText());
        return id;
    }
}
