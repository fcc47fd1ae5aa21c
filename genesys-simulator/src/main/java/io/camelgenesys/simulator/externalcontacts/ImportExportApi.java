package io.camelgenesys.simulator.externalcontacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;

/**
 * The HTTP side of External Contacts import and export (issue 16; paths, parameters and models of the SDK's
 * ExternalContactsApi 262.0.0): import settings and CSV settings (CRUD and cursor listings), CSV uploads (a pre-signed
 * upload link on the contacts storage host, the upload's details and preview), CSV import jobs and import jobs (create,
 * read, list, cancel), and exports of contacts, notes, organizations and relationships (create, read, list). The state
 * and the jobs' work are {@link ImportExportStore}'s.
 */
final class ImportExportApi extends ResourceApi {

    private static final String IMPORT = BASE + "/import";
    private static final int PREVIEW_ROWS = 10;
    private static final int DETAIL_ERRORS = 100;
    /** Larger files are refused when the upload is asked for (the simulator's limit; Genesys does not document one). */
    static final long MAX_FILE_SIZE = 1L << 30;

    private final ImportExportStore files;

    ImportExportApi(ExternalContactsStores store) {
        super(store);
        this.files = store.importExport;
    }

    @Override
    void register(Routes routes) {
        routes.add("POST", IMPORT + "/settings", Auth.CLOUD, guard(this::createSettings).reading(locks.externalSources));
        routes.add("GET", IMPORT + "/settings", Auth.CLOUD, guard(this::listSettings));
        routes.add("GET", IMPORT + "/settings/{settingsId}", Auth.CLOUD, guard(this::getSettings));
        routes.add("PUT", IMPORT + "/settings/{settingsId}", Auth.CLOUD, guard(this::updateSettings)
                .reading(locks.externalSources));
        routes.add("DELETE", IMPORT + "/settings/{settingsId}", Auth.CLOUD, guard(this::deleteSettings));
        routes.add("POST", IMPORT + "/csv/settings", Auth.CLOUD, guard(this::createCsvSettings));
        routes.add("GET", IMPORT + "/csv/settings", Auth.CLOUD, guard(this::listCsvSettings));
        routes.add("GET", IMPORT + "/csv/settings/{settingsId}", Auth.CLOUD, guard(this::getCsvSettings));
        routes.add("PUT", IMPORT + "/csv/settings/{settingsId}", Auth.CLOUD, guard(this::updateCsvSettings));
        routes.add("DELETE", IMPORT + "/csv/settings/{settingsId}", Auth.CLOUD, guard(this::deleteCsvSettings));
        routes.add("POST", IMPORT + "/csv/uploads", Auth.CLOUD, guard(this::createUpload));
        routes.add("GET", IMPORT + "/csv/uploads/{uploadId}/details", Auth.CLOUD, guard(this::uploadDetails));
        routes.add("GET", IMPORT + "/csv/uploads/{uploadId}/preview", Auth.CLOUD, guard(this::uploadPreview));
        routes.add("POST", IMPORT + "/csv/jobs", Auth.CLOUD, guard(this::createCsvJob));
        routes.add("POST", IMPORT + "/jobs", Auth.CLOUD, guard(this::createJob));
        routes.add("GET", IMPORT + "/jobs", Auth.CLOUD, guard(this::listJobs));
        routes.add("GET", IMPORT + "/jobs/{jobId}", Auth.CLOUD, guard(this::getJob));
        routes.add("PUT", IMPORT + "/jobs/{jobId}", Auth.CLOUD, guard(this::updateJob));
        for (String kind : ImportExportStore.EXPORT_COLUMNS.keySet()) {
            String exports = BASE + "/" + kind + "/exports";
            routes.add("POST", exports, Auth.CLOUD, guard(r -> createExport(r, kind)));
            routes.add("GET", exports, Auth.CLOUD, guard(r -> listExports(r, kind)));
            routes.add("GET", exports + "/{exportId}", Auth.CLOUD, guard(r -> getExport(r, kind)));
        }
    }

    // ---- import settings ----------------------------------------------------------------------------------------

    private ApiResponse createSettings(ApiRequest request) {
        ObjectNode settings = validSettings(request.jsonObject(), null);
        synchronized (files) {
            String id = UUID.randomUUID().toString();
            settings.put("id", id);
            settings.put("dateCreated", Json.timestamp(Instant.now()));
            settings.put("selfUri", IMPORT + "/settings/" + id);
            files.importSettings.put(id, settings);
            return ApiResponse.ok(settings.deepCopy());
        }
    }

    private ApiResponse getSettings(ApiRequest request) {
        synchronized (files) {
            return ApiResponse.ok(settings(request.pathParam("settingsId")).deepCopy());
        }
    }

    private ApiResponse updateSettings(ApiRequest request) {
        String id = request.pathParam("settingsId");
        synchronized (files) {
            ObjectNode old = settings(id);
            ObjectNode settings = validSettings(request.jsonObject(), id);
            settings.put("id", id);
            settings.set("dateCreated", old.get("dateCreated"));
            settings.put("selfUri", old.get("selfUri").asText());
            files.importSettings.put(id, settings);
            return ApiResponse.ok(settings.deepCopy());
        }
    }

    private ApiResponse deleteSettings(ApiRequest request) {
        synchronized (files) {
            files.importSettings.remove(settings(request.pathParam("settingsId")).get("id").asText());
            return ApiResponse.noContent();
        }
    }

    private ApiResponse listSettings(ApiRequest request) {
        String name = request.query("name");
        synchronized (files) {
            return ApiResponse.ok(listing(request, files.importSettings.values(), s -> name == null || name.isBlank()
                    || s.path("name").asText().toLowerCase(Locale.ROOT).startsWith(name.strip().toLowerCase(Locale.ROOT)),
                    IMPORT + "/settings", true, true));
        }
    }

    /** ContactImportSettings (SDK): name, mergeContacts, externalSourceId, importFields required. */
    private ObjectNode validSettings(ObjectNode body, String selfId) {
        ObjectNode s = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "dateCreated")) {
            s.remove(serverField);
        }
        String name = Checks.text(s, "name", 1, 255, true);
        JsonNode merge = s.get("mergeContacts");
        if (merge == null || !merge.isBoolean()) {
            throw ApiException.badRequest("mergeContacts is required and must be true or false");
        }
        String source = Checks.text(s, "externalSourceId", 1, 255, true);
        if (store.externalSources.get(source) == null) {
            throw ApiException.badRequest("externalSourceId " + source + " is not an external source");
        }
        ArrayNode fields = Checks.array(s, "importFields", 0, 500, true);
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i) instanceof ObjectNode field)) {
                throw ApiException.badRequest("importFields[" + i + "] must be an object");
            }
            Checks.prefixed("importFields[" + i + "].", () -> Checks.text(field, "name", 1, 255, true));
            if (!field.path("included").isBoolean()) {
                throw ApiException.badRequest("importFields[" + i + "].included is required and must be true or false");
            }
        }
        ArrayNode criteria = Checks.array(s, "matchingCriteria", 0, 10, false);
        if (criteria != null) {
            for (JsonNode c : criteria) {
                if (!c.isTextual() || !ImportExportStore.TARGET_FIELDS.contains(c.asText())) {
                    throw ApiException.badRequest("matchingCriteria: " + c + " is not a contact field (one of "
                            + new java.util.TreeSet<>(ImportExportStore.TARGET_FIELDS) + ")");
                }
            }
        }
        synchronized (files) {
            for (ObjectNode other : files.importSettings.values()) {
                if (!other.get("id").asText().equals(selfId) && other.path("name").asText().equalsIgnoreCase(name)) {
                    throw new ApiException(409, "conflict", "name must be unique: import settings "
                            + other.get("id").asText() + " are already named '" + name + "'");
                }
            }
        }
        return s;
    }

    private ObjectNode settings(String id) {
        ObjectNode s = files.importSettings.get(id);
        if (s == null) {
            throw ApiException.notFound("Import settings " + id + " not found");
        }
        return s;
    }

    // ---- CSV settings -------------------------------------------------------------------------------------------

    private ApiResponse createCsvSettings(ApiRequest request) {
        ObjectNode settings = validCsvSettings(request.jsonObject());
        synchronized (files) {
            String id = UUID.randomUUID().toString();
            settings.put("id", id);
            settings.put("selfUri", IMPORT + "/csv/settings/" + id);
            files.csvSettings.put(id, settings);
            return ApiResponse.ok(settings.deepCopy());
        }
    }

    private ApiResponse getCsvSettings(ApiRequest request) {
        synchronized (files) {
            return ApiResponse.ok(csvSettings(request.pathParam("settingsId")).deepCopy());
        }
    }

    private ApiResponse updateCsvSettings(ApiRequest request) {
        String id = request.pathParam("settingsId");
        ObjectNode settings = validCsvSettings(request.jsonObject());
        synchronized (files) {
            ObjectNode old = csvSettings(id);
            settings.put("id", id);
            settings.put("selfUri", old.get("selfUri").asText());
            files.csvSettings.put(id, settings);
            return ApiResponse.ok(settings.deepCopy());
        }
    }

    private ApiResponse deleteCsvSettings(ApiRequest request) {
        synchronized (files) {
            files.csvSettings.remove(csvSettings(request.pathParam("settingsId")).get("id").asText());
            return ApiResponse.noContent();
        }
    }

    private ApiResponse listCsvSettings(ApiRequest request) {
        String external = request.query("externalSettingsId");
        synchronized (files) {
            return ApiResponse.ok(listing(request, files.csvSettings.values(), s -> external == null
                    || external.isBlank() || external.equals(s.path("externalSettingsId").asText()),
                    IMPORT + "/csv/settings", false, false));
        }
    }

    /** CsvSettings (SDK): mappings required, each a sourceField (a CSV column) and a targetField (a contact field). */
    private ObjectNode validCsvSettings(ObjectNode body) {
        ObjectNode s = body.deepCopy();
        s.remove("id");
        s.remove("selfUri");
        Checks.text(s, "externalSettingsId", 0, 255, false);
        ArrayNode mappings = Checks.array(s, "mappings", 1, 500, true);
        for (int i = 0; i < mappings.size(); i++) {
            if (!(mappings.get(i) instanceof ObjectNode m)) {
                throw ApiException.badRequest("mappings[" + i + "] must be an object");
            }
            String prefix = "mappings[" + i + "].";
            Checks.prefixed(prefix, () -> Checks.text(m, "sourceField", 1, 255, true));
            String target = Checks.prefixed(prefix, () -> Checks.text(m, "targetField", 1, 255, true));
            if (!ImportExportStore.TARGET_FIELDS.contains(target)) {
                throw ApiException.badRequest(prefix + "targetField " + target + " is not a contact field an import"
                        + " can set (one of " + new java.util.TreeSet<>(ImportExportStore.TARGET_FIELDS) + ")");
            }
        }
        return s;
    }

    private ObjectNode csvSettings(String id) {
        ObjectNode s = files.csvSettings.get(id);
        if (s == null) {
            throw ApiException.notFound("CSV settings " + id + " not found");
        }
        return s;
    }

    // ---- uploads ------------------------------------------------------------------------------------------------

    private ApiResponse createUpload(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode size = body.get("fileSize");
        if (size == null || !size.isIntegralNumber()) {
            throw ApiException.badRequest("fileSize is required and must be a whole number of bytes");
        }
        if (size.asLong() < 1 || size.asLong() > MAX_FILE_SIZE) {
            throw ApiException.badRequest("fileSize must be between 1 and " + MAX_FILE_SIZE + " bytes, was "
                    + size.asLong());
        }
        String fileName = Checks.text(body, "fileName", 0, 255, false);
        ImportExportStore.Upload upload = files.newUpload(fileName == null || fileName.isEmpty() ? "contacts.csv"
                : fileName, size.asLong());
        ObjectNode answer = Json.object();
        answer.put("uploadId", upload.id);
        answer.put("uploadUrl", files.links().presignUpload(upload.storageName()));
        ArrayNode headers = answer.putArray("uploadHeaders");
        headers.addObject().put("name", "Content-Type").put("value", "text/csv");
        headers.addObject().put("name", ImportExportStore.ENCRYPTION_HEADER).put("value", "AES256");
        return ApiResponse.ok(answer);
    }

    private ImportExportStore.Upload received(ApiRequest request) {
        ImportExportStore.Upload upload = files.upload(request.pathParam("uploadId"));
        if (upload.received < 0) {
            throw ApiException.badRequest("The file of upload " + upload.id + " has not been uploaded yet (PUT it to"
                    + " the uploadUrl first)");
        }
        return upload;
    }

    private ApiResponse uploadDetails(ApiRequest request) throws IOException {
        ImportExportStore.Upload upload = received(request);
        ObjectNode answer = Json.object();
        answer.put("uploadId", upload.id);
        answer.put("fileName", upload.fileName);
        ObjectNode result = answer.putObject("validationResult");
        ArrayNode errors = Json.array();
        boolean encodingValid = true;
        boolean separatorValid = false;
        try (BufferedReader in = ImportExportStore.utf8(upload.path)) {
            CsvRecords records = new CsvRecords(in);
            List<String> header = records.next();
            separatorValid = header != null && header.size() > 1;
            if (header == null) {
                errors.addObject().put("lineNumber", 1).put("message", "The file is empty");
            }
            List<String> row;
            while (header != null && (row = records.next()) != null && errors.size() < DETAIL_ERRORS) {
                if (row.size() > header.size()) {
                    errors.addObject().put("lineNumber", records.recordLine()).put("message", "The row has "
                            + row.size() + " values, the header names " + header.size() + " columns");
                }
            }
        } catch (CharacterCodingException e) {
            encodingValid = false;
        } catch (IOException e) {
            errors.addObject().put("lineNumber", 0).put("message", e.getMessage());
        }
        result.put("separatorValid", separatorValid);
        result.put("fileEncodingValid", encodingValid);
        result.set("errors", errors);
        return ApiResponse.ok(answer);
    }

    private ApiResponse uploadPreview(ApiRequest request) throws IOException {
        ImportExportStore.Upload upload = received(request);
        ObjectNode answer = Json.object();
        answer.put("uploadId", upload.id);
        ArrayNode headers = answer.putArray("headers");
        ArrayNode entries = answer.putArray("entries");
        try (BufferedReader in = ImportExportStore.utf8(upload.path)) {
            CsvRecords records = new CsvRecords(in);
            List<String> header = records.next();
            if (header != null) {
                header.forEach(headers::add);
                List<String> row;
                while (entries.size() < PREVIEW_ROWS && (row = records.next()) != null) {
                    ArrayNode entry = entries.addArray();
                    row.forEach(entry::add);
                }
            }
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The file of upload " + upload.id + " is not UTF-8 text");
        }
        return ApiResponse.ok(answer);
    }

    // ---- jobs ---------------------------------------------------------------------------------------------------

    private ApiResponse createCsvJob(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        String uploadId = Checks.text(body, "uploadId", 1, 255, true);
        String settingsId = Checks.text(body, "settingsId", 1, 255, true);
        JsonNode division = Checks.object(body, "division", false);
        synchronized (files) {
            ImportExportStore.Upload upload = files.uploads.get(uploadId);
            if (upload == null) {
                throw ApiException.badRequest("uploadId " + uploadId + " is not an upload (POST /import/csv/uploads)");
            }
            if (!files.csvSettings.containsKey(settingsId)) {
                throw ApiException.badRequest("settingsId " + settingsId + " is not a CSV settings id (POST"
                        + " /import/csv/settings)");
            }
            ObjectNode job = files.newJob(null, settingsId, upload, division);
            ObjectNode answer = Json.object();
            answer.putObject("job").put("id", job.get("id").asText()).put("selfUri", job.get("selfUri").asText());
            return ApiResponse.ok(answer);
        }
    }

    private ApiResponse createJob(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        String settingsId = Checks.text(body, "settingsId", 1, 255, true);
        JsonNode division = Checks.object(body, "division", false);
        synchronized (files) {
            if (!files.importSettings.containsKey(settingsId)) {
                throw ApiException.badRequest("settingsId " + settingsId + " is not an import settings id (POST"
                        + " /import/settings)");
            }
            return ApiResponse.ok(files.jobView(files.newJob(settingsId, null, null, division)));
        }
    }

    private ApiResponse getJob(ApiRequest request) {
        synchronized (files) {
            return ApiResponse.ok(files.jobView(job(request.pathParam("jobId"))));
        }
    }

    private ApiResponse listJobs(ApiRequest request) {
        String status = request.query("jobStatus");
        synchronized (files) {
            List<ObjectNode> views = new ArrayList<>();
            files.jobs.values().forEach(j -> views.add(files.jobView(j)));
            return ApiResponse.ok(listing(request, views, j -> status == null || status.isBlank()
                    || status.strip().equalsIgnoreCase(j.path("status").asText()), IMPORT + "/jobs", true, true));
        }
    }

    /** ContactImportJobStatusUpdateRequest: the one status change a client makes is Cancelled, while it runs. */
    private ApiResponse updateJob(ApiRequest request) {
        String id = request.pathParam("jobId");
        ObjectNode body = request.jsonObject();
        String jobId = Checks.text(body, "jobId", 1, 255, true);
        String status = Checks.text(body, "status", 1, 255, true);
        if (!jobId.equals(id)) {
            throw ApiException.badRequest("jobId " + jobId + " is not the job of the path (" + id + ")");
        }
        if (!ImportExportStore.CANCELLED.equalsIgnoreCase(status)) {
            throw ApiException.badRequest("status " + status + " cannot be set: a job can only be Cancelled");
        }
        synchronized (files) {
            ObjectNode job = job(id);
            String current = job.path("status").asText();
            if (!ImportExportStore.PENDING.equals(current) && !ImportExportStore.IN_PROGRESS.equals(current)) {
                throw new ApiException(409, "conflict", "Job " + id + " is " + current + ": only a Pending or"
                        + " InProgress job can be cancelled");
            }
            job.put("status", ImportExportStore.CANCELLED);
            job.put("executionStep", "Cancelled");
            ObjectNode answer = Json.object();
            answer.put("jobId", id);
            answer.put("status", ImportExportStore.CANCELLED);
            return ApiResponse.ok(answer);
        }
    }

    private ObjectNode job(String id) {
        ObjectNode job = files.jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("Import job " + id + " not found");
        }
        return job;
    }

    // ---- exports ------------------------------------------------------------------------------------------------

    private ApiResponse createExport(ApiRequest request, String kind) {
        ObjectNode body = request.body().length == 0 ? Json.object() : request.jsonObject();
        ArrayNode divisions = Checks.array(body, "divisionIds", 0, 50, false);
        if (divisions != null) {
            divisions.forEach(d -> {
                if (!d.isTextual()) {
                    throw ApiException.badRequest("divisionIds must be a list of division ids");
                }
            });
        }
        ObjectNode conditions = Checks.object(body, "queryConditions", false);
        if (conditions != null && conditions.has("limit")
            && (!conditions.get("limit").isIntegralNumber() || conditions.get("limit").asLong() < 1)) {
            throw ApiException.badRequest("queryConditions.limit must be a whole number of at least 1");
        }
        return ApiResponse.ok(files.exportView(files.newExport(kind, body)));
    }

    private ApiResponse getExport(ApiRequest request, String kind) {
        synchronized (files) {
            ObjectNode export = files.exports.get(kind).get(request.pathParam("exportId"));
            if (export == null) {
                throw ApiException.notFound("Export " + request.pathParam("exportId") + " not found");
            }
            return ApiResponse.ok(files.exportView(export));
        }
    }

    private ApiResponse listExports(ApiRequest request, String kind) {
        List<String> divisions = Checks.listParam(request, "divisionIds");
        synchronized (files) {
            List<ObjectNode> views = new ArrayList<>();
            files.exports.get(kind).values().forEach(e -> views.add(files.exportView(e)));
            return ApiResponse.ok(listing(request, views, e -> {
                if (divisions.isEmpty()) {
                    return true;
                }
                for (JsonNode d : e.path("divisionIds")) {
                    if (divisions.contains(d.asText())) {
                        return true;
                    }
                }
                return false;
            }, BASE + "/" + kind + "/exports", false, false));
        }
    }

    // ---- listings -----------------------------------------------------------------------------------------------

    /**
     * A cursor listing: {@code pageSize} (1-200, default 25) items after the item {@code after} names, in creation
     * order or ({@code sortOrder=desc}) its reverse; {@code nextUri} when more follow, and the {@code cursors} where
     * the SDK's listing has them.
     */
    private static ObjectNode listing(ApiRequest request, java.util.Collection<ObjectNode> all,
                                      Predicate<ObjectNode> filter, String path, boolean cursors, boolean sortable) {
        int pageSize = request.queryInt("pageSize", 25);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.badRequest("pageSize must be between 1 and 200, was " + pageSize);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode item : all) {
            if (filter.test(item)) {
                items.add(item);
            }
        }
        String sort = sortable ? request.query("sortOrder") : null;
        if (sort != null && !sort.isBlank()) {
            if ("desc".equalsIgnoreCase(sort.strip())) {
                Collections.reverse(items);
            } else if (!"asc".equalsIgnoreCase(sort.strip())) {
                throw ApiException.badRequest("sortOrder must be asc or desc, was '" + sort + "'");
            }
        }
        int from = 0;
        String after = request.query("after");
        if (after != null && !after.isBlank()) {
            from = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").asText().equals(after.strip())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ApiException.badRequest("after " + after + " is not a cursor of this listing");
            }
        }
        int to = Math.min(items.size(), from + pageSize);
        ObjectNode page = Json.object();
        ArrayNode entities = page.putArray("entities");
        items.subList(from, to).forEach(i -> entities.add(i.deepCopy()));
        page.put("selfUri", path + "?pageSize=" + pageSize + (from > 0 ? "&after=" + after.strip() : ""));
        String last = to > from ? items.get(to - 1).path("id").asText() : null;
        if (to < items.size() && last != null) {
            page.put("nextUri", path + "?pageSize=" + pageSize + "&after=" + last);
        }
        if (cursors) {
            ObjectNode c = page.putObject("cursors");
            if (last != null && to < items.size()) {
                c.put("after", last);
            }
        }
        return page;
    }
}
