package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** The import job a CSV job request started (CsvJobResponse of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvJobResponse extends GenesysModel {

    private EntityRef job;

    public EntityRef getJob() {
        return job;
    }

    public void setJob(EntityRef job) {
        this.job = job;
    }
}
