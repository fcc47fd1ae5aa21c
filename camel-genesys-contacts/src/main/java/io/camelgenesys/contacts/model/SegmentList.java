package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The segments to assign or unassign, or those Genesys did not process ({@code {segments:[{id}]}}: SegmentAssignments / SegmentUnassignments of the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class SegmentList extends GenesysModel {

    private List<SegmentRef> segments;

    public List<SegmentRef> getSegments() {
        return segments;
    }

    public void setSegments(List<SegmentRef> segments) {
        this.segments = segments;
    }
}
