package io.camelgenesys.udm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.GenesysRequest;
import io.camelgenesys.core.http.GenesysResponse;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationPreparer;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * What the UDM rows need beyond one plain call: ids checked as integers before anything is sent, the download
 * directory, and bulk deletes whose 500 lists the items not deleted.
 */
final class UdmRequests {

    /** Parameters that hold UDM ids (integers): path {@code id}, the {@code jobId}/{@code historyId} filters. */
    private static final List<String> ID_PARAMETERS = List.of("id", "jobId", "historyId");

    private UdmRequests() {
    }

    /**
     * UDM ids are integers ({@code JobInfo.id}) that paths and filters take as text: a number or numeric text is sent
     * in decimal, anything else fails naming the option before a request is sent (Genesys would answer 400).
     */
    static final OperationPreparer IDS = (call, context) -> {
        OperationSpec spec = context.spec();
        for (String name : ID_PARAMETERS) {
            OperationSpec.Parameter p = spec.parameter(name);
            if (p == null) {
                continue;
            }
            Map<String, String> values = p.path() ? call.pathParams() : call.query();
            String value = values.get(name);
            if (value != null) {
                values.put(name, id(context.operationName(), p.option(), value));
            }
        }
        OperationSpec.Parameter ids = spec.parameter("jobIDs");
        if (ids != null && call.query().get("jobIDs") != null) {
            List<String> list = new ArrayList<>();
            for (String v : call.query().get("jobIDs").split(",")) {
                if (!v.isBlank()) {
                    list.add(id(context.operationName(), ids.option(), v));
                }
            }
            call.query().put("jobIDs", String.join(",", list));
        }
    };

    private static String id(String operation, String option, String value) {
        try {
            return String.valueOf(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(operation + ": " + option + " must be an integer id (UDM ids are"
                                               + " integers), was '" + value + "'");
        }
    }

    /** downloadFile: the downloadDirectory option, or {@code null} to stream. */
    static Path downloadDirectory(OperationContext context) {
        String directory = context.configuration(UdmConfiguration.class).getDownloadDirectory();
        return directory == null || directory.isBlank() ? null : Path.of(directory);
    }

    /**
     * deleteJobs, deleteHistories, deleteFiles: 204 when every item was deleted; a 500 whose body is a JSON array
     * lists the items Genesys did not delete (the others are gone): that is a per-item result, reported as a
     * {@link UdmNotDeletedException}, not a server fault. The request itself is retried like any DELETE.
     */
    static final OperationExecution BULK_DELETE = context -> {
        OperationCall call = context.call();
        GenesysOperationExecutor executor = context.executor();
        GenesysRequest request = executor.request(call, call.query());
        String listed = call.query().getOrDefault("jobIDs", call.query().get("filename"));
        return executor.send(request).thenApply(response -> {
            try {
                JsonNode notDeleted = response.status() == 500 ? arrayOrNull(response) : null;
                if (notDeleted != null) {
                    throw notDeleted(context.operationName(), request, response, listed, notDeleted);
                }
                return executor.result(call, request, response);
            } catch (GenesysApiException e) {
                throw new CompletionException(e);
            }
        });
    };

    private static JsonNode arrayOrNull(GenesysResponse response) {
        try {
            JsonNode body = response.json();
            return body != null && body.isArray() ? body : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static UdmNotDeletedException notDeleted(String operation, GenesysRequest request, GenesysResponse response,
                                                     String listed, JsonNode array) {
        List<Object> items = new ArrayList<>();
        for (JsonNode item : array) {
            items.add(item.isIntegralNumber() ? (Object) item.asInt() : item.asText());
        }
        int asked = listed == null ? items.size() : listed.split(",").length;
        String message = operation + ": Genesys did not delete " + items.size() + " of the " + asked + " listed: "
                         + response.secrets().redact(items.toString()) + " (unknown, or not finished yet); the others"
                         + " were deleted (" + request.describe() + " answered HTTP 500 with that list)";
        return new UdmNotDeletedException(message, items, GenesysErrors.describe(request, response));
    }

    /** A future that fails with the cause of {@code t}, unwrapped. */
    static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(GenesysErrors.unwrap(t));
    }
}
