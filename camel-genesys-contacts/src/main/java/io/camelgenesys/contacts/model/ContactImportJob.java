package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** An import job (ContactImportJobResponse of the SDK): its status, step and, once done, its counts and report. Fields this class does not declare are kept (GenesysModel). */
public class ContactImportJob extends GenesysModel {

    private String id;
    private String status;
    private String statusDetails;
    private String executionStep;
    private ContactImportJobMetadata metadata;
    private String dateCreated;
    private DivisionRef division;
    private String selfUri;
    private EntityRef settings;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStatusDetails() {
        return statusDetails;
    }

    public void setStatusDetails(String statusDetails) {
        this.statusDetails = statusDetails;
    }

    public String getExecutionStep() {
        return executionStep;
    }

    public void setExecutionStep(String executionStep) {
        this.executionStep = executionStep;
    }

    public ContactImportJobMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(ContactImportJobMetadata metadata) {
        this.metadata = metadata;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public DivisionRef getDivision() {
        return division;
    }

    public void setDivision(DivisionRef division) {
        this.division = division;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }

    public EntityRef getSettings() {
        return settings;
    }

    public void setSettings(EntityRef settings) {
        this.settings = settings;
    }
}
