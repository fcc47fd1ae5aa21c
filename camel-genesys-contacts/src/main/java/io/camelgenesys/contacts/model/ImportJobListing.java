package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** A page of import jobs (ContactImportJobEntityListing of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ImportJobListing extends GenesysModel {

    private List<ContactImportJob> entities;
    private String nextUri;
    private String selfUri;
    private String previousUri;
    private Cursors cursors;

    public List<ContactImportJob> getEntities() {
        return entities;
    }

    public void setEntities(List<ContactImportJob> entities) {
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

    public Cursors getCursors() {
        return cursors;
    }

    public void setCursors(Cursors cursors) {
        this.cursors = cursors;
    }
}
