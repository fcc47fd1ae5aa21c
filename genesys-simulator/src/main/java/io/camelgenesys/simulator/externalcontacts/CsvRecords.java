package io.camelgenesys.simulator.externalcontacts;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as the simulated import jobs read it and the simulated exports write it: comma separated, fields with
 * a comma, a quote or a line break in double quotes (a quote doubled), CRLF or LF line ends. Records are read one at
 * a time, so a file of any size is processed with one record in memory.
 */
final class CsvRecords {

    private final Reader in;
    private int next = -2;
    private long line = 1;
    private long recordLine;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last record returned started on (the header is line 1). */
    long recordLine() {
        return recordLine;
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
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** @return the next record's fields, or {@code null} at the end of the input */
    List<String> next() throws IOException {
        if (peek() == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = take();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + recordLine + ": a quoted field is not closed");
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
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && peek() == '\n') {
                // CRLF: the LF ends the record
                continue;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    /** Writes one record, quoting what needs it. */
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
        out.write('\n');
    }
}
