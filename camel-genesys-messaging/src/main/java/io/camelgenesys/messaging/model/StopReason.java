package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * Why an open media workitem was stopped.
 */
public class StopReason extends GenesysModel {

    private String reasonSystemName;
    private String reasonDescription;

    public String getReasonSystemName() {
        return reasonSystemName;
    }

    public void setReasonSystemName(String reasonSystemName) {
        this.reasonSystemName = reasonSystemName;
    }

    public String getReasonDescription() {
        return reasonDescription;
    }

    public void setReasonDescription(String reasonDescription) {
        this.reasonDescription = reasonDescription;
    }
}
