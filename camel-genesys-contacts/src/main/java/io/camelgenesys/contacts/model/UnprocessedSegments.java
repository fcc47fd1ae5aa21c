package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** The segment assignments and unassignments Genesys did not process, to retry (UnprocessedSegmentAssignments of the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class UnprocessedSegments extends GenesysModel {

    private SegmentList assign;
    private SegmentList unassign;
    private Integer count;

    public SegmentList getAssign() {
        return assign;
    }

    public void setAssign(SegmentList assign) {
        this.assign = assign;
    }

    public SegmentList getUnassign() {
        return unassign;
    }

    public void setUnassign(SegmentList unassign) {
        this.unassign = unassign;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }
}
