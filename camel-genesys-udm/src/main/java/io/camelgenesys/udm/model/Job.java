package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A UDM export job as created or replaced (Job, seed 002 L9505-9594): source, type (UCS or DataSync), title,
 * timeFrame, schedulerParam, jobParams and suspended are required.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class Job extends GenesysModel {

    private String source;
    private String type;
    private String title;
    private TimeFrame timeFrame;
    private String description;
    private SchedulerParam schedulerParam;
    private UcsJobParams jobParams;
    private Boolean suspended;

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public TimeFrame getTimeFrame() {
        return timeFrame;
    }

    public void setTimeFrame(TimeFrame timeFrame) {
        this.timeFrame = timeFrame;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public SchedulerParam getSchedulerParam() {
        return schedulerParam;
    }

    public void setSchedulerParam(SchedulerParam schedulerParam) {
        this.schedulerParam = schedulerParam;
    }

    public UcsJobParams getJobParams() {
        return jobParams;
    }

    public void setJobParams(UcsJobParams jobParams) {
        this.jobParams = jobParams;
    }

    public Boolean getSuspended() {
        return suspended;
    }

    public void setSuspended(Boolean suspended) {
        this.suspended = suspended;
    }
}
