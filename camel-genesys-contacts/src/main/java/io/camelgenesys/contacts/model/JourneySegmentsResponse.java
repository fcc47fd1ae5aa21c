package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** What updateJourneySegments answers (UpdateSegmentAssignmentResponse of the Genesys Cloud SDK): the items not processed, for the route to retry after a partial success. Fields this class does not declare are kept (GenesysModel). */
public class JourneySegmentsResponse extends GenesysModel {

    private UnprocessedSegments unprocessedItems;

    public UnprocessedSegments getUnprocessedItems() {
        return unprocessedItems;
    }

    public void setUnprocessedItems(UnprocessedSegments unprocessedItems) {
        this.unprocessedItems = unprocessedItems;
    }
}
