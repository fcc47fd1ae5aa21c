package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The body of POST /nexus/v3/securemail: the email and an optional {@code operationId} that Genesys
 * echoes.
 */
public class CreateSecureEmailRequest extends GenesysModel {

    private SecureEmailContent data;
    private String operationId;

    public SecureEmailContent getData() {
        return data;
    }

    public void setData(SecureEmailContent data) {
        this.data = data;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }
}
