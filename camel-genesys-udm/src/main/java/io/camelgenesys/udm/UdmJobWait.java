package io.camelgenesys.udm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.JobPolling;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.udm.model.JobInfo;

/**
 * createJob, and with {@code waitForCompletion=true} the wait for the job's run to complete, without a thread waiting:
 * <ol>
 * <li>when {@code failedStatuses} is set, the job status names are read from {@code GET /v10/data/job-statuses} (they
 * are tenant data that the seed does not list, so none is hard-coded) and every name given must be one of them;</li>
 * <li>the job is created ({@code POST /v10/export/jobs}, 202);</li>
 * <li>{@code GET /v10/export/jobs/{id}} is polled by core's {@link JobPolling} on the connection's retry scheduler,
 * after {@code waitPollDelay}, doubling with jitter up to {@code waitPollMaxDelay}, until {@code waitTimeout}: a
 * status among {@code failedStatuses} fails it at once, whatever the progress; progress 100 completes the exchange
 * with the job's {@code JobInfo} (the documented completion signal, whatever the status is called); the deadline fails it with the last
 * status. Each poll goes through the pipeline (token, retries, rate limit) and completes on a Jetty thread, which
 * only schedules the next one.</li>
 * </ol>
 */
final class UdmJobWait implements OperationExecution {

    static final UdmJobWait CREATE = new UdmJobWait();

    private UdmJobWait() {
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        UdmConfiguration config = context.configuration(UdmConfiguration.class);
        if (!config.isWaitForCompletion()) {
            return SINGLE.execute(context);
        }
        OperationCall create = context.call();
        GenesysOutputType wanted = create.outputType();
        create.outputType(GenesysOutputType.json);
        List<String> failed = config.failedStatusNames();
        CompletableFuture<Void> checked = failed.isEmpty() ? CompletableFuture.completedFuture(null)
                : statusNames(context).thenAccept(known -> check(context.operationName(), failed, known));
        return checked
                .thenCompose(ok -> context.executor().execute(create))
                .thenCompose(created -> new Wait(context, config, failed, wanted, created).start());
    }

    /** The job status names of the tenant: {@code GET /v10/data/job-statuses}, read at run time. */
    private static CompletableFuture<Set<String>> statusNames(OperationContext context) {
        OperationCall call = context.callOf(UdmOperation.listJobStatuses.spec()).outputType(GenesysOutputType.json);
        return context.executor().execute(call).thenApply(result -> {
            Set<String> names = new LinkedHashSet<>();
            JsonNode body = (JsonNode) result.body();
            if (body != null && body.isArray()) {
                // v3's KeyValueItem list, as the simulator serves it; plain strings are taken too
                body.forEach(item -> {
                    if (item.isTextual()) {
                        names.add(item.asText());
                    } else {
                        addText(names, item.get("value"));
                        addText(names, item.get("label"));
                    }
                });
            } else if (body != null && body.isObject()) {
                // v10 documents an untyped object: its names and values
                body.fields().forEachRemaining(e -> {
                    names.add(e.getKey());
                    addText(names, e.getValue());
                });
            }
            return names;
        });
    }

    private static void addText(Set<String> names, JsonNode node) {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            names.add(node.asText());
        }
    }

    private static void check(String operation, List<String> failed, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : failed) {
            if (known.stream().noneMatch(name::equalsIgnoreCase)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(operation + ": failedStatuses names " + unknown + ", which the job"
                                               + " statuses of this tenant (GET /v10/data/job-statuses) do not"
                                               + " include; they are " + known + ". Nothing was created.");
        }
    }

    /** One job being waited for: core's {@link JobPolling} polls it; this class says what its JSON means. */
    private static final class Wait {
        private final OperationContext context;
        private final UdmConfiguration config;
        private final List<String> failed;
        private final GenesysOutputType wanted;
        private final Map<String, Object> headers;
        private final JsonNode created;
        private final int jobId;

        Wait(OperationContext context, UdmConfiguration config, List<String> failed, GenesysOutputType wanted,
             OperationResult created) {
            this.context = context;
            this.config = config;
            this.failed = failed;
            this.wanted = wanted;
            this.headers = new LinkedHashMap<>(created.headers());
            this.created = (JsonNode) created.body();
            this.jobId = this.created == null ? -1 : this.created.path("id").asInt(-1);
        }

        CompletableFuture<OperationResult> start() {
            if (jobId < 0) {
                return CompletableFuture.failedFuture(new IllegalStateException(context.operationName()
                                                                                + ": Genesys answered the new job"
                                                                                + " without an id: " + created));
            }
            CompletableFuture<OperationResult> result = new CompletableFuture<>();
            JobPolling.await(context, config,
                    "waiting for UDM job " + jobId, created,
                    () -> context.callOf(UdmOperation.getJob.spec()).pathParam("id", String.valueOf(jobId)),
                    this::state)
                    .whenComplete((job, failure) -> {
                        if (failure == null) {
                            complete(result, job);
                        } else {
                            result.completeExceptionally(failure((JobPolling.Ended) GenesysErrors.unwrap(failure)));
                        }
                    });
            return result;
        }

        /**
         * A status among {@code failedStatuses} is failure, whatever the progress: the seed does not say what progress
         * a failed run reports (0-100, 002 L10950), and one that ends failed at 100% must not pass for complete.
         * Otherwise progress 100 is completion (the documented signal, whatever the status is called).
         */
        private JobPolling.State state(JsonNode job) {
            String status = job.path("status").asText(null);
            if (status != null && failed.stream().anyMatch(status::equalsIgnoreCase)) {
                return JobPolling.State.FAILED;
            }
            return job.path("progress").asInt(0) >= 100 ? JobPolling.State.DONE : JobPolling.State.RUNNING;
        }

        private void complete(CompletableFuture<OperationResult> result, JsonNode last) {
            headers.put(UdmConstants.JOB_STATUS, last.path("status").asText(null));
            headers.put(UdmConstants.JOB_PROGRESS, last.path("progress").asInt(0));
            headers.values().removeIf(java.util.Objects::isNull);
            try {
                result.complete(new OperationResult(GenesysJson.convert(last, wanted, JobInfo.class), headers));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private UdmJobException failure(JobPolling.Ended ended) {
            JsonNode last = ended.last();
            String status = last.path("status").asText(null);
            int progress = last.path("progress").asInt(0);
            Throwable cause = ended.getCause();
            String what = switch (ended.outcome()) {
                case FAILED -> "reached the status " + status + " at " + progress + "%";
                case TIMED_OUT -> "did not complete within waitTimeout (" + ended.elapsedMillis() + " ms): its last"
                                  + " status is " + status + " at " + progress + "%";
                // what the pipeline did not ride out (its retries used up, a 4xx, a malformed answer), or a stop
                default -> "could not be followed: reading its progress (last " + status + " at " + progress
                           + "%) failed: " + (cause == null ? ended.outcome() : cause.getMessage());
            };
            boolean timedOut = ended.outcome() == JobPolling.Outcome.TIMED_OUT;
            JobInfo info;
            try {
                info = GenesysJson.MAPPER.convertValue(last, JobInfo.class);
            } catch (IllegalArgumentException e) {
                info = new JobInfo();   // a last answer of another shape still fails the wait naming the job
            }
            boolean running = ended.outcome() != JobPolling.Outcome.FAILED;
            return new UdmJobException("UDM job " + jobId + " (" + info.getTitle() + ") " + what
                                       + (running ? "; the job keeps running (cancelJob stops it)" : ""),
                    jobId, info.getStatus(), info.getProgress() == null ? 0 : info.getProgress(), timedOut, info,
                    cause);
        }
    }
}
