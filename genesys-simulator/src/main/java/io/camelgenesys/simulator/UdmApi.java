package io.camelgenesys.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.URIUtil;

/**
 * The HTTP face of {@link UserDataManagement}: every v10 operation of seed 002 (L8671-10716) under
 * {@value UserDataManagement#BASE_PATH}, with Multicloud authentication ({@code x-api-key}, then the bearer token)
 * and Multicloud error bodies, except {@code GET /version}, which the seed documents with the API key alone.
 * UDM answers bare JSON (no {@code status} envelope). Where the seed is silent the choices are listed in
 * {@code genesys-simulator/UDM.md}; the main ones: unknown ids and files are 404 on every operation, a bulk delete
 * that cannot delete some items answers 500 with the JSON array of those items (v3/v4, 002 L10816), lists answer
 * 204 when nothing matches (those that document 204), {@code count} is the number of matching items.
 */
final class UdmApi {

    /** "The maximum number of files is limited to 100" (v3, 002 L12015). */
    static final int MAX_LINKS = 100;
    /** v3/v4's default {@code size} (002 L10768); v10 documents none. */
    static final int DEFAULT_SIZE = 999_999_999;
    /** The fields a job or history listing can be ordered by ({@code JobInfo}'s scalar fields). */
    static final List<String> JOB_INFO_FIELDS = List.of("id", "type", "source", "title", "fileSplitSize",
            "fileName", "fileSize", "status", "createdDate", "dateFrom", "dateTo", "description", "progress",
            "parentId", "exportAttachments");
    static final List<String> FILE_FIELDS = List.of("name", "size", "contentType", "type", "source", "jobTitle",
            "jobId", "historyId", "uploadDate");

    private final UserDataManagement udm;
    private final String apiKey;

    private UdmApi(UserDataManagement udm, String apiKey) {
        this.udm = udm;
        this.apiKey = apiKey;
    }

    static void register(Routes routes, UserDataManagement udm, String apiKey) {
        UdmApi api = new UdmApi(udm, apiKey);
        String base = UserDataManagement.BASE_PATH;
        routes.add("GET", base + "/cipher", Auth.MULTICLOUD, api::getCipher);
        routes.add("POST", base + "/cipher/{certificatefilename}", Auth.MULTICLOUD, api::uploadCertificate);
        routes.add("GET", base + "/data/attributes", Auth.MULTICLOUD, api::attributes);
        routes.add("GET", base + "/data/job-statuses", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.jobStatuses()));
        routes.add("GET", base + "/data/sources", Auth.MULTICLOUD, r -> list(UdmCatalogue.sources()));
        routes.add("GET", base + "/data/sub-types", Auth.MULTICLOUD, api::subTypes);
        routes.add("GET", base + "/data/types", Auth.MULTICLOUD,
                r -> list(UdmCatalogue.types(blankToNull(r.query("source")))));

        String history = base + "/export/history";
        routes.add("GET", history, Auth.MULTICLOUD, api::listHistory);
        routes.add("DELETE", history, Auth.MULTICLOUD,
                r -> bulkDeleted(udm.deleteHistories(ids(r))));
        routes.add("GET", history + "/{id}", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.historyInfo(id(r))));
        routes.add("DELETE", history + "/{id}", Auth.MULTICLOUD, r -> {
            udm.deleteHistory(id(r));
            return ApiResponse.noContent();
        });
        routes.add("GET", history + "/{id}/progress", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.progress(id(r))));

        String jobs = base + "/export/jobs";
        routes.add("GET", jobs, Auth.MULTICLOUD, api::listJobs);
        routes.add("POST", jobs, Auth.MULTICLOUD,
                r -> ApiResponse.json(202, udm.createJob(UdmJobSpec.parse(r.jsonObject()))));
        routes.add("DELETE", jobs, Auth.MULTICLOUD, r -> bulkDeleted(udm.deleteJobs(ids(r))));
        // cancel documents 200 without a body (002 L9784)
        routes.add("POST", jobs + "/cancel/{id}", Auth.MULTICLOUD, r -> {
            udm.cancel(id(r));
            return ApiResponse.status(200);
        });
        routes.add("POST", jobs + "/resume/{id}", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.resume(id(r))));
        routes.add("POST", jobs + "/suspend/{id}", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.suspend(id(r))));
        routes.add("GET", jobs + "/{id}", Auth.MULTICLOUD, r -> ApiResponse.ok(udm.jobInfo(id(r))));
        routes.add("PUT", jobs + "/{id}", Auth.MULTICLOUD, r -> {
            int id = id(r);
            return ApiResponse.ok(udm.updateJob(id, UdmJobSpec.parse(r.jsonObject())));
        });
        routes.add("DELETE", jobs + "/{id}", Auth.MULTICLOUD, r -> {
            udm.deleteJob(id(r));
            return ApiResponse.noContent();
        });

        routes.add("GET", base + "/file-metadatas", Auth.MULTICLOUD, api::listFiles);
        routes.add("GET", base + "/files", Auth.MULTICLOUD, api::links);
        routes.add("DELETE", base + "/files", Auth.MULTICLOUD, api::deleteFiles);
        routes.add("GET", base + "/files/{filename}", Auth.MULTICLOUD, api::download);
        routes.add("DELETE", base + "/files/{filename}", Auth.MULTICLOUD, api::deleteFile);
        routes.add("GET", base + "/resources/labels", Auth.MULTICLOUD, r -> ApiResponse.ok(labels()));
        // The seed lists only x-api-key for the version (002 L10667-10716), so no bearer token is asked for.
        routes.add("GET", base + "/version", Auth.NONE, api::version);
    }

    // ---- cipher --------------------------------------------------------------------------------------------------

    private ApiResponse getCipher(ApiRequest request) {
        return ApiResponse.ok(udm.certificate()
                .orElseThrow(() -> ApiException.notFound("No certificate has been uploaded")));
    }

    /** {@code file} as {@code multipart/form-data}: "The certificate content, field name must be 'file'". */
    private ApiResponse uploadCertificate(ApiRequest request) throws Exception {
        String name = decodedPathParam(request, "certificatefilename");
        String contentType = request.header("Content-Type");
        String boundary = contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.badRequest("The certificate must be sent as multipart/form-data with the field name "
                    + "'file', got Content-Type " + contentType);
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        // The body is in memory already; so are its parts.
        parser.setMaxMemoryFileSize(-1);
        MultiPartFormData.Parts parts;
        try {
            parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(request.body()))).get();
        } catch (ExecutionException e) {
            throw ApiException.badRequest("The multipart body cannot be read: " + e.getCause().getMessage());
        }
        try (parts) {
            MultiPart.Part file = parts.getFirst("file");
            if (file == null) {
                List<String> names = new ArrayList<>();
                parts.forEach(part -> names.add(part.getName()));
                throw ApiException.badRequest("The multipart body has no field 'file' (the field name must be "
                        + "'file'); its fields: " + names);
            }
            // ISO-8859-1 maps each byte to one char and back: the bytes as sent, PEM or DER.
            byte[] content = file.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            udm.uploadCertificate(name, content);
        }
        // 201 with a JSON string (002 L8776); the simulator's string is the certificate's name.
        return ApiResponse.json(201, TextNode.valueOf(name));
    }

    // ---- data lookups --------------------------------------------------------------------------------------------

    private ApiResponse attributes(ApiRequest request) {
        List<String> entities = Checks.listParam(request, "entities");
        ObjectNode body = Json.object();
        for (String entity : entities.isEmpty() ? List.copyOf(UdmCatalogue.ATTRIBUTES.keySet()) : entities) {
            List<String> attributes = UdmCatalogue.ATTRIBUTES.get(entity);
            if (attributes == null) {
                throw ApiException.badRequest("entities: unknown entity '" + entity + "'; known: "
                        + UdmCatalogue.ATTRIBUTES.keySet());
            }
            ArrayNode array = body.putArray(entity);
            attributes.forEach(array::add);
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse subTypes(ApiRequest request) {
        String dataType = blankToNull(request.query("dataType"));
        if (dataType == null) {
            throw ApiException.badRequest("dataType is required: sub-types belong to a data type (see "
                    + UserDataManagement.BASE_PATH + "/data/types)");
        }
        return list(UdmCatalogue.subTypes(dataType, blankToNull(request.query("source"))));
    }

    private static ObjectNode labels() {
        ObjectNode labels = Json.object();
        labels.put(UdmCatalogue.SOURCE, UdmCatalogue.SOURCE_LABEL);
        UdmCatalogue.DATA_TYPES.forEach(type -> labels.put(type, type));
        UdmCatalogue.SUB_TYPES.forEach(subType -> labels.put(subType.name(), subType.displayName()));
        return labels;
    }

    private ApiResponse version(ApiRequest request) {
        if (!Credentials.matches(apiKey, request.header(Authenticator.API_KEY_HEADER))) {
            return Authenticator.forbidden();
        }
        ObjectNode version = Json.object();
        version.put("version", "10.0.0");
        version.put("buildNumber", "simulator");
        version.put("changeset", "0");
        version.put("name", "User Data Management (Genesys simulator)");
        return ApiResponse.ok(version);
    }

    /** A lookup list: 204 when empty (the lookups document 204). */
    private static ApiResponse list(ArrayNode items) {
        return items.isEmpty() ? ApiResponse.noContent() : ApiResponse.ok(items);
    }

    // ---- export history and jobs ---------------------------------------------------------------------------------

    private ApiResponse listHistory(ApiRequest request) {
        String jobIdText = blankToNull(request.query("jobId"));
        Integer jobId = jobIdText == null ? null : integer(jobIdText, "jobId");
        Predicate<ObjectNode> filter = contains(request, "type", "type")
                .and(contains(request, "fileName", "fileName"))
                .and(contains(request, "status", "status"))
                .and(contains(request, "title", "title"))
                .and(contains(request, "source", "source"))
                .and(item -> jobId == null || item.path("parentId").asInt(-1) == jobId);
        return page(request, udm.historyInfos().stream().filter(filter).toList(), JOB_INFO_FIELDS, true);
    }

    private ApiResponse listJobs(ApiRequest request) {
        String suspendText = blankToNull(request.query("suspend"));
        Boolean suspend = suspendText == null ? null : Checks.boolParam(request, "suspend", false);
        Predicate<ObjectNode> filter = contains(request, "type", "type")
                .and(contains(request, "title", "title"))
                .and(contains(request, "source", "source"));
        String scheduleType = lower(request.query("scheduleType"));
        List<ObjectNode> items = udm.jobEntries().stream()
                .filter(e -> scheduleType == null || e.scheduleType().toLowerCase(Locale.ROOT).contains(scheduleType))
                .filter(e -> suspend == null || e.suspended() == suspend)
                .map(UserDataManagement.JobEntry::info)
                .filter(filter)
                .toList();
        return page(request, items, JOB_INFO_FIELDS, true);
    }

    /** {@code jobIDs}: "A comma-separated list of job IDs" (v4, 002 L10824), required. */
    private static List<Integer> ids(ApiRequest request) {
        List<String> values = Checks.listParam(request, "jobIDs");
        if (values.isEmpty()) {
            throw ApiException.badRequest("jobIDs is required: a comma-separated list of ids");
        }
        Set<Integer> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(integer(value, "jobIDs")));
        return List.copyOf(ids);
    }

    /** 204, or 500 with the JSON array of what was not deleted ("internal server error ... with a list", v4). */
    private static ApiResponse bulkDeleted(List<?> notDeleted) {
        if (notDeleted.isEmpty()) {
            return ApiResponse.noContent();
        }
        return ApiResponse.json(500, Json.mapper().valueToTree(notDeleted));
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    private ApiResponse listFiles(ApiRequest request) {
        String historyText = blankToNull(request.query("historyId"));
        Integer historyId = historyText == null ? null : integer(historyText, "historyId");
        String startText = blankToNull(request.query("startDate"));
        String endText = blankToNull(request.query("endDate"));
        Instant start = startText == null ? null : UdmJobSpec.instant(startText, "startDate", false);
        Instant end = endText == null ? null : UdmJobSpec.instant(endText, "endDate", true);
        Predicate<ObjectNode> filter = contains(request, "name", "name")
                .and(contains(request, "jobTitle", "jobTitle"))
                .and(contains(request, "type", "type"))
                .and(contains(request, "source", "source"));
        // startDate's bound is not defined by the seed (002 L10390): inclusive, or (a control) exclusive
        boolean exclusive = udm.startDateExclusive();
        List<ObjectNode> items = udm.files(file -> (historyId == null || historyId.equals(file.historyId()))
                        && (start == null || (exclusive ? file.uploadDate().isAfter(start)
                                : !file.uploadDate().isBefore(start)))
                        && (end == null || !file.uploadDate().isAfter(end)))
                .stream().map(UdmFile::metadata).filter(filter).toList();
        // file-metadatas documents 200 only: an empty page, never 204
        return page(request, items, FILE_FIELDS, false);
    }

    /**
     * {@code GET /files?filename=a,b}: one name answers the documented {@code PreSignedUri} object; several answer
     * an array of them in the order asked ("a bunch of links"). Unknown names: 404 with the array of
     * {@code {"path": name}} not found (v3, 002 L12015-12016).
     */
    private ApiResponse links(ApiRequest request) {
        List<String> names = fileNames(request);
        if (names.size() > MAX_LINKS) {
            throw ApiException.badRequest("filename lists " + names.size() + " files; at most " + MAX_LINKS
                    + " links are given per request");
        }
        ArrayNode missing = Json.array();
        names.stream().filter(name -> udm.file(name).isEmpty()).forEach(name -> missing.addObject().put("path", name));
        if (!missing.isEmpty()) {
            return ApiResponse.json(404, missing);
        }
        ArrayNode links = Json.array();
        names.forEach(name -> links.addObject().put("path", udm.presign(name)));
        return ApiResponse.ok(links.size() == 1 ? links.get(0) : links);
    }

    private ApiResponse deleteFiles(ApiRequest request) {
        return bulkDeleted(udm.removeFiles(fileNames(request)));
    }

    private static List<String> fileNames(ApiRequest request) {
        List<String> names = Checks.listParam(request, "filename");
        if (names.isEmpty()) {
            throw ApiException.badRequest("filename is required: a comma-separated list of file names");
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /** 303 to a pre-signed link on the storage host ("303 See Other", v3 002 L12121). */
    private ApiResponse download(ApiRequest request) {
        String name = decodedPathParam(request, "filename");
        if (udm.file(name).isEmpty()) {
            throw ApiException.notFound("File " + name + " not found");
        }
        return ApiResponse.redirect(303, udm.presign(name));
    }

    private ApiResponse deleteFile(ApiRequest request) {
        String name = decodedPathParam(request, "filename");
        if (!udm.removeFile(name)) {
            throw ApiException.notFound("File " + name + " not found");
        }
        return ApiResponse.noContent();
    }

    /** Jetty's canonical path keeps some characters encoded (a space stays {@code %20}): a name is decoded. */
    private static String decodedPathParam(ApiRequest request, String name) {
        return URIUtil.decodePath(request.pathParam(name));
    }

    // ---- paging, sorting, filtering ------------------------------------------------------------------------------

    /**
     * Offset paging ({@code from}, {@code size}) over the matching items, ordered by {@code orderField} and
     * {@code descAsc} ("False for ascending order, true for descending", v4): {@code PagedResponse
     * {count, from, size, items}} where {@code count} is the number of matching items and {@code size} echoes the
     * page size asked for.
     */
    private ApiResponse page(ApiRequest request, List<ObjectNode> items, List<String> orderFields,
            boolean noContentWhenNone) {
        int from = request.queryInt("from", 0);
        int size = request.queryInt("size", DEFAULT_SIZE);
        if (from < 0) {
            throw ApiException.badRequest("from must be 0 or more, got " + from);
        }
        if (size < 0) {
            throw ApiException.badRequest("size must be 0 or more, got " + size);
        }
        boolean descending = Checks.boolParam(request, "descAsc", false);
        String orderField = blankToNull(request.query("orderField"));
        List<ObjectNode> sorted = new ArrayList<>(items);
        if (orderField != null) {
            if (!orderFields.contains(orderField)) {
                throw ApiException.badRequest("orderField must be one of " + orderFields + ", got '" + orderField
                        + "'");
            }
            Comparator<ObjectNode> order = (a, b) -> compare(a.get(orderField), b.get(orderField));
            sorted.sort(descending ? order.reversed() : order);
        } else if (descending) {
            java.util.Collections.reverse(sorted);
        }
        if (sorted.isEmpty() && noContentWhenNone) {
            return ApiResponse.noContent();
        }
        ObjectNode body = Json.object();
        int end = (int) Math.min(sorted.size(), (long) from + size);
        // count is not defined by the seed (002 L10424): the matching items, or (a control) this page's length
        body.put("count", udm.countIsPageLength() ? Math.max(0, end - from) : sorted.size());
        body.put("from", from);
        body.put("size", size);
        ArrayNode page = body.putArray("items");
        for (int i = from; i < end; i++) {
            page.add(sorted.get(i));
        }
        return ApiResponse.ok(body);
    }

    /** Numbers numerically, text case-insensitively, nulls last. */
    private static int compare(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull == bNull ? 0 : aNull ? 1 : -1;
        }
        if (a.isNumber() && b.isNumber()) {
            return Long.compare(a.asLong(), b.asLong());
        }
        return a.asText().compareToIgnoreCase(b.asText());
    }

    /** A text filter: the field contains the parameter's value, case-insensitively (v3/v4: "Filter that ... contains"). */
    private static Predicate<ObjectNode> contains(ApiRequest request, String parameter, String field) {
        String needle = lower(request.query(parameter));
        if (needle == null) {
            return item -> true;
        }
        return item -> {
            JsonNode value = item.get(field);
            return value != null && !value.isNull() && value.asText().toLowerCase(Locale.ROOT).contains(needle);
        };
    }

    private static int id(ApiRequest request) {
        return integer(request.pathParam("id"), "id");
    }

    /** Paths and filters take ids as strings ("id path string"); {@code JobInfo.id} is an integer. */
    private static int integer(String value, String name) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer id, got '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        String text = blankToNull(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
