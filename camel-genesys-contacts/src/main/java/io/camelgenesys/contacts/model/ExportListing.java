package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** A page of exports (ContactsExportListing and the notes, organizations and relationships ones of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ExportListing extends GenesysModel {

    private List<EntitiesExport> entities;
    private String nextUri;
    private String selfUri;
    private String previousUri;

    public List<EntitiesExport> getEntities() {
        return entities;
    }

    public void setEntities(List<EntitiesExport> entities) {
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
