package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** A journey segment assigned to an external contact (SegmentAssignment of the Genesys Cloud SDK): when it was assigned, when it will be unassigned, the segment, the contact and, for session-scoped segments, the session. Fields this class does not declare are kept (GenesysModel). */
public class SegmentAssignment extends GenesysModel {

    private String dateAssigned;
    private String dateForUnassignment;
    private EntityRef segment;
    private EntityRef externalContact;
    private Map<String, Object> session;

    public String getDateAssigned() {
        return dateAssigned;
    }

    public void setDateAssigned(String dateAssigned) {
        this.dateAssigned = dateAssigned;
    }

    public String getDateForUnassignment() {
        return dateForUnassignment;
    }

    public void setDateForUnassignment(String dateForUnassignment) {
        this.dateForUnassignment = dateForUnassignment;
    }

    public EntityRef getSegment() {
        return segment;
    }

    public void setSegment(EntityRef segment) {
        this.segment = segment;
    }

    public EntityRef getExternalContact() {
        return externalContact;
    }

    public void setExternalContact(EntityRef externalContact) {
        this.externalContact = externalContact;
    }

    public Map<String, Object> getSession() {
        return session;
    }

    public void setSession(Map<String, Object> session) {
        this.session = session;
    }
}
