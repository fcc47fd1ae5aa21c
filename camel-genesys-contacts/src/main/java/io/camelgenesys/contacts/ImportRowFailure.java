package io.camelgenesys.contacts;

import java.util.Map;

/**
 * A CSV row an import job refused: its line number in the uploaded file (the header is line 1), its values by column
 * and Genesys' reason. Dead-letter it, fix it and import it again.
 */
public class ImportRowFailure {

    private long lineNumber;
    private String reason;
    private Map<String, String> row;

    public ImportRowFailure() {
    }

    public ImportRowFailure(long lineNumber, String reason, Map<String, String> row) {
        this.lineNumber = lineNumber;
        this.reason = reason;
        this.row = row;
    }

    public long getLineNumber() {
        return lineNumber;
    }

    public void setLineNumber(long lineNumber) {
        this.lineNumber = lineNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Map<String, String> getRow() {
        return row;
    }

    public void setRow(Map<String, String> row) {
        this.row = row;
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
