package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** An external source (e.g. a CRM) that contacts link to (ExternalSource, seed 003). Fields this class does not declare are kept (GenesysModel). */
public class ExternalSource extends GenesysModel {

    private String id;
    private String name;
    private Boolean active;
    private Map<String, Object> linkConfiguration;
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

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Map<String, Object> getLinkConfiguration() {
        return linkConfiguration;
    }

    public void setLinkConfiguration(Map<String, Object> linkConfiguration) {
        this.linkConfiguration = linkConfiguration;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
