package io.camelgenesys.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.StorageDownloads;
import io.camelgenesys.core.operation.JobPolling;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.RedirectDownload;

import static io.camelgenesys.core.operation.OperationSpec.get;

/**
 * {@code exportContacts}, {@code exportNotes}, {@code exportOrganizations}, {@code exportRelationships}: the export
 * created ({@code POST {entities}/exports}, the body's {@code divisionIds} and {@code queryConditions}, or everything
 * when there is no body), waited for without a thread (core's {@link JobPolling} reads
 * {@code GET {entities}/exports/{exportId}} on the connection's scheduler until it has a {@code downloadUrl}, or a
 * status among {@code failedStatuses}), then its file streamed from the storage host by core's
 * {@link StorageDownloads}: without Genesys credentials, never held in memory (a {@code DownloadStream} closed when
 * the exchange completes), a broken transfer resumed, an expired link (403) replaced once by a new one read from the
 * export again. Headers: {@code CamelGenesysExportJobId}, {@code CamelGenesysExportRowCount} and the download's.
 */
final class ContactsExports implements OperationExecution {

    private final String entities;
    private final String kind;
    private final OperationSpec read;

    ContactsExports(String entities, String kind) {
        this.entities = entities;
        this.kind = kind;
        this.read = get(entities + "/exports/{exportId}");
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        ContactsConfiguration config = context.configuration(ContactsConfiguration.class);
        OperationCall create = context.call().outputType(GenesysOutputType.json);
        if (create.body() == null) {
            create.body(Map.of()); // no conditions: every row
        }
        List<String> failed = config.failedStatusNames();
        String what = "The " + kind + " export";
        return context.executor().execute(create).thenCompose(created -> {
            JsonNode export = (JsonNode) created.body();
            String id = export == null ? null : export.path("id").asText(null);
            if (id == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(context.operationName() + ": Genesys"
                                                                                + " answered the new export without"
                                                                                + " an id"));
            }
            CompletableFuture<OperationResult> done = new CompletableFuture<>();
            JobPolling.await(context, config,
                            "waiting for " + kind + " export " + id, export, () -> readCall(context, id),
                            job -> state(job, failed))
                    .thenCompose(job -> download(context, id, job))
                    .whenComplete((r, failure) -> {
                        if (failure == null) {
                            done.complete(r);
                        } else {
                            Throwable cause = GenesysErrors.unwrap(failure);
                            done.completeExceptionally(cause instanceof JobPolling.Ended ended
                                    ? failure(what + " " + id, id, ended) : cause);
                        }
                    });
            return done;
        });
    }

    private OperationCall readCall(OperationContext context, String id) {
        return context.callOf(read).pathParam("exportId", id).outputType(GenesysOutputType.json);
    }

    /** Done once the export has its download link. */
    private static JobPolling.State state(JsonNode export, List<String> failed) {
        String status = export.path("status").asText("");
        if (failed.stream().anyMatch(status::equalsIgnoreCase)) {
            return JobPolling.State.FAILED;
        }
        return export.hasNonNull("downloadUrl") && !export.path("downloadUrl").asText().isBlank()
                ? JobPolling.State.DONE : JobPolling.State.RUNNING;
    }

    private CompletableFuture<OperationResult> download(OperationContext context, String id, JsonNode export) {
        StorageDownloads downloads = context.executor().connection().downloads();
        Supplier<CompletableFuture<String>> relink = () -> context.executor().execute(readCall(context, id))
                .thenApply(r -> ((JsonNode) r.body()).path("downloadUrl").asText(null));
        String file = kind + "-export-" + id + ".csv";
        return downloads.open(new StorageDownloads.Request(export.path("downloadUrl").asText(), file, null,
                        context.callOf(context.spec()).retryPolicy(), relink))
                .thenApply(download -> {
                    OperationResult streamed = RedirectDownload.result(context, download);
                    Map<String, Object> headers = new LinkedHashMap<>(streamed.headers());
                    headers.put(ContactsConstants.EXPORT_JOB_ID, id);
                    if (export.hasNonNull("resultRowCount")) {
                        headers.put(ContactsConstants.EXPORT_ROW_COUNT, export.path("resultRowCount").asLong());
                    }
                    return new OperationResult(streamed.body(), headers);
                });
    }

    /** The exception for a job wait that ended without the job being done. */
    static ContactsJobException failure(String job, String id, JobPolling.Ended ended) {
        JsonNode last = ended.last();
        String status = last == null ? null : last.path("status").asText(null);
        String details = last == null ? null : last.path("statusDetails").asText(null);
        Throwable cause = ended.getCause();
        String message = switch (ended.outcome()) {
            case FAILED -> job + " ended " + status + (details != null ? ": " + details : "");
            case TIMED_OUT -> job + " did not finish within waitTimeout (" + ended.elapsedMillis() + " ms): its last"
                              + " status is " + status + "; it keeps running in Genesys";
            case STOPPING -> job + " was no longer waited for: the CamelContext is stopping (last status " + status
                             + "); it keeps running in Genesys";
            default -> job + " could not be followed: reading it failed (last status " + status + "): "
                       + (cause == null ? "no answer" : cause.getMessage()) + "; it keeps running in Genesys";
        };
        return new ContactsJobException(message, id, status, ended.outcome() == JobPolling.Outcome.FAILED,
                ended.outcome() == JobPolling.Outcome.TIMED_OUT, last, cause);
    }
}
