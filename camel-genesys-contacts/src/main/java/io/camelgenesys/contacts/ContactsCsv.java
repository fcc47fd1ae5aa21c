package io.camelgenesys.contacts;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.core.json.GenesysJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The CSV side of {@code importContacts}: the message body made into a file with a known size (Genesys asks for the
 * size before it hands out the upload link, and a retried upload sends the file again), and the import report read
 * record by record. RFC 4180: comma separated, a field with a comma, a quote or a line break in double quotes.
 */
final class ContactsCsv {

    /** The CSV to upload: a file of the route's, or a temporary one written from the body (deleted after upload). */
    record Source(Path file, boolean temporary, long size, long rows, String fileName) {

        void delete() {
            if (temporary) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    private ContactsCsv() {
    }

    /**
     * The body as a CSV file: a {@link File}, a {@link Path} or a Camel file message as it is; an {@link InputStream},
     * {@code byte[]} or text copied to a temporary file; rows ({@code Map}s or models, an {@link Iterable} or
     * {@link Iterator}) written as CSV with a header line. Runs on the route's thread (it reads the body).
     *
     * @throws IllegalArgumentException for a body that is none of these, or rows whose columns differ
     */
    static Source of(Message message, String operation) throws IOException {
        Object body = message.getBody();
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (body == null) {
            throw new IllegalArgumentException(operation + " needs a CSV as the body: a file, an InputStream, CSV text"
                                               + " or rows (a List of Maps); the body is empty");
        }
        Path file = null;
        if (body instanceof File f) {
            file = f.toPath();
        } else if (body instanceof Path p) {
            file = p;
        } else if (body.getClass().getName().startsWith("org.apache.camel.component.file.")) {
            file = message.getBody(File.class).toPath();
        }
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(operation + ": the file " + file + " cannot be read");
            }
            long rows;
            try (InputStream in = Files.newInputStream(file)) {
                rows = countRecords(in, null) - 1;
            }
            return new Source(file, false, Files.size(file), Math.max(0, rows),
                    name != null ? name : file.getFileName().toString());
        }
        Path temp = Files.createTempFile("genesys-import-", ".csv");
        try {
            long rows;
            if (body instanceof InputStream in) {
                try (InputStream input = in; java.io.OutputStream out = Files.newOutputStream(temp)) {
                    rows = countRecords(input, out) - 1;
                }
            } else if (body instanceof byte[] || body instanceof CharSequence) {
                byte[] bytes = body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
                Files.write(temp, bytes);
                rows = countRecords(new java.io.ByteArrayInputStream(bytes), null) - 1;
            } else if (body instanceof Iterable<?> || body instanceof Iterator<?>) {
                rows = writeRows(body, temp, operation);
            } else {
                throw new IllegalArgumentException(operation + " needs a CSV as the body: a file, an InputStream, CSV"
                                                   + " text or rows (a List of Maps); the body is a "
                                                   + body.getClass().getName());
            }
            long size = Files.size(temp);
            if (size == 0) {
                throw new IllegalArgumentException(operation + ": the CSV is empty (a header line is needed)");
            }
            return new Source(temp, true, size, Math.max(0, rows), name != null ? name : "contacts.csv");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Counts the records (lines outside quotes; a last line without a line break counts), copying to {@code out}. */
    private static long countRecords(InputStream in, java.io.OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long records = 0;
        boolean quoted = false;
        boolean pending = false;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out != null) {
                out.write(buffer, 0, n);
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    quoted = !quoted;
                    pending = true;
                } else if (b == '\n' && !quoted) {
                    if (pending) {
                        records++;
                    }
                    pending = false;
                } else if (b != '\r') {
                    pending = true;
                }
            }
        }
        return pending ? records + 1 : records;
    }

    /** Writes rows as CSV: the columns are every row's keys (nested maps as {@code a.b}), in order of appearance. */
    private static long writeRows(Object body, Path temp, String operation) throws IOException {
        List<String> columns;
        Iterator<?> rows;
        if (body instanceof Iterable<?> all) {
            // a collection can be read twice: every column any row has
            Set<String> union = new LinkedHashSet<>();
            for (Object row : all) {
                union.addAll(flatten(row, operation).keySet());
            }
            columns = new ArrayList<>(union);
            rows = all.iterator();
        } else {
            rows = (Iterator<?>) body;
            columns = null;
        }
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            while (rows.hasNext()) {
                Object raw = rows.next();
                Map<String, String> row = flatten(raw, operation);
                count++;
                if (columns == null) {
                    // every key of the first row, a null one too (a NULL column of a streamed SQL result that later
                    // rows fill): its value is empty in this row
                    columns = new ArrayList<>(flatten(raw, operation, true).keySet());
                    write(out, columns);
                } else if (count == 1) {
                    write(out, columns);
                }
                if (!columns.containsAll(row.keySet())) {
                    Set<String> extra = new LinkedHashSet<>(row.keySet());
                    columns.forEach(extra::remove);
                    throw new IllegalArgumentException(operation + ": row " + count + " has the columns " + extra
                                                       + " that the first row does not have: an Iterator of rows"
                                                       + " takes its columns from the first row (give every row the"
                                                       + " same keys, or a List)");
                }
                List<String> values = new ArrayList<>(columns.size());
                for (String c : columns) {
                    values.add(row.getOrDefault(c, ""));
                }
                write(out, values);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(operation + ": there are no rows to import");
        }
        return count;
    }

    private static Map<String, String> flatten(Object row, String operation) {
        return flatten(row, operation, false);
    }

    /** The row's columns and values; {@code keepNulls}: a null value is kept as an empty one (not left out). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(Object row, String operation, boolean keepNulls) {
        Map<String, Object> map;
        if (row instanceof Map<?, ?> m) {
            map = (Map<String, Object>) m;
        } else if (row == null || row instanceof CharSequence || row instanceof Number || row instanceof Boolean) {
            throw new IllegalArgumentException(operation + ": each row must be a Map of column to value (or a"
                                               + " model), was " + (row == null ? "null" : row.getClass().getName()));
        } else {
            map = GenesysJson.MAPPER.convertValue(row, Map.class);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", map, flat, keepNulls);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> flat, boolean keepNulls) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> n = (Map<String, Object>) nested;
                flatten(key + ".", n, flat, keepNulls);
            } else if (v != null) {
                flat.put(key, v.toString());
            } else if (keepNulls) {
                flat.put(key, "");
            }
        }
    }

    static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }

    /** Reads records one at a time. */
    static final class Records {
        private final Reader in;
        private int next = -2;

        Records(Reader in) {
            this.in = in;
        }

        private int peek() throws IOException {
            if (next == -2) {
                next = in.read();
            }
            return next;
        }

        private int take() throws IOException {
            int c = peek();
            next = -2;
            return c;
        }

        /** @return the next record, or {@code null} at the end */
        List<String> next() throws IOException {
            if (peek() == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                int c = take();
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("a quoted field is not closed at the end of the report");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            take();
                            field.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && peek() == '\n') {
                    continue;
                } else if (c == '\n' || c == -1) {
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
            }
        }
    }
}
