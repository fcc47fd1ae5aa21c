package io.camelgenesys.udm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.simulator.UserDataManagement.JobState;
import io.camelgenesys.udm.model.JobInfo;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job lifecycle from one route: createJob with waitForCompletion (polled on the connection's scheduler, no thread
 * waiting), then every file of the run downloaded into a folder. Status names come from the simulator at run time,
 * renamed by the tests; progress 100 is what completes the wait.
 */
class UdmJobLifecycleRouteTest extends UdmTestSupport {

    private static final String FAST = "waitForCompletion=true&waitPollDelay=20&waitPollMaxDelay=100";

    @TempDir
    Path out;

    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void createWaitAndDownloadEveryFileOfTheRunInOneRoute() throws Exception {
        udm().setRunDuration(Duration.ofMillis(300));
        udm().setExportSize(300_000);
        // completion is progress 100, whatever the tenant calls the status
        udm().setStatusName(JobState.COMPLETED, "DONE");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export")
                        .to(udm("createJob", FAST))
                        .to("mock:completed")
                        .split(simple("${body.fileName}").tokenize(",")).streaming()
                            .setHeader(UdmConstants.FILE_NAME, body())
                            .to(udm("downloadFile", ""))
                            .to("file:" + out)
                            .to("mock:files");
            }
        });
        MockEndpoint completed = getMockEndpoint("mock:completed");
        MockEndpoint files = getMockEndpoint("mock:files");
        io.camelgenesys.udm.model.Job split = job("Yesterday");
        split.getJobParams().setFileSplitSize("100KB");
        template.sendBody("direct:export", split);
        completed.expectedMessageCount(1);
        completed.assertIsSatisfied(20_000);
        Exchange done = completed.getReceivedExchanges().get(0);
        JobInfo job = done.getMessage().getBody(JobInfo.class);
        assertEquals(100, job.getProgress());
        assertEquals("DONE", job.getStatus());
        assertEquals("DONE", done.getMessage().getHeader(UdmConstants.JOB_STATUS));
        assertEquals(100, done.getMessage().getHeader(UdmConstants.JOB_PROGRESS));
        assertEquals(202, done.getMessage().getHeader(io.camelgenesys.core.GenesysConstants.HTTP_STATUS));
        String[] names = job.getFileName().split(",");
        assertEquals(3, names.length);
        files.expectedMessageCount(3);
        files.assertIsSatisfied(20_000);
        long total = 0;
        for (String name : names) {
            total += Files.size(out.resolve(name));
            assertEquals(udm().file(name).orElseThrow().size(), Files.size(out.resolve(name)));
        }
        assertEquals(300_000, total);
        assertTrue(sim().requests().count("GET", "/udm/v10/export/jobs/*") >= 1);
    }

    @Test
    void aRenamedFailureStatusFailsTheWaitAtOnceWithTheJobsLastStatus() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        udm().setStatusName(JobState.FAILED, "Broken");
        udm().setStatusName(JobState.CANCELLED, "Stopped");
        String from = route(udm("createJob", FAST + "&failedStatuses=Broken,Stopped&waitTimeout=20000"));
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> template.requestBody(from, job("Fails")));
        int jobId = awaitJob();
        udm().advance(udm().historyIds(jobId).get(0), 30);
        udm().fail(udm().historyIds(jobId).get(0));
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(10, TimeUnit.SECONDS)).getCause();
        UdmJobException e = assertInstanceOf(UdmJobException.class, failure.getCause());
        assertEquals(jobId, e.getJobId());
        assertEquals("Broken", e.getStatus());
        assertEquals(30, e.getProgress());
        assertFalse(e.isTimedOut());
        assertTrue(e.getMessage().contains("reached the status Broken at 30%"), e.getMessage());
    }

    private int awaitJob() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (udm().jobCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, udm().jobCount());
        Exchange list = template.request(route(udm("listJobs", "")), x -> {
        });
        return ((JobInfo) ((io.camelgenesys.udm.model.PagedResponse<?>) list.getMessage().getBody()).getItems().get(0))
                .getId();
    }

    @Test
    void failureStatusesAreCheckedAgainstTheTenantsNamesBeforeTheJobIsCreated() throws Exception {
        udm().setStatusName(JobState.FAILED, "Broken");
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("createJob", FAST + "&failedStatuses=Failed")), job("Never")));
        String message = assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
        assertTrue(message.contains("failedStatuses names [Failed]"), message);
        assertTrue(message.contains("Broken"), message);
        assertEquals(0, udm().jobCount());
        assertEquals(1, sim().requests().count("GET", "/udm/v10/data/job-statuses"));
    }

    @Test
    void theDeadlineFailsTheWaitWithTheLastStatusAndTheJobKeepsRunning() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("createJob", FAST + "&waitTimeout=400")), job("Slow")));
        UdmJobException timedOut = assertInstanceOf(UdmJobException.class, e.getCause());
        assertTrue(timedOut.isTimedOut());
        assertEquals(udm().statusName(JobState.RUNNING), timedOut.getStatus());
        assertEquals(0, timedOut.getProgress());
        assertTrue(timedOut.getMessage().contains("did not complete within waitTimeout"), timedOut.getMessage());
        assertTrue(timedOut.getMessage().contains("cancelJob"), timedOut.getMessage());
        assertEquals(udm().statusName(JobState.RUNNING), timedOut.getJobInfo().getStatus());
        assertTrue(sim().requests().count("GET", "/udm/v10/export/jobs/*") >= 2);
        // the waits grow: far fewer polls than 400 ms / 20 ms
        assertTrue(sim().requests().count("GET", "/udm/v10/export/jobs/*") < 15);
    }

    @Test
    void withoutWaitingCreateJobAnswersAtOnce() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        JobInfo created = template.requestBody(route(udm("createJob", "")), job("No wait"), JobInfo.class);
        assertEquals(0, created.getProgress());
        assertEquals(0, sim().requests().count("GET", "/udm/v10/export/jobs/*"));
    }

    @Test
    void manyJobsWaitAtOnceOnAOneThreadWorkerPoolWithoutBlockingIt() throws Exception {
        udm().setRunDuration(Duration.ofMillis(400));
        pool = Executors.newFixedThreadPool(1);
        context.getRegistry().bind("oneThread", pool);
        String from = route(udm("createJob", FAST + "&workerPool=#oneThread"));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<JobInfo>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String title = "Parallel " + i;
                all.add(CompletableFuture.supplyAsync(() -> template.requestBody(from, job(title), JobInfo.class),
                        callers));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<JobInfo> f : all) {
                assertEquals(100, f.get().getProgress());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(20, udm().jobCount());
    }

    @Test
    void tokenExpiryAndServerErrorsWhileWaitingAreRiddenOut() throws Exception {
        udm().setRunDuration(Duration.ofMillis(500));
        // the first poll is held until the tokens are revoked and the 503s set (the simulator checks the token after
        // a fault's hold): on a slow machine the wait could otherwise have ended within the job's 500 ms, before them
        CompletableFuture<Void> faultsSet = new CompletableFuture<>();
        sim().faults().on("GET", "/udm/v10/export/jobs/*").holdUntil(faultsSet).times(1);
        String from = route(udm("createJob", FAST + "&retryInitialDelay=10"));
        CompletableFuture<JobInfo> waiting = CompletableFuture.supplyAsync(
                () -> template.requestBody(from, job("Faults"), JobInfo.class));
        try {
            awaitJob();
            sim().tokens().revokeAll();
            sim().faults().on("GET", "/udm/v10/export/jobs/*").status(503).times(2);
        } finally {
            faultsSet.complete(null);
        }
        JobInfo done = waiting.get(20, TimeUnit.SECONDS);
        assertEquals(100, done.getProgress());
        assertTrue(sim().tokens().requestCount() >= 2);
    }
}
