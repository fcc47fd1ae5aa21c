package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A change of an import job's status, and Genesys' answer (ContactImportJobStatusUpdateRequest/Response of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ContactImportJobStatusUpdate extends GenesysModel {

    private String jobId;
    private String status;

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
