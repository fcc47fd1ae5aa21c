package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** A page of CSV settings (Listing of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class CsvSettingsListing extends GenesysModel {

    private List<CsvSettings> entities;
    private String nextUri;
    private String selfUri;
    private String previousUri;

    public List<CsvSettings> getEntities() {
        return entities;
    }

    public void setEntities(List<CsvSettings> entities) {
        this.entities = entities;
    }

    public String getNextUri() {
        return nextUri;
    }

    public void setNextUri(String nextUri) {
        this.nextUri = nextUri;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }

    public String getPreviousUri() {
        return previousUri;
    }

    public void setPreviousUri(String previousUri) {
        this.previousUri = previousUri;
    }
}
