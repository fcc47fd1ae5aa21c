package io.camelgenesys.contacts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.DownloadStream;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.StorageDownloads;
import io.camelgenesys.core.http.StorageUploads;
import io.camelgenesys.core.operation.JobPolling;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;

/**
 * {@code importContacts}: Genesys' CSV import as one call, no thread waiting at any step.
 * <ol>
 * <li>the body becomes a CSV file of known size ({@link ContactsCsv}; on the route's thread, which reads it);</li>
 * <li>{@code POST /import/csv/uploads} {fileName, fileSize} answers a pre-signed {@code uploadUrl} and the
 * {@code uploadHeaders} to send with it;</li>
 * <li>the file is uploaded there by core's {@link StorageUploads} (no Genesys credentials, read from the disk chunk by
 * chunk, sent again after a dropped connection or a 5xx);</li>
 * <li>{@code POST /import/csv/jobs} {uploadId, settingsId} starts the job with the CSV settings;</li>
 * <li>with {@code waitForCompletion}, core's {@link JobPolling} reads {@code GET /import/jobs/{jobId}} on the
 * connection's scheduler until the job has its import counts (done) or a status among {@code failedStatuses}; each
 * poll goes through the pipeline (token renewed when it expires, 429 and 5xx retried);</li>
 * <li>the job's import report (on the storage host, without credentials) is read on a worker thread for the refused
 * rows and their reasons.</li>
 * </ol>
 * The body is then an {@link ImportResult}; the headers {@code CamelGenesysImportJobId}, {@code CamelGenesysImportJobStatus}
 * and the counts. A job that fails, times out or cannot be followed fails the exchange with a
 * {@link ContactsJobException} naming the job.
 */
final class ContactsImport implements OperationExecution {

    static final ContactsImport EXECUTION = new ContactsImport();

    private ContactsImport() {
    }

    /** The body is a CSV, not the request body: the upload request is built here. */
    @Override
    public boolean sendsMessageBody() {
        return false;
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        ContactsConfiguration config = context.configuration(ContactsConfiguration.class);
        String operation = context.operationName();
        Object settings = context.parameter("settingsId");
        if (settings == null || settings.toString().isBlank()) {
            throw new IllegalArgumentException(operation + " needs the CSV settings that map the file's columns to"
                                               + " contact fields: the settingsId option or the CamelGenesysSettingsId"
                                               + " header (createCsvSettings makes them). Nothing was uploaded.");
        }
        String settingsId = settings.toString().strip();
        ContactsCsv.Source csv;
        try {
            csv = ContactsCsv.of(context.message(), operation);
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": cannot read the CSV: " + e.getMessage(), e);
        }
        Map<String, Object> uploadRequest = new LinkedHashMap<>();
        uploadRequest.put("fileName", csv.fileName());
        uploadRequest.put("fileSize", csv.size());
        OperationCall askUpload = context.callOf(ContactsOperation.createCsvUpload.spec()).body(uploadRequest)
                .outputType(GenesysOutputType.json);
        ImportResult result = new ImportResult();
        result.setRows(csv.rows());
        return context.executor().execute(askUpload)
                .thenCompose(answer -> upload(context, csv, (JsonNode) answer.body(), result))
                .whenComplete((r, failure) -> csv.delete())
                .thenCompose(uploadId -> {
                    Map<String, Object> job = new LinkedHashMap<>();
                    job.put("uploadId", uploadId);
                    job.put("settingsId", settingsId);
                    OperationCall start = context.callOf(ContactsOperation.createCsvImportJob.spec()).body(job)
                            .outputType(GenesysOutputType.json);
                    return context.executor().execute(start);
                })
                .thenCompose(started -> {
                    String jobId = ((JsonNode) started.body()).path("job").path("id").asText(null);
                    if (jobId == null) {
                        return CompletableFuture.failedFuture(new IllegalStateException(operation + ": Genesys"
                                                                                        + " answered the new job"
                                                                                        + " without an id"));
                    }
                    result.setJobId(jobId);
                    if (!config.isWaitForCompletion()) {
                        return CompletableFuture.completedFuture(answer(result));
                    }
                    return waitFor(context, config, result);
                });
    }

    /** Uploads the file to the link Genesys gave; completes with the upload id. */
    private static CompletableFuture<String> upload(OperationContext context, ContactsCsv.Source csv, JsonNode answer,
                                                    ImportResult result) {
        String uploadId = answer.path("uploadId").asText(null);
        String url = answer.path("uploadUrl").asText(null);
        if (uploadId == null || url == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(context.operationName() + ": Genesys"
                                                                            + " answered the upload request without an"
                                                                            + " uploadId or uploadUrl"));
        }
        result.setUploadId(uploadId);
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path("uploadHeaders").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
        StorageUploads uploads = StorageUploads.of(context.executor().connection());
        return uploads.upload(new StorageUploads.Request(url, headers, csv.file(), csv.size(), csv.fileName(),
                        "text/csv", context.callOf(context.spec()).retryPolicy()))
                .thenApply(done -> uploadId);
    }

    private static CompletableFuture<OperationResult> waitFor(OperationContext context, ContactsConfiguration config,
                                                              ImportResult result) {
        List<String> failed = config.failedStatusNames();
        String jobId = result.getJobId();
        CompletableFuture<OperationResult> done = new CompletableFuture<>();
        JobPolling.await(context, config,
                        "waiting for import job " + jobId, null,
                        () -> context.callOf(ContactsOperation.getImportJob.spec()).pathParam("jobId", jobId),
                        job -> job == null ? JobPolling.State.RUNNING : state(job, failed))
                .thenCompose(job -> finished(context, job, result))
                .whenComplete((r, failure) -> {
                    if (failure == null) {
                        done.complete(r);
                    } else {
                        Throwable cause = GenesysErrors.unwrap(failure);
                        done.completeExceptionally(cause instanceof JobPolling.Ended ended
                                ? ContactsExports.failure("Import job " + jobId, jobId, ended) : cause);
                    }
                });
        return done;
    }

    /** Done when the import counts are there (Genesys fills them when the import step is over). */
    private static JobPolling.State state(JsonNode job, List<String> failed) {
        String status = job.path("status").asText("");
        if (failed.stream().anyMatch(status::equalsIgnoreCase)) {
            return JobPolling.State.FAILED;
        }
        JsonNode metadata = job.path("metadata");
        return metadata.hasNonNull("importSuccessCount") && metadata.hasNonNull("importFailedCount")
                ? JobPolling.State.DONE : JobPolling.State.RUNNING;
    }

    private static CompletableFuture<OperationResult> finished(OperationContext context, JsonNode job,
                                                               ImportResult result) {
        JsonNode metadata = job.path("metadata");
        result.setStatus(job.path("status").asText(null));
        result.setCompleted(true);
        result.setSuccessCount(metadata.path("importSuccessCount").asLong());
        result.setFailureCount(metadata.path("importFailedCount").asLong());
        String report = metadata.path("importReportDownloadUrl").asText(null);
        if (result.getFailureCount() == 0 || report == null) {
            return CompletableFuture.completedFuture(answer(result));
        }
        StorageDownloads downloads = context.executor().connection().downloads();
        String jobId = result.getJobId();
        // a new link from Genesys when the storage host refuses this one (expired)
        java.util.function.Supplier<CompletableFuture<String>> relink = () -> context.executor()
                .execute(context.callOf(ContactsOperation.getImportJob.spec()).pathParam("jobId", jobId)
                        .outputType(GenesysOutputType.json))
                .thenApply(r -> ((JsonNode) r.body()).path("metadata").path("importReportDownloadUrl").asText(null));
        return downloads.open(new StorageDownloads.Request(report, "import report of job " + jobId, null,
                        context.callOf(context.spec()).retryPolicy(), relink))
                // the report is read on a worker thread: never on the I/O thread that delivers it
                .thenApplyAsync(download -> {
                    try (DownloadStream in = download.stream()) {
                        result.setFailedRows(failures(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Reading the import report of job " + jobId + " failed: "
                                                       + e.getMessage(), e);
                    }
                    return answer(result);
                }, context.workers());
    }

    /** The report's refused rows: {@code lineNumber}, {@code error} and the row's columns. */
    static List<ImportRowFailure> failures(java.io.InputStream report) throws IOException {
        ContactsCsv.Records records = new ContactsCsv.Records(new InputStreamReader(report, StandardCharsets.UTF_8));
        List<String> header = records.next();
        List<ImportRowFailure> failures = new ArrayList<>();
        if (header == null) {
            return failures;
        }
        int line = header.indexOf("lineNumber");
        int error = header.indexOf("error");
        List<String> row;
        while ((row = records.next()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != line && i != error) {
                    values.put(header.get(i), i < row.size() ? row.get(i) : "");
                }
            }
            long lineNumber = -1;
            if (line >= 0 && line < row.size()) {
                try {
                    lineNumber = Long.parseLong(row.get(line).strip());
                } catch (NumberFormatException e) {
                    lineNumber = -1;
                }
            }
            failures.add(new ImportRowFailure(lineNumber, error >= 0 && error < row.size() ? row.get(error) : null,
                    values));
        }
        return failures;
    }

    private static OperationResult answer(ImportResult result) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(ContactsConstants.IMPORT_JOB_ID, result.getJobId());
        if (result.getStatus() != null) {
            headers.put(ContactsConstants.IMPORT_JOB_STATUS, result.getStatus());
        }
        if (result.getSuccessCount() != null) {
            headers.put(ContactsConstants.IMPORT_SUCCESS_COUNT, result.getSuccessCount());
            headers.put(ContactsConstants.IMPORT_FAILURE_COUNT, result.getFailureCount());
        }
        return new OperationResult(result, headers);
    }
}
