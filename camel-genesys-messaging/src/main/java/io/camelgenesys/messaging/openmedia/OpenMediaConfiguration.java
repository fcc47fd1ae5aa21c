package io.camelgenesys.messaging.openmedia;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-openmedia: the shared ones and the Open Media (task routing) API's. A workitem is addressed
 * by its {@code interactionId} or by the {@code externalId} it was created with (never both). The API exists on Genesys
 * Multicloud CX only, so {@code platform} is {@code multicloud} here.
 */
@UriParams
public class OpenMediaConfiguration extends GenesysConfiguration {

    @UriParam(label = "producer",
              description = "The open media service's unique name (e.g. salesforce); the CamelGenesysOpenMediaService header"
                            + " overrides it.")
    private String openMediaService;

    @UriParam(label = "producer",
              description = "get, update, stop: the workitem's interaction id; the CamelGenesysInteractionId header"
                            + " overrides it. Set it or externalId, not both.")
    private String interactionId;

    @UriParam(label = "producer",
              description = "get, update, stop: the workitem's external id (the id in your system, e.g. a CRM case"
                            + " number), sent as ext_<externalId> in one path segment; create: the external id of a"
                            + " new workitem whose body has none. The CamelGenesysExternalId header overrides it.")
    private String externalId;

    @UriParam(label = "producer",
              description = "create: the interaction id of the new workitem's parent; the CamelGenesysParentInteractionId"
                            + " header overrides it.")
    private String parentInteractionId;

    @UriParam(label = "producer", defaultValue = "false",
              description = "create: when a workitem with the same externalId exists already (Genesys answers 409),"
                            + " read it and return it (header CamelGenesysInteractionExisted=true) instead of failing; this"
                            + " makes a redelivered CRM record safe to create again.")
    private boolean idempotentCreate;

    @UriParam(label = "producer",
              description = "stop: the system name of the reason, when the body has none; the CamelGenesysReasonSystemName"
                            + " header overrides it.")
    private String reasonSystemName;

    @UriParam(label = "producer",
              description = "stop: a description of the reason, when the body has none; the CamelGenesysReasonDescription"
                            + " header overrides it.")
    private String reasonDescription;

    public OpenMediaConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public OpenMediaConfiguration copy() {
        return (OpenMediaConfiguration) super.copy();
    }

    public String getOpenMediaService() {
        return openMediaService;
    }

    public void setOpenMediaService(String openMediaService) {
        this.openMediaService = openMediaService;
    }

    public String getInteractionId() {
        return interactionId;
    }

    public void setInteractionId(String interactionId) {
        this.interactionId = interactionId;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getParentInteractionId() {
        return parentInteractionId;
    }

    public void setParentInteractionId(String parentInteractionId) {
        this.parentInteractionId = parentInteractionId;
    }

    public boolean isIdempotentCreate() {
        return idempotentCreate;
    }

    public void setIdempotentCreate(boolean idempotentCreate) {
        this.idempotentCreate = idempotentCreate;
    }

    public String getReasonSystemName() {
        return reasonSystemName;
    }

    public void setReasonSystemName(String reasonSystemName) {
        this.reasonSystemName = reasonSystemName;
    }

    public String getReasonDescription() {
        return reasonDescription;
    }

    public void setReasonDescription(String reasonDescription) {
        this.reasonDescription = reasonDescription;
    }
}
