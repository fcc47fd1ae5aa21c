package io.camelgenesys.simulator.externalcontacts;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Json;

/**
 * One CSV import job's work (see {@link ImportExportStore}): record by record, valid rows stored in batches under the
 * contacts lock, refused rows written to the report as they are found.
 */
final class CsvImport {

    private static final int BATCH = 500;

    private final ImportExportStore owner;
    private final ExternalContactsStores stores;
    private final String jobId;
    private final ImportExportStore.Upload upload;
    private final ObjectNode csvSettings;
    private final ObjectNode importSettings;

    CsvImport(ImportExportStore owner, ExternalContactsStores stores, String jobId, ImportExportStore.Upload upload,
              ObjectNode csvSettings, ObjectNode importSettings) {
        this.owner = owner;
        this.stores = stores;
        this.jobId = jobId;
        this.upload = upload;
        this.csvSettings = csvSettings;
        this.importSettings = importSettings;
    }

    void run() throws IOException {
        Map<String, String> targets = new HashMap<>();
        csvSettings.path("mappings").forEach(m -> targets.put(m.path("sourceField").asText(),
                m.path("targetField").asText()));
        List<String> criteria = new ArrayList<>();
        boolean merge = false;
        if (importSettings != null) {
            importSettings.path("matchingCriteria").forEach(c -> criteria.add(c.asText()));
            merge = importSettings.path("mergeContacts").asBoolean(false);
        }
        Path report = owner.newFile("import-report-");
        long imported = 0;
        long refused = 0;
        try (BufferedReader in = ImportExportStore.utf8(upload.path);
             BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(in);
            List<String> header = records.next();
            if (header == null) {
                Files.deleteIfExists(report);
                owner.fail(jobId, "The file " + upload.fileName + " is empty: a header line is needed");
                return;
            }
            List<String> mapped = new ArrayList<>();
            for (String column : header) {
                if (targets.containsKey(column.strip())) {
                    mapped.add(column.strip());
                }
            }
            if (mapped.isEmpty()) {
                Files.deleteIfExists(report);
                owner.fail(jobId, "None of the columns " + header + " of " + upload.fileName + " is mapped by the CSV"
                                  + " settings " + csvSettings.path("id").asText() + " (they map "
                                  + targets.keySet() + ")");
                return;
            }
            List<String> reportHeader = new ArrayList<>(List.of("lineNumber", "error"));
            reportHeader.addAll(header);
            CsvRecords.write(out, reportHeader);
            Map<String, String> index = merge && !criteria.isEmpty() ? index(criteria) : null;
            List<ObjectNode> batch = new ArrayList<>(BATCH);
            List<List<String>> batchRows = new ArrayList<>(BATCH);
            List<Long> batchLines = new ArrayList<>(BATCH);
            List<String> row;
            while ((row = records.next()) != null) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // a blank line
                }
                long line = records.recordLine();
                String error = null;
                ObjectNode contact = Json.object();
                if (row.size() > header.size()) {
                    error = "The row has " + row.size() + " values but the header names " + header.size()
                            + " columns: '" + row.get(header.size()) + "' is in an unknown column";
                } else {
                    for (int i = 0; i < row.size(); i++) {
                        String target = targets.get(header.get(i).strip());
                        String value = row.get(i).strip();
                        if (target != null && !value.isEmpty()) {
                            put(contact, target, value);
                        }
                    }
                    for (String c : criteria) {
                        if (ImportExportStore.text(contact, c).isEmpty()) {
                            error = "Missing required field " + c + " (a matching criterion of the import settings)";
                            break;
                        }
                    }
                    if (error == null && contact.isEmpty()) {
                        error = "The row has no value for any mapped column";
                    }
                }
                if (error == null) {
                    JsonNode optOut = contact.get("surveyOptOut");
                    if (optOut != null) {
                        String v = optOut.asText();
                        if ("true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v)) {
                            contact.put("surveyOptOut", Boolean.parseBoolean(v));
                        } else {
                            error = "surveyOptOut must be true or false, got '" + v + "'";
                        }
                    }
                }
                if (error == null) {
                    // each row checked as it comes, so that the report is in file order
                    ObjectNode checked = contact;
                    try {
                        contact = stores.locks.organizations.reading(() -> stores.contacts.valid(checked));
                    } catch (ApiException e) {
                        error = e.getMessage();
                    }
                }
                if (error != null) {
                    refused++;
                    report(out, line, error, row);
                    continue;
                }
                batch.add(contact);
                batchRows.add(row);
                batchLines.add(line);
                if (batch.size() == BATCH) {
                    int stored = store(batch, batchRows, batchLines, out, index, criteria);
                    imported += stored;
                    refused += batch.size() - stored;
                    batch.clear();
                    batchRows.clear();
                    batchLines.clear();
                    if (owner.cancelled(jobId)) {
                        return;
                    }
                }
            }
            if (!batch.isEmpty()) {
                int stored = store(batch, batchRows, batchLines, out, index, criteria);
                imported += stored;
                refused += batch.size() - stored;
            }
        } catch (CharacterCodingException e) {
            Files.deleteIfExists(report);
            owner.fail(jobId, "The file " + upload.fileName + " is not UTF-8 text");
            return;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("quoted field")) {
                Files.deleteIfExists(report);
                owner.fail(jobId, "The file " + upload.fileName + " is not valid CSV: " + e.getMessage());
                return;
            }
            throw e;
        }
        owner.finish(jobId, imported, refused, report, imported + " rows imported, " + refused + " refused");
    }

    /** Stores a batch of checked rows. @return how many were stored (all of them) */
    private int store(List<ObjectNode> batch, List<List<String>> rows, List<Long> lines, BufferedWriter out,
                      Map<String, String> index, List<String> criteria) throws IOException {
        List<String> errors = new ArrayList<>(batch.size());
        int stored = stores.locks.contacts.writing(() -> {
            int n = 0;
            for (ObjectNode valid : batch) {
                try {
                    String key = index == null ? null : key(valid, criteria);
                    String existing = key == null ? null : index.get(key);
                    ObjectNode old = existing == null ? null : stores.contacts.table().get(existing);
                    if (old != null) {
                        ObjectNode merged = old.deepCopy();
                        merged.setAll(valid);
                        stores.contacts.update(existing, old, merged);
                    } else {
                        ObjectNode inserted = stores.contacts.insert(valid);
                        if (key != null) {
                            index.put(key, inserted.get("id").asText());
                        }
                    }
                    errors.add(null);
                    n++;
                } catch (ApiException e) {
                    errors.add(e.getMessage());
                }
            }
            return n;
        });
        for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i) != null) {
                report(out, lines.get(i), errors.get(i), rows.get(i));
            }
        }
        return stored;
    }

    private Map<String, String> index(List<String> criteria) {
        return stores.locks.contacts.reading(() -> {
            Map<String, String> index = new HashMap<>();
            for (ObjectNode c : stores.contacts.table().values()) {
                String key = key(c, criteria);
                if (key != null) {
                    index.put(key, c.get("id").asText());
                }
            }
            return index;
        });
    }

    private static String key(ObjectNode contact, List<String> criteria) {
        StringBuilder sb = new StringBuilder();
        for (String c : criteria) {
            String v = ImportExportStore.text(contact, c);
            if (v.isEmpty()) {
                return null;
            }
            sb.append(v.toLowerCase(java.util.Locale.ROOT)).append('\u0000');
        }
        return sb.toString();
    }

    private static void report(BufferedWriter out, long line, String error, List<String> row) throws IOException {
        List<String> fields = new ArrayList<>(row.size() + 2);
        fields.add(String.valueOf(line));
        fields.add(error);
        fields.addAll(row);
        CsvRecords.write(out, fields);
    }

    /** Sets a field by path ({@code workPhone.e164} into {@code workPhone}). */
    private static void put(ObjectNode contact, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = contact;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
