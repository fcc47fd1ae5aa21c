package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The validation of an uploaded CSV (ValidationResult of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvValidationResult extends GenesysModel {

    private Boolean separatorValid;
    private Boolean fileEncodingValid;
    private List<CsvValidationError> errors;

    public Boolean getSeparatorValid() {
        return separatorValid;
    }

    public void setSeparatorValid(Boolean separatorValid) {
        this.separatorValid = separatorValid;
    }

    public Boolean getFileEncodingValid() {
        return fileEncodingValid;
    }

    public void setFileEncodingValid(Boolean fileEncodingValid) {
        this.fileEncodingValid = fileEncodingValid;
    }

    public List<CsvValidationError> getErrors() {
        return errors;
    }

    public void setErrors(List<CsvValidationError> errors) {
        this.errors = errors;
    }
}
