package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** Assigns and unassigns up to 10 journey segments of a contact. Fields this class does not declare are kept (GenesysModel). */
public class JourneySegmentsRequest extends GenesysModel {

    private List<Map<String, Object>> assign;
    private List<Map<String, Object>> unassign;

    public List<Map<String, Object>> getAssign() {
        return assign;
    }

    public void setAssign(List<Map<String, Object>> assign) {
        this.assign = assign;
    }

    public List<Map<String, Object>> getUnassign() {
        return unassign;
    }

    public void setUnassign(List<Map<String, Object>> unassign) {
        this.unassign = unassign;
    }
}
