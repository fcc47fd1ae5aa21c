package io.camelgenesys.messaging.securemail;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-securemail: the shared ones and the Secure Email API's. Paging is index/count: {@code index}
 * is the first item's position, {@code pageSize} the count; {@code pageAll} reads every page. The API exists on Genesys
 * Multicloud CX only, so {@code platform} is {@code multicloud} here.
 */
@UriParams
public class SecureEmailConfiguration extends GenesysConfiguration {

    @UriParam(label = "producer",
              description = "list, count: the consumer's email address whose secure emails are read (required); the"
                            + " CamelGenesysAddress header overrides it.")
    private String address;

    @UriParam(label = "producer", enums = "unread,read,all",
              description = "list, count: which secure emails: unread, read or all (Genesys' default); the"
                            + " CamelGenesysStatus header overrides it.")
    private String status;

    @UriParam(label = "producer",
              description = "list: the position of the first secure email to read (0, Genesys' default, is the"
                            + " oldest); the CamelGenesysIndex header overrides it. The page size is pageSize (Genesys'"
                            + " count, 10 by default).")
    private Integer index;

    @UriParam(label = "producer",
              description = "The secure box: 3 to 16 letters or digits that keep the conversations of one contact with"
                            + " different departments apart; the CamelGenesysSecurebox header overrides it.")
    private String securebox;

    @UriParam(label = "producer",
              description = "get, markRead, delete, getUserData: the secure email's id; the CamelGenesysSecureMailId header"
                            + " overrides it.")
    private String secureMailId;

    @UriParam(label = "producer", defaultValue = "false",
              description = "get: also mark the secure email read. Careful: for an inbound secure email this STOPS its"
                            + " interaction from being routed to an agent (Genesys' read=true). Off by default, so that"
                            + " reading an email changes nothing; the CamelGenesysRead header overrides it.")
    private boolean read;

    @UriParam(label = "producer", enums = "delete,purge", defaultValue = "delete",
              description = "delete: delete hides the secure email from lists but keeps it in the contact database"
                            + " (still readable by id); purge removes it from both. To mark an email read, use the"
                            + " markRead operation (Genesys' remove=read). The CamelGenesysRemove header overrides it.")
    private String remove = "delete";

    @UriParam(label = "producer",
              description = "create: the operationId Genesys echoes in its answer; the CamelGenesysOperationId header or an"
                            + " operationId in the body override it.")
    private String operationId;

    public SecureEmailConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public SecureEmailConfiguration copy() {
        return (SecureEmailConfiguration) super.copy();
    }

    @Override
    public void validate() {
        super.validate();
        SecureEmailRequests.checkRemove("delete", remove);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public String getSecurebox() {
        return securebox;
    }

    public void setSecurebox(String securebox) {
        this.securebox = securebox;
    }

    public String getSecureMailId() {
        return secureMailId;
    }

    public void setSecureMailId(String secureMailId) {
        this.secureMailId = secureMailId;
    }

    public boolean isRead() {
        return read;
    }

    public void setRead(boolean read) {
        this.read = read;
    }

    public String getRemove() {
        return remove;
    }

    public void setRemove(String remove) {
        this.remove = remove;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }
}
