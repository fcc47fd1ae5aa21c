package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The progress of one run (JobProgress, seed 002 L9359-9371): 0-100 percent (100 = done) and its status name.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class JobProgress extends GenesysModel {

    private Integer progress;
    private String status;

    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
