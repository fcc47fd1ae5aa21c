package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A journey segment named by its id, as updateJourneySegments assigns and unassigns it (SegmentForAssignment / SegmentForUnassignment of the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class SegmentRef extends GenesysModel {

    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
