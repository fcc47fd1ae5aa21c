package io.camelgenesys.udm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.udm.model.Job;
import io.camelgenesys.udm.model.JobInfo;
import io.camelgenesys.udm.model.JobProgress;
import io.camelgenesys.udm.model.PagedResponse;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export jobs and their history (runs) through routes: each operation, its documented errors, paging. */
class UdmJobsRouteTest extends UdmTestSupport {

    @BeforeEach
    void noProgressByItself() {
        // runs progress only when a test says so
        udm().setRunDuration(Duration.ZERO);
    }

    private JobInfo create(Job job) throws Exception {
        return template.requestBody(route(udm("createJob", "")), job, JobInfo.class);
    }

    private static GenesysApiException apiFailure(CamelExecutionException e) {
        return assertInstanceOf(GenesysApiException.class, e.getCause());
    }

    @Test
    void createJobAnswers202WithAnIntegerIdAndTheKeysOnEveryRequest() throws Exception {
        Exchange done = template.request(route(udm("createJob", "")), e -> e.getMessage().setBody(job("Nightly")));
        JobInfo created = done.getMessage().getBody(JobInfo.class);
        assertEquals(202, done.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertNotNull(created.getId());
        assertEquals("Nightly", created.getTitle());
        assertEquals(0, created.getProgress());
        assertNull(created.getParentId());
        assertEquals(1, udm().jobCount());
        assertEquals("mc-api-key", sim().requests().lastHeader("/udm/v10/export/jobs", "x-api-key"));
        assertEquals("Bearer " + sim().tokens().lastIssuedAccessToken(),
                sim().requests().lastHeader("/udm/v10/export/jobs", "Authorization"));
    }

    @Test
    void aJobBodyBreakingTheSeedsRulesIsRefusedNamingEveryFieldAndNothingIsSent() throws Exception {
        String from = route(udm("createJob", ""));
        int before = sim().requests().count("*", "/udm/**");
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(from, Map.of("type", "Other", "title", "x")));
        String message = assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
        for (String named : List.of("source is required", "type must be one of UCS, DataSync", "timeFrame is required",
                "schedulerParam is required", "jobParams is required", "suspended is required")) {
            assertTrue(message.contains(named), message);
        }
        Job noMedia = job("x");
        noMedia.getJobParams().setMedia(null);
        e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, noMedia));
        assertTrue(e.getCause().getMessage().contains("jobParams.media is required"), e.getCause().getMessage());
        assertEquals(before, sim().requests().count("*", "/udm/**"));
        assertEquals(0, udm().jobCount());
    }

    @Test
    void createJobRefusedByGenesysFailsWith400NamingTheField() throws Exception {
        Job job = job("x");
        job.setSource("NotASource");
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> create(job));
        GenesysApiException api = apiFailure(e);
        assertEquals(400, api.getHttpStatus());
        assertTrue(api.getMessage().contains("source"), api.getMessage());
    }

    @Test
    void getJobByOptionOrHeaderAndUnknownIs404() throws Exception {
        JobInfo created = create(job("Lookup"));
        JobInfo byOption = template.requestBody(route(udm("getJob", "jobId=" + created.getId())), null, JobInfo.class);
        assertEquals(created.getId(), byOption.getId());
        String get = route(udm("getJob", ""));
        JobInfo byHeader = template.requestBodyAndHeader(get, null, UdmConstants.JOB_ID, String.valueOf(created.getId()),
                JobInfo.class);
        assertEquals("Lookup", byHeader.getTitle());

        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(get, null, UdmConstants.JOB_ID, 999_999));
        assertEquals(404, apiFailure(e).getHttpStatus());
    }

    @Test
    void anIdThatIsNotAnIntegerIsRefusedBeforeAnythingIsSent() throws Exception {
        String get = route(udm("getJob", ""));
        int before = sim().requests().count("*", "/udm/**");
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(get, null, UdmConstants.JOB_ID, "abc"));
        assertEquals("getJob: jobId must be an integer id (UDM ids are integers), was 'abc'", e.getCause().getMessage());
        e = assertThrows(CamelExecutionException.class, () -> template.requestBody(get, (Object) null));
        assertTrue(e.getCause().getMessage().contains("set the jobId option or the CamelGenesysJobId header"),
                e.getCause().getMessage());
        String deleteMany = route(udm("deleteJobs", ""));
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(deleteMany, null, UdmConstants.JOB_IDS, List.of(1, "two")));
        assertTrue(e.getCause().getMessage().contains("jobIds must be an integer id"), e.getCause().getMessage());
        e = assertThrows(CamelExecutionException.class, () -> template.requestBody(deleteMany, (Object) null));
        assertTrue(e.getCause().getMessage().contains("set the jobIds option or the CamelGenesysJobIds header"),
                e.getCause().getMessage());
        assertEquals(before, sim().requests().count("*", "/udm/**"));
    }

    @Test
    void updateJobBeforeItStartsAnd400AfterIt() throws Exception {
        JobInfo scheduled = create(scheduledJob("Later"));
        Job changed = scheduledJob("Later, renamed");
        JobInfo updated = template.requestBodyAndHeader(route(udm("updateJob", "")), changed, UdmConstants.JOB_ID,
                scheduled.getId(), JobInfo.class);
        assertEquals("Later, renamed", updated.getTitle());

        JobInfo running = create(job("Now"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(route(udm("updateJob", "")), job("Now 2"), UdmConstants.JOB_ID,
                        running.getId()));
        assertEquals(400, apiFailure(e).getHttpStatus());
    }

    @Test
    void suspendResumeCancelAndDeleteFollowTheStateMachine() throws Exception {
        JobInfo job = create(job("Lifecycle"));
        int id = job.getId();
        String suspended = udm().statusName(io.camelgenesys.simulator.UserDataManagement.JobState.SUSPENDED);
        JobInfo s = template.requestBodyAndHeader(route(udm("suspendJob", "")), null, UdmConstants.JOB_ID, id,
                JobInfo.class);
        assertEquals(suspended, s.getStatus());
        JobInfo r = template.requestBodyAndHeader(route(udm("resumeJob", "")), null, UdmConstants.JOB_ID, id,
                JobInfo.class);
        assertEquals(udm().statusName(io.camelgenesys.simulator.UserDataManagement.JobState.RUNNING), r.getStatus());

        // only a finished job can be deleted: 400 while it runs
        String delete = route(udm("deleteJob", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(delete, null, UdmConstants.JOB_ID, id));
        assertEquals(400, apiFailure(e).getHttpStatus());

        Exchange cancelled = template.request(route(udm("cancelJob", "jobId=" + id)), x -> {
        });
        assertNull(cancelled.getException());
        assertEquals(200, cancelled.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertNull(cancelled.getMessage().getBody());
        // only an unfinished job can be cancelled
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("cancelJob", "jobId=" + id)), (Object) null));
        assertEquals(400, apiFailure(e).getHttpStatus());

        Exchange deleted = template.request(delete, x -> x.getMessage().setHeader(UdmConstants.JOB_ID, id));
        assertEquals(204, deleted.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertEquals(0, udm().jobCount());
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(delete, null, UdmConstants.JOB_ID, id));
        assertEquals(404, apiFailure(e).getHttpStatus());
    }

    @Test
    void suspendAndResumeOfAFinishedJobAre400AndOfAnUnknownOne404() throws Exception {
        JobInfo job = create(job("Finished"));
        udm().complete(udm().historyIds(job.getId()).get(0));
        for (String operation : List.of("suspendJob", "resumeJob")) {
            String uri = route(udm(operation, ""));
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> template.requestBodyAndHeader(uri, null, UdmConstants.JOB_ID, job.getId()));
            assertEquals(400, apiFailure(e).getHttpStatus(), operation);
            e = assertThrows(CamelExecutionException.class,
                    () -> template.requestBodyAndHeader(uri, null, UdmConstants.JOB_ID, 999_999));
            assertEquals(404, apiFailure(e).getHttpStatus(), operation);
        }
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(route(udm("updateJob", "")), job("x"), UdmConstants.JOB_ID, 999_999));
        assertEquals(404, apiFailure(e).getHttpStatus());
    }

    @Test
    void anOrderFieldGenesysDoesNotKnowIs400() throws Exception {
        create(scheduledJob("Any"));
        for (String operation : List.of("listJobs", "listHistory")) {
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody(route(udm(operation, "orderField=nope")), (Object) null));
            GenesysApiException refused = apiFailure(e);
            assertEquals(400, refused.getHttpStatus(), operation);
            assertTrue(refused.getMessage().contains("orderField"), refused.getMessage());
        }
    }

    @Test
    void deleteJobsReportsTheIdsGenesysDidNotDeleteAndDeletesTheOthers() throws Exception {
        JobInfo finished = create(job("Done"));
        udm().complete(udm().historyIds(finished.getId()).get(0));
        JobInfo running = create(job("Running"));
        String deleteMany = route(udm("deleteJobs", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(deleteMany, null, UdmConstants.JOB_IDS,
                        List.of(finished.getId(), running.getId(), 999_999)));
        UdmNotDeletedException notDeleted = assertInstanceOf(UdmNotDeletedException.class, e.getCause());
        assertEquals(List.of(running.getId(), 999_999), notDeleted.getNotDeleted());
        assertTrue(notDeleted.getMessage().contains("did not delete 2 of the 3 listed"), notDeleted.getMessage());
        assertEquals(500, notDeleted.getHttpStatus());
        // the 500 is a per-item result: sent once, not retried as a server fault
        assertEquals(1, sim().requests().count("DELETE", "/udm/v10/export/jobs"));
        assertTrue(udm().job(finished.getId()).isEmpty());
        assertTrue(udm().job(running.getId()).isPresent());

        udm().fail(udm().historyIds(running.getId()).get(0));
        Exchange all = template.request(route(udm("deleteJobs", "jobIds=" + running.getId())), x -> {
        });
        assertNull(all.getException());
        assertEquals(204, all.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertEquals(0, udm().jobCount());
    }

    @Test
    void listJobsPagesWithFromAndSizeIntoAPagedResponseAndAlwaysSendsASize() throws Exception {
        for (int i = 0; i < 7; i++) {
            create(scheduledJob("Page job " + i));
        }
        PagedResponse<?> page = template.requestBody(route(udm("listJobs", "pageSize=3&from=3")), null,
                PagedResponse.class);
        assertEquals(7, page.getCount());
        assertEquals(3, page.getFrom());
        assertEquals(3, page.getSize());
        assertEquals(3, page.getItems().size());
        JobInfo first = assertInstanceOf(JobInfo.class, page.getItems().get(0));
        assertEquals("Page job 3", first.getTitle());

        Exchange defaults = template.request(route(udm("listJobs", "orderField=title&descAsc=true")), x -> {
        });
        PagedResponse<?> all = defaults.getMessage().getBody(PagedResponse.class);
        // the size sent when none is set: 100, never UDM's "everything"
        assertEquals(100, all.getSize());
        assertEquals(7L, defaults.getMessage().getHeader(GenesysConstants.TOTAL));
        assertEquals("Page job 6", ((JobInfo) all.getItems().get(0)).getTitle());
        List<Object> split = new ArrayList<>();
        all.forEach(split::add);
        assertEquals(7, split.size());
    }

    @Test
    void pageAllStreamsEveryJobAcrossPagesAndA204IsAnEmptyList() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(scheduledJob("Stream " + i));
        }
        Iterator<?> it = template.requestBody(route(udm("listJobs", "pageAll=true&pageSize=2")), null, Iterator.class);
        List<String> titles = new ArrayList<>();
        it.forEachRemaining(j -> titles.add(((JobInfo) j).getTitle()));
        assertEquals(List.of("Stream 0", "Stream 1", "Stream 2", "Stream 3", "Stream 4"), titles);
        assertEquals(3, sim().requests().count("GET", "/udm/v10/export/jobs"));

        // nothing matches: UDM answers 204, which is an empty page
        Exchange none = template.request(route(udm("listJobs", "title=nothing-like-this")), x -> {
        });
        assertEquals(204, none.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        assertEquals(List.of(), none.getMessage().getBody());
        Iterator<?> empty = template.requestBody(route(udm("listJobs", "title=nothing-like-this&pageAll=true")), null,
                Iterator.class);
        assertTrue(!empty.hasNext());
    }

    @Test
    void badPagingIsRefusedBeforeAnythingIsSent() throws Exception {
        String list = route(udm("listJobs", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(list, null, GenesysConstants.PAGE_SIZE, 0));
        assertEquals("listJobs: size must be between 1 and 2147483647, was 0", e.getCause().getMessage());
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(list, null, UdmConstants.FROM, -1));
        assertEquals("listJobs: from must be between 0 and 2147483647, was -1", e.getCause().getMessage());
        assertEquals(0, sim().requests().count("GET", "/udm/v10/export/jobs"));
    }

    @Test
    void historyListsGetsAndDeletesTheRunsOfAJob() throws Exception {
        udm().setRunDuration(Duration.ZERO);
        JobInfo job = create(job("History"));
        int historyId = udm().historyIds(job.getId()).get(0);
        udm().advance(historyId, 40);

        PagedResponse<?> runs = template.requestBody(route(udm("listHistory", "jobId=" + job.getId())), null,
                PagedResponse.class);
        assertEquals(1, runs.getCount());
        JobInfo run = (JobInfo) runs.getItems().get(0);
        assertEquals(historyId, run.getId());
        assertEquals(job.getId(), run.getParentId());

        JobProgress progress = template.requestBodyAndHeader(route(udm("getHistoryProgress", "")), null,
                UdmConstants.HISTORY_ID, historyId, JobProgress.class);
        assertEquals(40, progress.getProgress());
        assertEquals(run.getStatus(), progress.getStatus());

        JobInfo byId = template.requestBody(route(udm("getHistory", "historyId=" + historyId)), null, JobInfo.class);
        assertEquals("History", byId.getTitle());

        // a run in progress cannot be deleted
        String delete = route(udm("deleteHistory", ""));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(delete, null, UdmConstants.HISTORY_ID, historyId));
        assertEquals(400, apiFailure(e).getHttpStatus());
        udm().complete(historyId);
        Exchange deleted = template.request(delete, x -> x.getMessage().setHeader(UdmConstants.HISTORY_ID, historyId));
        assertEquals(204, deleted.getMessage().getHeader(GenesysConstants.HTTP_STATUS));
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("getHistory", "historyId=" + historyId)), (Object) null));
        assertEquals(404, apiFailure(e).getHttpStatus());
    }

    @Test
    void deleteHistoriesReportsTheRunsNotDeleted() throws Exception {
        JobInfo a = create(job("A"));
        JobInfo b = create(job("B"));
        int runA = udm().historyIds(a.getId()).get(0);
        int runB = udm().historyIds(b.getId()).get(0);
        udm().complete(runA);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("deleteHistories", "historyIds=" + runA + "," + runB)),
                        (Object) null));
        UdmNotDeletedException notDeleted = assertInstanceOf(UdmNotDeletedException.class, e.getCause());
        assertEquals(List.of(runB), notDeleted.getNotDeleted());
        assertTrue(udm().history(runA).isEmpty());
        assertTrue(udm().history(runB).isPresent());
    }
}
