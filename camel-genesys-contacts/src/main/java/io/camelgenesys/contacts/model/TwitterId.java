package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A Twitter (X) account of a contact or organization (TwitterId of the Genesys Cloud SDK); seed 003: "Either id OR screenName (or both) must be present". Fields this class does not declare are kept (GenesysModel). */
public class TwitterId extends GenesysModel {

    private String id;
    private String name;
    private String screenName;
    private Boolean verified;
    private String profileUrl;

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

    public String getScreenName() {
        return screenName;
    }

    public void setScreenName(String screenName) {
        this.screenName = screenName;
    }

    public Boolean getVerified() {
        return verified;
    }

    public void setVerified(Boolean verified) {
        this.verified = verified;
    }

    public String getProfileUrl() {
        return profileUrl;
    }

    public void setProfileUrl(String profileUrl) {
        this.profileUrl = profileUrl;
    }
}
