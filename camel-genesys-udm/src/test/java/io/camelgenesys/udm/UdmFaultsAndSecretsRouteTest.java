package io.camelgenesys.udm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.UdmFile;
import io.camelgenesys.simulator.UserDataManagement.JobState;
import io.camelgenesys.udm.model.FileMetadata;
import io.camelgenesys.udm.model.JobInfo;
import io.camelgenesys.udm.model.PagedResponse;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults the other UDM route tests do not cover: malformed JSON, answers with fields missing and dropped connections,
 * on a single call and while createJob waits; and no credential, token or download link in any log line, Camel's
 * debug logging included.
 */
class UdmFaultsAndSecretsRouteTest extends UdmTestSupport {

    private static final String JOBS = "/udm/v10/export/jobs/*";
    private static final String WAIT = "waitForCompletion=true&waitPollDelay=20&waitPollMaxDelay=50"
                                       + "&retryInitialDelay=10";

    @TempDir
    Path out;

    private LogCapture logs;

    @AfterEach
    void release() {
        if (logs != null) {
            logs.uninstall();
        }
    }

    @Test
    void malformedJsonIsAnApiExceptionNotAWrongResult() throws Exception {
        JobInfo created = template.requestBody(route(udm("createJob", "")), scheduledJob("Malformed"), JobInfo.class);
        String get = route(udm("getJob", "jobId=" + created.getId() + "&retryEnabled=false"));
        sim().faults().on("GET", JOBS).status(200).body("{\"id\": ", "application/json").times(1);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(get, (Object) null));
        assertInstanceOf(GenesysApiException.class, e.getCause());
        // the next answer is read as usual
        assertEquals(created.getId(), template.requestBody(get, (Object) null, JobInfo.class).getId());
    }

    @Test
    void aPollThatCannotBeReadFailsTheWaitNamingTheJobWhichKeepsRunning() throws Exception {
        udm().setRunDuration(Duration.ZERO);   // progress only when the test says
        CompletableFuture<JobInfo> waiting = waitFor("Unreadable", "");
        int jobId = awaitJob();
        udm().advance(udm().historyIds(jobId).get(0), 40);
        // a poll received after the advance saw 40% (on a slow machine two polls may both precede it)
        long polled = sim().requests().count("GET", JOBS);
        await("a poll that saw 40%", () -> sim().requests().count("GET", JOBS) > polled);
        sim().faults().on("GET", JOBS).status(200).body("{\"progress\": 1", "application/json").times(1);
        Throwable failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS)).getCause();
        UdmJobException e = assertInstanceOf(UdmJobException.class, failure.getCause());
        assertEquals(jobId, e.getJobId());
        assertFalse(e.isTimedOut());
        assertEquals(40, e.getProgress());
        assertEquals(udm().statusName(JobState.RUNNING), e.getStatus());
        assertInstanceOf(GenesysApiException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("UDM job " + jobId + " (Unreadable) could not be followed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the job keeps running (cancelJob stops it)"), e.getMessage());
        assertEquals(udm().statusName(JobState.RUNNING), udm().job(jobId).orElseThrow().path("status").asText());
    }

    @Test
    void aPollGenesysRefusesFailsTheWaitWithGenesysError() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        CompletableFuture<JobInfo> waiting = waitFor("Deleted elsewhere", "");
        int jobId = awaitJob();
        sim().faults().on("GET", JOBS).status(404).times(1);
        Throwable failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS)).getCause();
        UdmJobException e = assertInstanceOf(UdmJobException.class, failure.getCause());
        assertEquals(jobId, e.getJobId());
        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
    }

    @Test
    void answersWithoutProgressOrStatusAreNotCompletion() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        CompletableFuture<JobInfo> waiting = waitFor("Sparse", "");
        int jobId = awaitJob();
        sim().faults().on("GET", JOBS).status(200).body("{}", "application/json").times(3);
        await("three sparse answers", () -> sim().faults().hits("GET", JOBS) >= 3);
        assertFalse(waiting.isDone(), "an answer without progress is not progress 100");
        udm().complete(udm().historyIds(jobId).get(0));
        JobInfo done = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(100, done.getProgress());
        assertEquals(jobId, done.getId());
    }

    @Test
    void aFailedStatusWithProgress100FailsTheWait() throws Exception {
        // the seed does not say what progress a failed run reports (0-100, 002 L10950): a run that ends failed at
        // 100% completed the wait as a success, and the route went on to download files that were never made
        udm().setRunDuration(Duration.ZERO);
        String failed = udm().statusName(JobState.FAILED);
        CompletableFuture<JobInfo> waiting = waitFor("Failed at the end", "failedStatuses=" + failed);
        int jobId = awaitJob();
        sim().faults().on("GET", JOBS).status(200).body("{\"id\": " + jobId + ", \"title\": \"Failed at the end\","
                                                        + " \"status\": \"" + failed + "\", \"progress\": 100}",
                "application/json").times(1);
        Throwable failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS)).getCause();
        UdmJobException e = assertInstanceOf(UdmJobException.class, failure.getCause());
        assertEquals(jobId, e.getJobId());
        assertEquals(failed, e.getStatus());
        assertEquals(100, e.getProgress());
        assertFalse(e.isTimedOut());
    }

    @Test
    void droppedConnectionsWhileWaitingAndBeforeADownloadAreRetried() throws Exception {
        udm().setRunDuration(Duration.ofMillis(300));
        sim().faults().on("GET", JOBS).drop().times(2);
        JobInfo done = waitFor("Dropped", "").get(20, TimeUnit.SECONDS);
        assertEquals(100, done.getProgress());

        UdmFile file = udm().file(done.getFileName()).orElseThrow();
        sim().faults().on("GET", "/udm/v10/files/*").drop().times(1);
        sim().faults().on("GET", "/udm-exports/**").drop().times(1);
        Exchange downloaded = template.request(route(udm("downloadFile", "fileName=" + file.name()
                                                                         + "&retryInitialDelay=10&downloadDirectory="
                                                                         + out)), e -> {
        });
        assertNull(downloaded.getException());
        assertEquals(file.size(), Files.size(out.resolve(file.name())));
    }

    @Test
    void noCredentialTokenOrLinkIsLogged() throws Exception {
        logs = LogCapture.installWithCamelDebug();
        udm().setRunDuration(Duration.ofMillis(200));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export")
                        .to(udm("createJob", WAIT + "&failedStatuses=Failed"))
                        .setHeader(UdmConstants.FILE_NAME, simple("${body.fileName}"))
                        .to(udm("downloadFile", ""))
                        .to("file:" + out);
            }
        });
        template.sendBody("direct:export", job("Secrets"));
        PagedResponse<?> files = template.requestBody(route(udm("listFiles", "")), (Object) null, PagedResponse.class);
        FileMetadata first = (FileMetadata) files.getItems().get(0);
        assertTrue(Files.exists(out.resolve(first.getName())));
        // an expired link and an unknown job fail, quoting what Genesys said
        udm().setLinkLifetime(Duration.ofMillis(1));
        sim().faults().on("GET", "/udm-exports/**").delay(Duration.ofMillis(30)).times(2);
        assertThrows(CamelExecutionException.class, () -> template.requestBody(
                route(udm("downloadFile", "fileName=" + first.getName())), (Object) null));
        assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("getJob", "jobId=999999")), (Object) null));

        String token = sim().tokens().lastIssuedAccessToken();
        List<String> secrets = List.of("mc-api-key", "mc-secret", "agent1-password", token, "signature=");
        assertTrue(token != null && !token.isEmpty());
        assertFalse(logs.events().isEmpty(), "the capture saw the routes run");
        logs.assertNoneContains(secrets);
    }

    private CompletableFuture<JobInfo> waitFor(String title, String options) throws Exception {
        String from = route(udm("createJob", WAIT + (options.isEmpty() ? "" : "&" + options)));
        return CompletableFuture.supplyAsync(() -> template.requestBody(from, job(title), JobInfo.class));
    }

    private int awaitJob() throws Exception {
        await("the job", () -> udm().jobCount() > 0);
        PagedResponse<?> jobs = template.requestBody(route(udm("listJobs", "")), (Object) null, PagedResponse.class);
        return ((JobInfo) jobs.getItems().get(0)).getId();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
