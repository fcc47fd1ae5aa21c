package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A page of a cursor listing of the SDK (its {@code *EntityListing} and {@code *Listing} models): the entities and
 * the links to this page and the next and previous ones. Fields this class does not declare are kept (GenesysModel).
 *
 * @param <T> the entity
 */
public abstract class Listing<T> extends GenesysModel {

    private List<T> entities;
    private String nextUri;
    private String selfUri;
    private String previousUri;

    public List<T> getEntities() {
        return entities;
    }

    public void setEntities(List<T> entities) {
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
