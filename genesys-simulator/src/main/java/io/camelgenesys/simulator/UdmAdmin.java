package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;

/**
 * The admin surface of {@link UserDataManagement} for standalone users, under {@value #PREFIX} (no authentication,
 * never faulted, not counted, like every {@code /simulator/**} path):
 * <ul>
 * <li>{@code GET /simulator/udm}: settings, status names, counts and the storage URL;</li>
 * <li>{@code POST /simulator/udm/settings} {@code {"runDurationMs","exportSize","linkLifetimeMs","ccid",
 * "countIsPageLength","statusNames":{"COMPLETED":"Done",…}}} (any subset);</li>
 * <li>{@code POST /simulator/udm/files} {@code {"name","size",…}} and {@code POST /simulator/udm/jobs} (a
 * {@code Job}): create a file or a job directly (201);</li>
 * <li>{@code POST /simulator/udm/jobs/{id}/trigger}, {@code POST /simulator/udm/history/{id}/advance}
 * {@code {"percent":N}}, {@code …/complete}, {@code …/fail};</li>
 * <li>{@code POST /simulator/udm/links/expire}; {@code POST /simulator/udm/storage/cut}
 * {@code {"afterBytes":N,"times":1}}.</li>
 * </ul>
 */
final class UdmAdmin {

    static final String PREFIX = AdminEndpoints.PREFIX + "/udm";
    private static final Set<String> SETTINGS = Set.of("runDurationMs", "exportSize", "linkLifetimeMs", "ccid",
            "countIsPageLength", "statusNames");

    private UdmAdmin() {
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** @throws ApiException (or {@link IllegalArgumentException}) for the caller to render */
    static ApiResponse handle(UserDataManagement udm, String method, String path, byte[] body) {
        ApiRequest request = new ApiRequest(method, path, Map.of(), Map.of(), HttpFields.EMPTY, body, Auth.NONE,
                null);
        String[] parts = path.substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/");
        String resource = String.join("/", parts);
        if (resource.isEmpty()) {
            requireMethod(method, "GET");
            return ApiResponse.ok(state(udm));
        }
        requireMethod(method, "POST");
        switch (resource) {
            case "settings" -> {
                settings(udm, request.jsonObject());
                return ApiResponse.noContent();
            }
            case "files" -> {
                return ApiResponse.created(udm.addFile(request.jsonObject()).metadata());
            }
            case "jobs" -> {
                return ApiResponse.created(udm.createJob(request.jsonObject()));
            }
            case "links/expire" -> {
                udm.expireLinks();
                return ApiResponse.noContent();
            }
            case "storage/cut" -> {
                ObjectNode cut = request.jsonObject();
                udm.cutDownloads(longField(cut, "afterBytes", null), (int) longField(cut, "times", 1L));
                return ApiResponse.noContent();
            }
            default -> {
                // jobs/{id}/trigger, history/{id}/{advance|complete|fail}
            }
        }
        if (parts.length == 3 && parts[0].equals("jobs") && parts[2].equals("trigger")) {
            return ApiResponse.ok(udm.trigger(id(parts[1])));
        }
        if (parts.length == 3 && parts[0].equals("history")) {
            int id = id(parts[1]);
            switch (parts[2]) {
                case "advance" -> {
                    return ApiResponse.ok(udm.advance(id, (int) longField(request.jsonObject(), "percent", null)));
                }
                case "complete" -> {
                    return ApiResponse.ok(udm.complete(id));
                }
                case "fail" -> {
                    return ApiResponse.ok(udm.fail(id));
                }
                default -> {
                    // 404 below
                }
            }
        }
        throw ApiException.notFound("No admin resource at " + path);
    }

    private static ObjectNode state(UserDataManagement udm) {
        ObjectNode node = Json.object();
        node.put("storageUrl", udm.storageUrl());
        node.put("runDurationMs", udm.runDuration().toMillis());
        node.put("exportSize", udm.exportSize());
        node.put("linkLifetimeMs", udm.linkLifetime().toMillis());
        node.put("ccid", udm.ccid());
        node.put("countIsPageLength", udm.countIsPageLength());
        ObjectNode names = node.putObject("statusNames");
        udm.statusNames().forEach((state, name) -> names.put(state.name(), name));
        node.put("jobs", udm.jobCount());
        node.put("history", udm.historyCount());
        node.put("files", udm.fileCount());
        node.put("certificate", udm.certificate().isPresent());
        return node;
    }

    /** Checks every field before applying any, so that a bad request changes nothing. */
    private static void settings(UserDataManagement udm, ObjectNode body) {
        body.fieldNames().forEachRemaining(field -> {
            if (!SETTINGS.contains(field)) {
                throw ApiException.badRequest("Unknown UDM setting '" + field + "'; known: " + SETTINGS);
            }
        });
        Long runDuration = body.has("runDurationMs") ? longField(body, "runDurationMs", null) : null;
        Long exportSize = body.has("exportSize") ? longField(body, "exportSize", null) : null;
        Long linkLifetime = body.has("linkLifetimeMs") ? longField(body, "linkLifetimeMs", null) : null;
        JsonNode countIsPageLength = body.get("countIsPageLength");
        if (countIsPageLength != null && !countIsPageLength.isBoolean()) {
            throw ApiException.badRequest("countIsPageLength must be true or false");
        }
        JsonNode names = body.get("statusNames");
        if (names != null && !names.isObject()) {
            throw ApiException.badRequest("statusNames must be an object of state → name");
        }
        if (names != null) {
            for (Iterator<String> it = names.fieldNames(); it.hasNext();) {
                String state = it.next();
                try {
                    UserDataManagement.JobState.valueOf(state.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("statusNames: unknown state '" + state + "'; known: "
                            + java.util.Arrays.toString(UserDataManagement.JobState.values()));
                }
            }
        }
        if (runDuration != null) {
            udm.setRunDuration(Duration.ofMillis(runDuration));
        }
        if (exportSize != null) {
            udm.setExportSize(exportSize);
        }
        if (linkLifetime != null) {
            udm.setLinkLifetime(Duration.ofMillis(linkLifetime));
        }
        if (body.hasNonNull("ccid")) {
            udm.setCcid(body.get("ccid").asText());
        }
        if (countIsPageLength != null) {
            udm.setCountIsPageLength(countIsPageLength.booleanValue());
        }
        if (names != null) {
            names.fields().forEachRemaining(e -> udm.setStatusName(
                    UserDataManagement.JobState.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asText()));
        }
    }

    private static long longField(JsonNode node, String field, Long defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (defaultValue == null) {
                throw ApiException.badRequest(field + " is required and must be an integer");
            }
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest(field + " must be an integer, got " + value);
        }
        return value.asLong();
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Not an id: '" + text + "'");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiException(405, "method.not.allowed", "Allowed methods: " + allowed);
        }
    }
}
