package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** An identifier (type and value) claimed by one contact or organization (ContactIdentifier; types from the Genesys Cloud SDK: SocialLine, SocialFacebook, SocialTwitter, SocialWhatsapp, Email, Phone, Cookie, ExternalId). Fields this class does not declare are kept (GenesysModel). */
public class ContactIdentifier extends GenesysModel {

    private String id;
    private String type;
    private String value;
    private Map<String, Object> externalSource;
    private Map<String, Object> division;
    private String dateCreated;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Map<String, Object> getExternalSource() {
        return externalSource;
    }

    public void setExternalSource(Map<String, Object> externalSource) {
        this.externalSource = externalSource;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
