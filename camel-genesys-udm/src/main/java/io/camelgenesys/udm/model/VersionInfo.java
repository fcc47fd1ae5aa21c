package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The UDM service version (VersionInfo, seed 002 L10694-10710).
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class VersionInfo extends GenesysModel {

    private String version;
    private String buildNumber;
    private String changeset;
    private String name;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getBuildNumber() {
        return buildNumber;
    }

    public void setBuildNumber(String buildNumber) {
        this.buildNumber = buildNumber;
    }

    public String getChangeset() {
        return changeset;
    }

    public void setChangeset(String changeset) {
        this.changeset = changeset;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
