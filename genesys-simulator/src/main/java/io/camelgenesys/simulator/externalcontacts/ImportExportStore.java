package io.camelgenesys.simulator.externalcontacts;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of External Contacts import and export (issue 16): import settings, CSV settings, CSV uploads, import
 * jobs and exports, and the work of the jobs, which runs on a thread of its own after {@link #processingDelay}:
 * <ul>
 * <li>a CSV import job reads its uploaded file record by record (one in memory), maps its columns to contact fields
 * with the CSV settings ({@code sourceField} the column, {@code targetField} a contact field, {@code workPhone.e164}
 * for a nested one), and refuses a row with a value in an unknown column (more values than the header names), a row
 * that lacks a matching criterion of the import settings ("missing required field"), and a row the contact checks
 * refuse (a bad email, a bad phone); the rest are stored (merged into the contact with the same matching values when
 * the import settings say {@code mergeContacts}). It ends {@code Completed} with the counts and an import report on
 * the storage host: {@code lineNumber,error,<the CSV's columns>} for every refused row. A file that was never
 * uploaded, or whose columns none of the settings map, ends the job {@code Failed} with {@code statusDetails}.</li>
 * <li>an export writes every contact, note, organization or relationship its {@code queryConditions} select (filters
 * eq, in, lte, gte, and, or, not on a field path; {@code limit}) as CSV to the storage host and ends
 * {@code Completed} with {@code resultRowCount} and a {@code downloadUrl} (a new pre-signed link at every read).</li>
 * </ul>
 * Files (uploads, reports, exports) are kept in a temporary directory, never in memory. Status names: Pending,
 * InProgress, Completed, Failed, Cancelled.
 */
public final class ImportExportStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImportExportStore.class);

    static final String PENDING = "Pending";
    static final String IN_PROGRESS = "InProgress";
    static final String COMPLETED = "Completed";
    static final String FAILED = "Failed";
    static final String CANCELLED = "Cancelled";

    /** The header the upload links are signed with, as S3 links signed with server-side encryption are. */
    public static final String ENCRYPTION_HEADER = "x-amz-server-side-encryption";

    /** Contact fields a CSV column may be mapped to (the text fields of ExternalContact, nested ones by path). */
    static final Set<String> TARGET_FIELDS = Set.of("firstName", "middleName", "lastName", "salutation", "title",
            "workEmail", "personalEmail", "otherEmail", "externalSystemUrl", "type",
            "workPhone.e164", "workPhone.display", "cellPhone.e164", "cellPhone.display", "homePhone.e164",
            "homePhone.display", "otherPhone.e164", "otherPhone.display", "address.address1", "address.address2",
            "address.city", "address.state", "address.postalCode", "address.countryCode", "externalOrganization.id",
            "surveyOptOut");

    /** The columns of each export kind. */
    static final Map<String, List<String>> EXPORT_COLUMNS = Map.of(
            "contacts", List.of("id", "firstName", "middleName", "lastName", "salutation", "title", "workEmail",
                    "personalEmail", "otherEmail", "workPhone.e164", "cellPhone.e164", "homePhone.e164",
                    "otherPhone.e164", "address.address1", "address.address2", "address.city", "address.state",
                    "address.postalCode", "address.countryCode", "externalOrganization.id", "type", "createDate",
                    "modifyDate"),
            "notes", List.of("id", "entityType", "entityId", "noteText", "createdBy.id", "createDate", "modifyDate"),
            "organizations", List.of("id", "name", "companyType", "industry", "employeeCount", "phoneNumber.e164",
                    "address.city", "address.countryCode", "createDate", "modifyDate"),
            "relationships", List.of("id", "relationship", "user.id", "externalOrganization.id"));

    /** Signs storage links: presign(name) for a download, presignUpload(name) for an upload. */
    public interface Storage {
        String presign(String name);

        String presignUpload(String name);
    }

    private final ExternalContactsStores stores;
    private final Path directory;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "genesys-simulator-contacts-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile Storage storage;
    private volatile Duration processingDelay = Duration.ofMillis(100);
    private String failNextJob;

    // guarded by this
    final Map<String, ObjectNode> importSettings = new LinkedHashMap<>();
    final Map<String, ObjectNode> csvSettings = new LinkedHashMap<>();
    final Map<String, Upload> uploads = new HashMap<>();
    final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
    final Map<String, Map<String, ObjectNode>> exports = new HashMap<>();
    /** stored file name → its path: import reports and export files */
    private final Map<String, Path> files = new HashMap<>();

    /** A CSV upload: where its bytes go, and whether they came. */
    static final class Upload {
        final String id;
        final String fileName;
        final long fileSize;
        final Path path;
        volatile long received = -1;

        Upload(String id, String fileName, long fileSize, Path path) {
            this.id = id;
            this.fileName = fileName;
            this.fileSize = fileSize;
            this.path = path;
        }

        String storageName() {
            return "upload-" + id + ".csv";
        }
    }

    ImportExportStore(ExternalContactsStores stores) {
        this.stores = stores;
        try {
            this.directory = Files.createTempDirectory("genesys-simulator-contacts-files");
            this.directory.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String kind : EXPORT_COLUMNS.keySet()) {
            exports.put(kind, new LinkedHashMap<>());
        }
    }

    // ---- the storage host's side (called by ExternalContacts) ------------------------------------------------------

    public void storage(Storage storage) {
        this.storage = storage;
    }

    Storage links() {
        Storage s = storage;
        if (s == null) {
            throw new IllegalStateException("The contacts storage host is not running");
        }
        return s;
    }

    /** @return a report or export file of that name */
    public synchronized Optional<Path> file(String name) {
        Path p = files.get(name);
        if (p == null) {
            for (Upload u : uploads.values()) {
                if (u.storageName().equals(name) && u.received >= 0) {
                    return Optional.of(u.path);
                }
            }
        }
        return Optional.ofNullable(p);
    }

    /** @return where the upload of that storage name goes, or {@code null} when no such upload was asked for */
    public synchronized Path uploadTarget(String name) {
        for (Upload u : uploads.values()) {
            if (u.storageName().equals(name)) {
                return u.path;
            }
        }
        return null;
    }

    /** The headers the upload link was signed with must come with the upload. */
    public String checkUpload(String name, org.eclipse.jetty.http.HttpFields headers) {
        String encryption = headers.get(ENCRYPTION_HEADER);
        if (!"AES256".equals(encryption)) {
            return "The upload link was signed with the header " + ENCRYPTION_HEADER + ": AES256 (one of the"
                   + " uploadHeaders), which the request " + (encryption == null ? "lacks" : "has as " + encryption);
        }
        String type = headers.get("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            return "The upload link was signed with Content-Type: text/csv (one of the uploadHeaders), the request"
                   + " has " + type;
        }
        return null;
    }

    public synchronized void uploaded(String name, Path file, long size) {
        for (Upload u : uploads.values()) {
            if (u.storageName().equals(name)) {
                u.received = size;
            }
        }
    }

    // ---- test-facing (documented on ExternalContacts) -----------------------------------------------------------

    public void processingDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        processingDelay = delay;
    }

    public synchronized void failNextJob(String statusDetails) {
        failNextJob = statusDetails;
    }

    public synchronized int importJobCount() {
        return jobs.size();
    }

    public synchronized Optional<Map<String, Object>> importJob(String id) {
        ObjectNode job = jobs.get(id);
        return job == null ? Optional.empty() : Optional.of(Json.toMap(job));
    }

    public synchronized void clear() {
        importSettings.clear();
        csvSettings.clear();
        uploads.values().forEach(u -> delete(u.path));
        uploads.clear();
        jobs.clear();
        exports.values().forEach(Map::clear);
        files.values().forEach(ImportExportStore::delete);
        files.clear();
        failNextJob = null;
        processingDelay = Duration.ofMillis(100);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", p, e.getMessage());
        }
    }

    // ---- uploads and jobs (called by ImportExportApi, under this) --------------------------------------------------

    synchronized Upload newUpload(String fileName, long fileSize) {
        String id = UUID.randomUUID().toString();
        Upload u = new Upload(id, fileName, fileSize, directory.resolve("upload-" + id + ".csv"));
        uploads.put(id, u);
        return u;
    }

    synchronized Upload upload(String id) {
        Upload u = uploads.get(id);
        if (u == null) {
            throw ApiException.notFound("Upload " + id + " not found");
        }
        return u;
    }

    /** A new job, processed after the processing delay. */
    synchronized ObjectNode newJob(String settingsId, String csvSettingsId, Upload upload, JsonNode division) {
        String id = UUID.randomUUID().toString();
        ObjectNode job = Json.object();
        job.put("id", id);
        job.put("status", PENDING);
        job.put("executionStep", "Queued");
        ObjectNode metadata = job.putObject("metadata");
        if (upload != null) {
            metadata.put("fileName", upload.fileName);
        }
        job.put("dateCreated", Json.timestamp(Instant.now()));
        ObjectNode div = job.putObject("division");
        div.put("id", division != null && division.hasNonNull("id") ? division.get("id").asText() : "*");
        div.put("name", division != null && division.hasNonNull("name") ? division.get("name").asText() : "Home");
        job.put("selfUri", ExternalContactsStores.BASE + "/import/jobs/" + id);
        ObjectNode settings = job.putObject("settings");
        String ref = csvSettingsId != null ? csvSettingsId : settingsId;
        settings.put("id", ref);
        settings.put("selfUri", ExternalContactsStores.BASE + (csvSettingsId != null ? "/import/csv/settings/"
                : "/import/settings/") + ref);
        jobs.put(id, job);
        String forcedFailure = failNextJob;
        failNextJob = null;
        long delay = processingDelay.toMillis();
        worker.schedule(() -> start(id), delay, TimeUnit.MILLISECONDS);
        worker.schedule(() -> process(id, upload, csvSettingsId, forcedFailure), 2 * delay, TimeUnit.MILLISECONDS);
        return job;
    }

    /** The job as Genesys answers it: a fresh link to its report once there is one. */
    synchronized ObjectNode jobView(ObjectNode job) {
        ObjectNode view = job.deepCopy();
        String report = job.path("metadata").path("report").asText(null);
        ObjectNode metadata = (ObjectNode) view.get("metadata");
        metadata.remove("report");
        if (report != null) {
            String link = links().presign(report);
            metadata.put("importReportDownloadUrl", link);
            metadata.put("dryRunReportDownloadUrl", link);
        }
        return view;
    }

    private synchronized void start(String id) {
        ObjectNode job = jobs.get(id);
        if (job != null && PENDING.equals(job.path("status").asText())) {
            job.put("status", IN_PROGRESS);
            job.put("executionStep", "Import");
        }
    }

    private void process(String id, Upload upload, String csvSettingsId, String forcedFailure) {
        ObjectNode csv;
        ObjectNode settings;
        synchronized (this) {
            ObjectNode job = jobs.get(id);
            if (job == null || !IN_PROGRESS.equals(job.path("status").asText())) {
                return; // cancelled (or cleared) meanwhile
            }
            csv = csvSettingsId == null ? null : csvSettings.get(csvSettingsId);
            String importSettingsId = csv == null ? job.path("settings").path("id").asText()
                    : csv.path("externalSettingsId").asText(null);
            settings = importSettingsId == null ? null : importSettings.get(importSettingsId);
        }
        try {
            if (forcedFailure != null) {
                fail(id, forcedFailure);
            } else if (upload == null) {
                finish(id, 0, 0, null, "No file: a job created with import settings alone imports nothing; upload a"
                                       + " CSV (POST /import/csv/uploads) and start a CSV job (POST /import/csv/jobs)");
            } else if (upload.received < 0) {
                fail(id, "The file of upload " + upload.id + " was never uploaded to its uploadUrl");
            } else if (csv == null) {
                fail(id, "The CSV settings " + csvSettingsId + " were deleted before the job ran");
            } else {
                new CsvImport(this, stores, id, upload, csv, settings).run();
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("Import job {} failed in the simulator", id, e);
            fail(id, "The import failed: " + e.getMessage());
        }
    }

    synchronized void fail(String id, String details) {
        ObjectNode job = jobs.get(id);
        if (job != null) {
            job.put("status", FAILED);
            job.put("executionStep", "Failed");
            job.put("statusDetails", details);
        }
    }

    synchronized void finish(String id, long imported, long refused, Path report, String details) {
        ObjectNode job = jobs.get(id);
        if (job == null || !IN_PROGRESS.equals(job.path("status").asText())) {
            return;
        }
        job.put("status", COMPLETED);
        job.put("executionStep", "Completed");
        job.put("statusDetails", details);
        ObjectNode metadata = (ObjectNode) job.get("metadata");
        metadata.put("dryRunSuccessCount", imported);
        metadata.put("dryRunFailedCount", refused);
        metadata.put("importSuccessCount", imported);
        metadata.put("importFailedCount", refused);
        if (report != null) {
            String name = "import-report-" + id + ".csv";
            files.put(name, report);
            metadata.put("report", name);
        }
    }

    synchronized boolean cancelled(String id) {
        ObjectNode job = jobs.get(id);
        return job == null || !IN_PROGRESS.equals(job.path("status").asText());
    }

    Path newFile(String prefix) throws IOException {
        return Files.createTempFile(directory, prefix, ".csv");
    }

    static BufferedReader utf8(Path file) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }

    // ---- exports ----------------------------------------------------------------------------------------------

    synchronized ObjectNode newExport(String kind, ObjectNode body) {
        String id = UUID.randomUUID().toString();
        ObjectNode export = Json.object();
        export.put("id", id);
        ArrayNode divisions = export.putArray("divisionIds");
        if (body.get("divisionIds") instanceof ArrayNode given) {
            given.forEach(divisions::add);
        }
        ObjectNode createdBy = export.putObject("createdBy");
        createdBy.put("id", "simulator-client");
        createdBy.put("name", "Genesys simulator client");
        export.put("dateCreated", Json.timestamp(Instant.now()));
        export.put("status", PENDING);
        if (body.get("queryConditions") instanceof ObjectNode conditions) {
            export.set("queryConditions", conditions.deepCopy());
        }
        export.put("selfUri", ExternalContactsStores.BASE + "/" + kind + "/exports/" + id);
        exports.get(kind).put(id, export);
        String forcedFailure = failNextJob;
        failNextJob = null;
        long delay = processingDelay.toMillis();
        worker.schedule(() -> setExportStatus(kind, id, IN_PROGRESS), delay, TimeUnit.MILLISECONDS);
        worker.schedule(() -> runExport(kind, id, forcedFailure), 2 * delay, TimeUnit.MILLISECONDS);
        return export;
    }

    synchronized ObjectNode exportView(ObjectNode export) {
        ObjectNode view = export.deepCopy();
        String file = view.path("file").asText(null);
        view.remove("file");
        view.remove("statusDetails");
        if (file != null) {
            view.put("downloadUrl", links().presign(file));
        }
        return view;
    }

    private synchronized void setExportStatus(String kind, String id, String status) {
        ObjectNode export = exports.get(kind).get(id);
        if (export != null && PENDING.equals(export.path("status").asText())) {
            export.put("status", status);
        }
    }

    private void runExport(String kind, String id, String forcedFailure) {
        ObjectNode export;
        synchronized (this) {
            export = exports.get(kind).get(id);
            if (export == null) {
                return;
            }
            export = export.deepCopy();
        }
        if (forcedFailure != null) {
            synchronized (this) {
                exports.get(kind).get(id).put("status", FAILED);
            }
            return;
        }
        JsonNode conditions = export.path("queryConditions");
        JsonNode filters = conditions.path("filters");
        long limit = conditions.path("limit").asLong(Long.MAX_VALUE);
        List<String> divisions = new ArrayList<>();
        export.path("divisionIds").forEach(d -> divisions.add(d.asText()));
        List<String> columns = EXPORT_COLUMNS.get(kind);
        long rows = 0;
        try {
            Path file = newFile(kind + "-export-");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CsvRecords.write(out, columns);
                for (ObjectNode entity : entities(kind)) {
                    if (rows >= limit) {
                        break;
                    }
                    if (!ContactStore.inDivisions(entity, divisions) || !ExportFilters.matches(entity, filters)) {
                        continue;
                    }
                    List<String> values = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        values.add(text(entity, column));
                    }
                    CsvRecords.write(out, values);
                    rows++;
                }
            }
            String name = kind + "-export-" + id + ".csv";
            synchronized (this) {
                ObjectNode stored = exports.get(kind).get(id);
                if (stored == null) {
                    delete(file);
                    return;
                }
                files.put(name, file);
                stored.put("status", COMPLETED);
                stored.put("dateCompletion", Json.timestamp(Instant.now()));
                stored.put("resultRowCount", rows);
                stored.put("file", name);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export {} failed in the simulator", id, e);
            synchronized (this) {
                ObjectNode stored = exports.get(kind).get(id);
                if (stored != null) {
                    stored.put("status", FAILED);
                }
            }
        }
    }

    /** A snapshot of the entities of a kind (references; each is written once, in store order). */
    private Collection<ObjectNode> entities(String kind) {
        return switch (kind) {
            case "contacts" -> stores.locks.contacts.reading(() -> new ArrayList<>(stores.contacts.table().values()));
            case "notes" -> stores.locks.notes.reading(() -> new ArrayList<>(stores.notes.values()));
            case "organizations" -> stores.locks.organizations.reading(
                    () -> new ArrayList<>(stores.organizations.table().values()));
            default -> stores.locks.relationships.reading(() -> new ArrayList<>(stores.relationships.values()));
        };
    }

    /** The text of a field path ({@code workPhone.e164}), or empty. */
    static String text(JsonNode entity, String path) {
        JsonNode node = entity;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
    }
}
