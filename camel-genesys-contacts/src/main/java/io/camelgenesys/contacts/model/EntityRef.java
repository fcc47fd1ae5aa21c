package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A reference to another entity: its id and URI (AddressableEntityRef of the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class EntityRef extends GenesysModel {

    private String id;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
