package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** The cursors of a cursor listing (Cursors of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class Cursors extends GenesysModel {

    private String before;
    private String after;

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
