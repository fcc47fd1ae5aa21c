package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What POST /nexus/v3/securemail answers: the new {@code secureMailId} and its {@code selfUri}.
 */
public class CreateSecureEmailResponse extends GenesysModel {

    private String referenceId;
    private String operationId;
    private SecureEmailStatus status;
    private String secureMailId;
    private String selfUri;

    public String getReferenceId() {
        return referenceId;
    }

    public void setReferenceId(String referenceId) {
        this.referenceId = referenceId;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }

    public SecureEmailStatus getStatus() {
        return status;
    }

    public void setStatus(SecureEmailStatus status) {
        this.status = status;
    }

    public String getSecureMailId() {
        return secureMailId;
    }

    public void setSecureMailId(String secureMailId) {
        this.secureMailId = secureMailId;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
