package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** Assigns and unassigns up to 10 journey segments of a contact (UpdateSegmentAssignmentRequest of the Genesys Cloud SDK): {@code {"assign":{"segments":[{"id":...}]}, "unassign":{"segments":[...]}}}. Fields this class does not declare are kept (GenesysModel). */
public class JourneySegmentsRequest extends GenesysModel {

    private SegmentList assign;
    private SegmentList unassign;

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
}
