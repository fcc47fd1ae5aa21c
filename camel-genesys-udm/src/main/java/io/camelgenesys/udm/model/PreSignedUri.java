package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A pre-signed link to an export file (PreSignedUri, seed 002 L10481-10490): an absolute URL whose query string is a
 * credential. Download it without Genesys credentials (downloadFile does).
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class PreSignedUri extends GenesysModel {

    private String path;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
