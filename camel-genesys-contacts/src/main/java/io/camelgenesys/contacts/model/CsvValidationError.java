package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** One problem of an uploaded CSV, by line (ValidationError of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvValidationError extends GenesysModel {

    private Long lineNumber;
    private String message;

    public Long getLineNumber() {
        return lineNumber;
    }

    public void setLineNumber(Long lineNumber) {
        this.lineNumber = lineNumber;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
