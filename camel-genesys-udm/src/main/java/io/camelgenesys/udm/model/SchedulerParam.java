package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * When a job runs (SchedulerParam, seed 002 L9542-9548): immediately, at startDate, or on a cron schedule, runs
 * times.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class SchedulerParam extends GenesysModel {

    private Boolean immediately;
    private String cron;
    private String runs;
    private String startDate;

    public Boolean getImmediately() {
        return immediately;
    }

    public void setImmediately(Boolean immediately) {
        this.immediately = immediately;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getRuns() {
        return runs;
    }

    public void setRuns(String runs) {
        this.runs = runs;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }
}
