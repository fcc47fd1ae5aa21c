package io.camelgenesys.contacts;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ContactImportJob;
import io.camelgenesys.contacts.model.ContactImportJobStatusUpdate;
import io.camelgenesys.contacts.model.ContactImportSettings;
import io.camelgenesys.contacts.model.CsvSettings;
import io.camelgenesys.contacts.model.CsvUploadDetails;
import io.camelgenesys.contacts.model.CsvUploadPreview;
import io.camelgenesys.contacts.model.CsvUploadResponse;
import io.camelgenesys.contacts.model.EntitiesExport;
import io.camelgenesys.contacts.model.ExportListing;
import io.camelgenesys.contacts.model.ImportJobListing;
import io.camelgenesys.contacts.model.ImportSettingsListing;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.docs.DocExamples;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import and export (issue 16) through Camel routes against the simulator: every operation's success and documented
 * errors, the one-call {@code importContacts} (rows with errors, each input form, faults while it uploads and
 * polls, a failed job, a timeout, an expired token) and the exports streamed from the storage host (which refuses
 * Genesys credentials), and the page's examples in Java and YAML.
 */
class ImportExportRouteTest extends ContactsTestSupport {

    private static final String FAST = "waitPollDelay=20&waitPollMaxDelay=200";
    private static final String CSV = "First,Last,Email,Phone\n"
                                      + "Ada,Lovelace,ada@example.com,+15550001001\n"
                                      + "Bad,Email,not-an-email,\n"
                                      + "No,Email,,+15550001003\n"
                                      + "Too,Many,too@example.com,+15550001004,surplus\n"
                                      + "\"Grace, Admiral\",Hopper,grace@example.com,\n";

    /**
     * The request budget of this class's connection, client and simulator alike, per {@link #BUDGET_PERIOD_MILLIS},
     * instead of Genesys' 300 a minute (for {@code manyImportsAndExportsAtOnceOnATwoThreadWorkerPoolAllFinish}). A
     * job wait polls every 200 ms at most ({@link #FAST}), so the requests of many waits grow with how long the jobs
     * take: on a loaded machine they exhausted 300 a minute, and the calls then waited up to a minute for the window
     * to end (a run timed out so). With 2 s windows they still wait when they outrun the budget, 2 s at most. No test
     * here is about the budget itself (core's rate-limit tests are).
     */
    private static final int BUDGET = 100;
    private static final long BUDGET_PERIOD_MILLIS = 2000;

    @TempDir
    Path dir;

    /** Every endpoint of this class, as the simulator ({@link #settings()}): the first one sets the connection's. */
    @Override
    String contacts(String operation, String options) {
        return super.contacts(operation, (options.isEmpty() ? "" : options + "&") + "rateLimit=" + BUDGET
                                         + "&rateLimitPeriod=" + BUDGET_PERIOD_MILLIS);
    }

    private String csvSettingsId;
    private String importSettingsId;

    @BeforeEach
    void settings() throws Exception {
        // before any request: the client keeps the longest reset it has seen within a window
        sim().setRateLimit(BUDGET, Duration.ofMillis(BUDGET_PERIOD_MILLIS));
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(20));
        ExternalSource source = body("createExternalSource", "", Map.of("name", "CRM", "active", true),
                ExternalSource.class);
        ContactImportSettings settings = body("createImportSettings", "", Map.of("name", "CRM import",
                "mergeContacts", true, "externalSourceId", source.getId(), "matchingCriteria", List.of("workEmail"),
                "importFields", List.of(Map.of("name", "workEmail", "included", true))), ContactImportSettings.class);
        importSettingsId = settings.getId();
        CsvSettings csv = body("createCsvSettings", "", Map.of("externalSettingsId", settings.getId(), "mappings",
                List.of(mapping("First", "firstName"), mapping("Last", "lastName"), mapping("Email", "workEmail"),
                        mapping("Phone", "workPhone.e164"))), CsvSettings.class);
        csvSettingsId = csv.getId();
    }

    private static Map<String, String> mapping(String column, String field) {
        return Map.of("sourceField", column, "targetField", field);
    }

    private String importUri(String more) {
        return "settingsId=" + csvSettingsId + "&waitForCompletion=true&" + FAST + (more.isEmpty() ? "" : "&" + more);
    }

    // ---- importContacts ---------------------------------------------------------------------------------------

    @Test
    void importContactsReportsEveryRefusedRowWithItsReason() throws Exception {
        Exchange done = call("importContacts", importUri(""), CSV);
        assertNull(done.getException());
        ImportResult result = done.getMessage().getBody(ImportResult.class);
        assertTrue(result.isCompleted());
        assertEquals("Completed", result.getStatus());
        assertEquals(5, result.getRows());
        assertEquals(2, result.getSuccessCount());
        assertEquals(3, result.getFailureCount());
        List<ImportRowFailure> failed = result.getFailedRows();
        assertEquals(List.of(3L, 4L, 5L), failed.stream().map(ImportRowFailure::getLineNumber).toList());
        assertEquals("workEmail must be a valid email address, got 'not-an-email'", failed.get(0).getReason());
        assertEquals("Missing required field workEmail (a matching criterion of the import settings)",
                failed.get(1).getReason());
        assertTrue(failed.get(2).getReason().contains("'surplus' is in an unknown column"), failed.get(2).getReason());
        assertEquals("Bad", failed.get(0).getRow().get("First"));
        assertEquals(result.getJobId(), done.getMessage().getHeader(ContactsConstants.IMPORT_JOB_ID));
        assertEquals("Completed", done.getMessage().getHeader(ContactsConstants.IMPORT_JOB_STATUS));
        assertEquals(2L, done.getMessage().getHeader(ContactsConstants.IMPORT_SUCCESS_COUNT));
        assertEquals(3L, done.getMessage().getHeader(ContactsConstants.IMPORT_FAILURE_COUNT));
        assertEquals(2, sim().externalContacts().contactCount());
        // the storage host refuses Genesys credentials (400): one PUT, accepted, and one report GET
        assertEquals(1, sim().requests().count("PUT", "/contacts-files/**"));
        assertNull(sim().requests().lastHeader("/contacts-files/**", "Authorization"));
    }

    @Test
    void rowsFilesAndStreamsAreImportedAlikeAndMergedByTheMatchingCriteria(@TempDir Path tmp) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Ada", "Lovelace", "ada@example.com"));
        rows.add(row("Alan", "Turing", "alan@example.com"));
        ImportResult fromRows = body("importContacts", importUri(""), rows, ImportResult.class);
        assertEquals(2, fromRows.getSuccessCount());
        Path file = tmp.resolve("crm.csv");
        Files.writeString(file, "First,Last,Email\nAda,King,ada@example.com\n");
        ImportResult fromFile = body("importContacts", importUri(""), file.toFile(), ImportResult.class);
        assertEquals(1, fromFile.getSuccessCount());
        InputStream stream = new ByteArrayInputStream("First,Last,Email\nGrace,Hopper,grace@example.com\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportResult fromStream = body("importContacts", importUri(""), stream, ImportResult.class);
        assertEquals(1, fromStream.getSuccessCount());
        // mergeContacts with matchingCriteria workEmail: Ada's second row updated her, it did not add a contact
        assertEquals(3, sim().externalContacts().contactCount());
    }

    /**
     * An Iterator of rows (a streamed SQL result) whose first row has a NULL column that a later row fills: the column
     * is the first row's (its value empty), so the later row is imported with it, not refused as a column the first
     * row lacks.
     */
    @Test
    void anIteratorsFirstRowWithANullColumnStillGivesThatColumn() throws Exception {
        Map<String, Object> first = row("Ada", "Lovelace", "ada@example.com");
        first.put("Phone", null);
        Map<String, Object> second = row("Alan", "Turing", "alan@example.com");
        second.put("Phone", "+15550100002");
        Exchange done = call("importContacts", importUri(""), List.of(first, second).iterator());
        assertNull(done.getException());
        ImportResult result = done.getMessage().getBody(ImportResult.class);
        assertEquals(2, result.getRows());
        assertEquals(2, result.getSuccessCount());
        assertEquals(0, result.getFailureCount());
        assertEquals(2, sim().externalContacts().contactCount());
    }

    private static Map<String, Object> row(String first, String last, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("First", first);
        row.put("Last", last);
        row.put("Email", email);
        return row;
    }

    @Test
    void withoutWaitingTheJobIsReturnedAndCanBeFollowedAndListed() throws Exception {
        sim().externalContacts().jobProcessingDelay(Duration.ofSeconds(30));
        ImportResult started = body("importContacts", "settingsId=" + csvSettingsId, CSV, ImportResult.class);
        assertFalse(started.isCompleted());
        assertNotNull(started.getUploadId());
        ContactImportJob job = body("getImportJob", "jobId=" + started.getJobId(), null, ContactImportJob.class);
        assertEquals("Pending", job.getStatus());
        assertEquals(csvSettingsId, job.getSettings().getId());
        ImportJobListing pending = body("listImportJobs", "jobStatus=Pending&pageSize=5", null, ImportJobListing.class);
        assertEquals(1, pending.getEntities().size());
        CsvUploadPreview preview = body("getCsvUploadPreview", "uploadId=" + started.getUploadId(), null,
                CsvUploadPreview.class);
        assertEquals(List.of("First", "Last", "Email", "Phone"), preview.getHeaders());
        assertEquals("Grace, Admiral", preview.getEntries().get(4).get(0));
        CsvUploadDetails details = body("getCsvUploadDetails", "uploadId=" + started.getUploadId(), null,
                CsvUploadDetails.class);
        assertEquals(1, details.getValidationResult().getErrors().size());
        assertEquals(5L, details.getValidationResult().getErrors().get(0).getLineNumber());
        // cancelled while it waits; a second cancel is a conflict
        ContactImportJobStatusUpdate cancelled = body("updateImportJob", "jobId=" + started.getJobId(),
                Map.of("jobId", started.getJobId(), "status", "Cancelled"), ContactImportJobStatusUpdate.class);
        assertEquals("Cancelled", cancelled.getStatus());
        GenesysApiException conflict = assertInstanceOf(GenesysApiException.class, failure("updateImportJob",
                "jobId=" + started.getJobId(), Map.of("jobId", started.getJobId(), "status", "Cancelled")));
        assertEquals(409, conflict.getHttpStatus());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        Throwable noSettings = failure("importContacts", "waitForCompletion=true", CSV);
        assertInstanceOf(IllegalArgumentException.class, noSettings);
        assertTrue(noSettings.getMessage().contains("settingsId option or the CamelGenesysSettingsId header"),
                noSettings.getMessage());
        Throwable noBody = failure("importContacts", importUri(""), null);
        assertTrue(noBody.getMessage().contains("the body is empty"), noBody.getMessage());
        Throwable notRows = failure("importContacts", importUri(""), 42);
        assertTrue(notRows.getMessage().contains("the body is a java.lang.Integer"), notRows.getMessage());
        assertEquals(0, sim().requests().count("POST", EC + "/import/csv/uploads"));
        Throwable noName = failure("createImportSettings", "", Map.of("mergeContacts", true));
        assertInstanceOf(IllegalArgumentException.class, noName);
        assertTrue(noName.getMessage().contains("name"), noName.getMessage());
        Throwable noSize = failure("createCsvUpload", "", Map.of("fileName", "x.csv"));
        assertTrue(noSize.getMessage().contains("fileSize"), noSize.getMessage());
    }

    @Test
    void documentedErrorsOfTheSteps() throws Exception {
        GenesysApiException missing = assertInstanceOf(GenesysApiException.class,
                failure("getImportSettings", "settingsId=nope", null));
        assertEquals(404, missing.getHttpStatus());
        assertEquals(404, ((GenesysApiException) failure("getCsvSettings", "settingsId=nope", null)).getHttpStatus());
        assertEquals(404, ((GenesysApiException) failure("getImportJob", "jobId=nope", null)).getHttpStatus());
        assertEquals(404, ((GenesysApiException) failure("getContactsExport", "exportId=nope", null)).getHttpStatus());
        GenesysApiException target = assertInstanceOf(GenesysApiException.class, failure("createCsvSettings", "",
                Map.of("mappings", List.of(mapping("Fax", "faxNumber")))));
        assertEquals(400, target.getHttpStatus());
        assertTrue(target.getMessage().contains("faxNumber is not a contact field"), target.getMessage());
        CsvUploadResponse upload = body("createCsvUpload", "", Map.of("fileName", "x.csv", "fileSize", 10),
                CsvUploadResponse.class);
        GenesysApiException early = assertInstanceOf(GenesysApiException.class, failure("getCsvUploadDetails",
                "uploadId=" + upload.getUploadId(), null));
        assertEquals(400, early.getHttpStatus());
        GenesysApiException duplicate = assertInstanceOf(GenesysApiException.class, failure("createImportSettings",
                "", body("getImportSettings", "settingsId=" + importSettingsId, null, ContactImportSettings.class)));
        assertEquals(409, duplicate.getHttpStatus());
        ImportSettingsListing listed = body("listImportSettings", "name=crm", null, ImportSettingsListing.class);
        assertEquals(1, listed.getEntities().size());
        body("deleteCsvSettings", "settingsId=" + csvSettingsId, null, Object.class);
        assertEquals(404, ((GenesysApiException) failure("deleteCsvSettings", "settingsId=" + csvSettingsId, null))
                .getHttpStatus());
    }

    @Test
    void aFailedJobFailsTheExchangeNamingTheJobAndGenesysReason() throws Exception {
        sim().externalContacts().failNextJob("The organization's import quota is used up");
        Throwable failed = failure("importContacts", importUri(""), CSV);
        ContactsJobException e = assertInstanceOf(ContactsJobException.class, failed);
        assertTrue(e.isFailed());
        assertFalse(e.isTimedOut());
        assertEquals("Failed", e.getStatus());
        assertEquals("Import job " + e.getJobId() + " ended Failed: The organization's import quota is used up",
                e.getMessage());
    }

    @Test
    void aJobThatOutlastsWaitTimeoutFailsAndKeepsRunning() throws Exception {
        sim().externalContacts().jobProcessingDelay(Duration.ofSeconds(30));
        ContactsJobException e = assertInstanceOf(ContactsJobException.class, failure("importContacts",
                importUri("waitTimeout=400"), CSV));
        assertTrue(e.isTimedOut());
        assertTrue(e.getMessage().startsWith("Import job " + e.getJobId() + " did not finish within waitTimeout"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("it keeps running in Genesys"), e.getMessage());
    }

    @Test
    void pollingRidesOutRateLimitsAndServerErrors() throws Exception {
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(200));
        sim().faults().on("GET", EC + "/import/jobs/*").status(429).header("Retry-After", "0").times(2);
        sim().faults().on("GET", EC + "/import/jobs/*").status(503).times(1);
        ImportResult result = body("importContacts", importUri("retryInitialDelay=10"), CSV, ImportResult.class);
        assertEquals(2, result.getSuccessCount());
        assertTrue(sim().faults().hits("GET", EC + "/import/jobs/*") >= 3);
    }

    @Test
    void aPollThatCannotBeRiddenOutFailsNamingTheJob() throws Exception {
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(300));
        sim().faults().on("GET", EC + "/import/jobs/*").status(500).times(50);
        ContactsJobException e = assertInstanceOf(ContactsJobException.class, failure("importContacts",
                importUri("retryMaxAttempts=2&retryInitialDelay=10"), CSV));
        assertFalse(e.isFailed());
        assertNotNull(e.getCause());
        assertTrue(e.getMessage().contains("could not be followed"), e.getMessage());
    }

    @Test
    void aDroppedUploadConnectionSendsTheFileAgain() throws Exception {
        sim().faults().on("PUT", "/contacts-files/**").drop().times(1);
        ImportResult result = body("importContacts", importUri("retryInitialDelay=10"), CSV, ImportResult.class);
        assertEquals(2, result.getSuccessCount());
        assertEquals(2, sim().requests().count("PUT", "/contacts-files/**"));
    }

    @Test
    void aStorageHostThatKeepsRefusingTheUploadFailsWithoutQuotingTheLink() throws Exception {
        sim().faults().on("PUT", "/contacts-files/**").status(403).times(5);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class, failure("importContacts",
                importUri(""), CSV));
        assertTrue(e.getMessage().contains("pre-signed upload link has expired or was refused"), e.getMessage());
        assertFalse(e.getMessage().contains("signature="), e.getMessage());
        assertEquals(0, sim().requests().count("POST", EC + "/import/csv/jobs"), "no job without the file");
    }

    @Test
    void anExpiredTokenMidJobIsRenewedAndTheWaitGoesOn() throws Exception {
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(300));
        String from = route(contacts("importContacts", importUri("")));
        Exchange done = template.request(from, e -> {
            e.getMessage().setBody(CSV);
        });
        assertNull(done.getException());
        int tokens = sim().tokens().requestCount();
        // the job runs again; every token is revoked while the route polls. The first poll is held until then (the
        // simulator checks the token after a fault's hold): a revocation timed by a sleep could come after a slow
        // machine's route had finished, or a fast one's before it polled
        sim().externalContacts().jobProcessingDelay(Duration.ofMillis(400));
        java.util.concurrent.CompletableFuture<Void> revoked = new java.util.concurrent.CompletableFuture<>();
        sim().faults().on("GET", EC + "/import/jobs/*").holdUntil(revoked).times(1);
        java.util.concurrent.CompletableFuture<Void> revoking = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Await.until("the route polling the job", 60_000,
                        () -> sim().faults().hits("GET", EC + "/import/jobs/*") >= 1);
                sim().tokens().revokeAll();
            } finally {
                revoked.complete(null);
            }
        });
        Exchange again = template.request(from, e -> e.getMessage().setBody(CSV));
        revoking.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertNull(again.getException());
        assertTrue(sim().tokens().requestCount() > tokens, "a new token was obtained");
    }

    @Test
    void manyImportsAndExportsAtOnceOnATwoThreadWorkerPoolAllFinish() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            context.getRegistry().bind("twoThreads", pool);
            sim().externalContacts().jobProcessingDelay(Duration.ofMillis(50));
            String importFrom = route(contacts("importContacts", importUri("workerPool=#twoThreads")));
            String exportFrom = route(contacts("exportContacts", FAST + "&workerPool=#twoThreads"));
            int imports = 24;
            List<java.util.concurrent.CompletableFuture<Exchange>> inFlight = new ArrayList<>();
            for (int i = 0; i < imports; i++) {
                String csv = "First,Last,Email\nP" + i + ",One,p" + i + ".one@example.com\nP" + i + ",Two,p" + i
                             + ".two@example.com\nP" + i + ",Bad,nope-" + i + "\n";
                inFlight.add(template.asyncSend(importFrom, e -> e.getMessage().setBody(csv)));
            }
            List<java.util.concurrent.CompletableFuture<Exchange>> exports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                exports.add(template.asyncSend(exportFrom, e -> { }));
            }
            List<java.util.concurrent.CompletableFuture<Exchange>> all = new ArrayList<>(inFlight);
            all.addAll(exports);
            awaitWhileProgressing(all);
            for (java.util.concurrent.CompletableFuture<Exchange> f : inFlight) {
                Exchange done = f.get();
                assertNull(done.getException());
                ImportResult r = done.getMessage().getBody(ImportResult.class);
                assertEquals(2, r.getSuccessCount());
                assertEquals(1, r.getFailedRows().size());
                assertTrue(r.getFailedRows().get(0).getRow().get("Email").startsWith("nope-"));
            }
            for (java.util.concurrent.CompletableFuture<Exchange> f : exports) {
                assertNull(f.get().getException());
            }
            assertEquals(2 * imports, sim().externalContacts().contactCount(), "each row once");
            assertEquals(imports, sim().externalContacts().importJobCount());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits for every exchange as long as one of them finishes at least every 30 s: a slow machine only makes it
     * longer, a stuck exchange still fails it (no fixed total that a loaded machine can exceed).
     */
    private static void awaitWhileProgressing(List<java.util.concurrent.CompletableFuture<Exchange>> all)
            throws Exception {
        List<java.util.concurrent.CompletableFuture<Exchange>> left = new ArrayList<>(all);
        while (!left.isEmpty()) {
            try {
                java.util.concurrent.CompletableFuture.anyOf(left.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(left.size() + " of " + all.size() + " exchanges made no progress for 30 s", e);
            }
            left.removeIf(java.util.concurrent.CompletableFuture::isDone);
        }
    }

    // ---- exports ------------------------------------------------------------------------------------------------

    @Test
    void exportContactsStreamsTheFileFromTheStorageHost() throws Exception {
        sim().externalContacts().seedContacts(25);
        List<String> lines = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to(contacts("exportContacts", FAST))
                        .process(e -> lines.addAll(List.of(e.getMessage().getBody(String.class).split("\n"))));
            }
        });
        Exchange done = template.request("direct:export", e -> { });
        assertNull(done.getException());
        assertEquals(26, lines.size(), "the header and every contact");
        assertTrue(lines.get(0).startsWith("id,firstName,middleName,lastName"), lines.get(0));
        assertEquals(25L, done.getMessage().getHeader(ContactsConstants.EXPORT_ROW_COUNT));
        assertNotNull(done.getMessage().getHeader(ContactsConstants.EXPORT_JOB_ID));
        assertEquals("contacts-export-" + done.getMessage().getHeader(ContactsConstants.EXPORT_JOB_ID) + ".csv",
                done.getMessage().getHeader(Exchange.FILE_NAME));
        assertNull(sim().requests().lastHeader("/contacts-files/**", "Authorization"));
    }

    @Test
    void exportQueryConditionsSelectTheRowsAndTheStepsListTheExport() throws Exception {
        sim().externalContacts().seedContacts(5);
        Map<String, Object> conditions = Map.of("queryConditions", Map.of("filters", Map.of("in", Map.of("field",
                "lastName", "values", List.of("Last1", "Last3")))));
        List<String> lines = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to(contacts("exportContacts", FAST))
                        .process(e -> lines.addAll(List.of(e.getMessage().getBody(String.class).split("\n"))));
            }
        });
        template.sendBody("direct:export", conditions);
        assertEquals(3, lines.size());
        ExportListing listed = body("listContactsExports", "pageSize=10", null, ExportListing.class);
        assertEquals(1, listed.getEntities().size());
        EntitiesExport export = listed.getEntities().get(0);
        assertEquals("Completed", export.getStatus());
        assertEquals(2L, export.getResultRowCount());
        assertNotNull(export.getDownloadUrl());
    }

    @Test
    void aFailedExportFailsTheExchange() throws Exception {
        sim().externalContacts().failNextJob("no");
        ContactsJobException e = assertInstanceOf(ContactsJobException.class, failure("exportNotes", FAST, null));
        assertTrue(e.isFailed());
        assertTrue(e.getMessage().startsWith("The notes export " + e.getJobId() + " ended Failed"), e.getMessage());
    }

    @Test
    void anExpiredDownloadLinkIsReplacedOnceThenFailsClearly() throws Exception {
        sim().externalContacts().seedContacts(3);
        sim().faults().on("GET", "/contacts-files/**").status(403).times(1);
        List<String> lines = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to(contacts("exportContacts", FAST))
                        .process(e -> lines.addAll(List.of(e.getMessage().getBody(String.class).split("\n"))));
            }
        });
        template.sendBody("direct:export", null);
        assertEquals(4, lines.size(), "a new link was asked for after the 403");

        sim().faults().on("GET", "/contacts-files/**").status(403).times(10);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class, failure("exportContacts",
                FAST, null));
        assertTrue(e.getMessage().contains("has expired or was refused"), e.getMessage());
        assertFalse(e.getMessage().contains("signature="), e.getMessage());
    }

    // ---- the page's examples ------------------------------------------------------------------------------------

    static final class ImportRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::import[]
            from("file:{{crm.outbox}}?include=.*\\.csv")
                    .to("genesys-contacts:importContacts?settingsId={{crm.csvSettingsId}}&waitForCompletion=true")
                    .log("import job ${header.CamelGenesysImportJobId}: ${header.CamelGenesysImportSuccessCount} imported,"
                         + " ${header.CamelGenesysImportFailureCount} refused")
                    .split(simple("${body.failedRows}"))
                        .setBody(simple("${body.lineNumber},${body.reason}"))
                        .to("file:{{crm.refused}}?fileName=${file:onlyname.noext}-refused.txt&fileExist=Append"
                            + "&appendChars=\\\\n");
            // end::import[]
        }
    }

    static final class ExportRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::export[]
            from("timer:nightly-export?repeatCount=1")
                    .to("genesys-contacts:exportContacts")
                    // streamed into the file as it arrives, never held in memory; named after the export
                    .to("file:{{crm.exports}}");
            // end::export[]
        }
    }

    private void docsSetup() {
        ContactsConfiguration c = context.getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
        c.setBaseUrl(sim().baseUrl());
        c.setClientId(sim().cloudClientId());
        c.setClientSecret(sim().cloudClientSecret());
        c.setWaitPollDelay(20);
        c.setWaitPollMaxDelay(200);
        context.getPropertiesComponent().addInitialProperty("crm.outbox", dir.resolve("outbox").toString());
        context.getPropertiesComponent().addInitialProperty("crm.refused", dir.resolve("refused").toString());
        context.getPropertiesComponent().addInitialProperty("crm.exports", dir.resolve("exports").toString());
        context.getPropertiesComponent().addInitialProperty("crm.csvSettingsId", csvSettingsId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theImportExampleDeadLettersTheRefusedRows(String dsl) throws Exception {
        docsSetup();
        Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox").resolve("crm.csv"), CSV);
        DocExamples.addRoutes(context, dsl, new ImportRoutes(), "import");
        Path refused = dir.resolve("refused").resolve("crm-refused.txt");
        try {
            Await.until("3 refused rows written", 20_000, () -> Files.exists(refused) && lines(refused).size() == 3);
        } catch (AssertionError e) {
            try (var all = Files.walk(dir)) {
                throw new AssertionError(e.getMessage() + "; files: " + all.map(f -> f + " " + lines(f)).toList(), e);
            }
        }
        assertTrue(lines(refused).get(0).startsWith("3,workEmail must be a valid email address"));
        assertEquals(2, sim().externalContacts().contactCount());
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theExportExampleWritesTheFile(String dsl) throws Exception {
        docsSetup();
        sim().externalContacts().seedContacts(12);
        DocExamples.addRoutes(context, dsl, new ExportRoutes(), "export");
        Path exports = dir.resolve("exports");
        Await.until("the export file with 12 contacts", 20_000, () -> {
            try (var files = Files.list(exports)) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("contacts-export-")
                                           && lines(f).size() == 13);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (Exception e) {
            return List.of();
        }
    }
}
