package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** The org-wide settings of the External Contacts identity graph (GraphSettings of the SDK): whether the clusters a scan finds are merged automatically. Fields this class does not declare are kept (GenesysModel). */
public class GraphSettings extends GenesysModel {

    private Boolean automaticMergingEnabled;
    private String dateModified;
    private String selfUri;

    public Boolean getAutomaticMergingEnabled() {
        return automaticMergingEnabled;
    }

    public void setAutomaticMergingEnabled(Boolean automaticMergingEnabled) {
        this.automaticMergingEnabled = automaticMergingEnabled;
    }

    public String getDateModified() {
        return dateModified;
    }

    public void setDateModified(String dateModified) {
        this.dateModified = dateModified;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
