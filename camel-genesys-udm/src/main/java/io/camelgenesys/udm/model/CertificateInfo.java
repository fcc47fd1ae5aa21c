package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The certificate exports are encrypted for (CertificateInfo, seed 002 L8710-8725).
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class CertificateInfo extends GenesysModel {

    private String ccid;
    private String name;
    private Long size;
    private String lastModified;

    public String getCcid() {
        return ccid;
    }

    public void setCcid(String ccid) {
        this.ccid = ccid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getSize() {
        return size;
    }

    public void setSize(Long size) {
        this.size = size;
    }

    public String getLastModified() {
        return lastModified;
    }

    public void setLastModified(String lastModified) {
        this.lastModified = lastModified;
    }
}
