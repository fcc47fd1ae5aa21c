package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A division, by id (and name) (StarrableDivision / WritableStarrableDivision / DomainEntityRef of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class DivisionRef extends GenesysModel {

    private String id;
    private String name;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
