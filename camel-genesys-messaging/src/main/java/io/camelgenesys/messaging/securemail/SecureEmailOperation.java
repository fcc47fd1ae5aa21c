package io.camelgenesys.messaging.securemail;

import java.util.Map;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;
import io.camelgenesys.core.operation.QueryRule;
import io.camelgenesys.messaging.model.CreateSecureEmailRequest;
import io.camelgenesys.messaging.model.CreateSecureEmailResponse;
import io.camelgenesys.messaging.model.SecureEmail;

/**
 * The genesys-securemail operations, one row each: Genesys Multicloud CX Secure Email ({@code /nexus/v3/securemail},
 * seed 002 L3331-4727). Every answer is an envelope whose {@code status.code} is text ({@code SUCCESS},
 * {@code INVALID_PARAMETER}, {@code FAILURE}, ...); anything but SUCCESS fails the exchange with a
 * {@code GenesysApiException} whose error code is that text. The API's DELETE only marks an email read by default:
 * here that is {@code markRead}, and {@code delete} deletes or purges.
 */
public enum SecureEmailOperation implements GenesysOperation {
    /** The consumer's secure emails, oldest first, a page at a time (index/count); pageAll reads them all. */
    list(OperationSpec.get("/nexus/v3/securemail").query("address", "status", "index", "securebox")
            .paging(PagingStyle.INDEX).multicloud().returns(SecureEmail.class)
            .queryRules(QueryRule.required("address"), SecureEmailRequests.STATUS, SecureEmailRequests.INDEX,
                    SecureEmailRequests.COUNT, SecureEmailRequests.SECUREBOX)),
    /** A secure email from the consumer (a web form), routed to an agent as an email. */
    create(OperationSpec.post("/nexus/v3/securemail").query("securebox").body(CreateSecureEmailRequest.class)
            .multicloud().result("").returns(CreateSecureEmailResponse.class).rules(SecureEmailRequests.CREATE)
            .queryRules(SecureEmailRequests.SECUREBOX).prepare(SecureEmailRequests.CREATE_BODY)),
    count(OperationSpec.get("/nexus/v3/securemail/count").query("address", "status", "securebox").multicloud()
            .result("/data/count").returns(Integer.class)
            .queryRules(QueryRule.required("address"), SecureEmailRequests.STATUS, SecureEmailRequests.SECUREBOX)),
    /** One secure email; with read=true it is also marked read, which stops an inbound email's routing. */
    get(OperationSpec.get("/nexus/v3/securemail/{secureMailId}").query("read").multicloud().result("/secureMail")
            .returns(SecureEmail.class).prepare(SecureEmailRequests.READ_ONLY_WHEN_ASKED)),
    /** Marks it read (Genesys' DELETE with remove=read): it stays, and an inbound email's routing goes on. */
    markRead(OperationSpec.delete("/nexus/v3/securemail/{secureMailId}").multicloud().result("/secureMail")
            .returns(SecureEmail.class).prepare(SecureEmailRequests.MARK_READ)),
    /** Deletes it: remove=delete hides it from lists, remove=purge removes it from the contact database too. */
    delete(OperationSpec.delete("/nexus/v3/securemail/{secureMailId}").query("remove").multicloud()
            .result("/secureMail").returns(SecureEmail.class).prepare(SecureEmailRequests.DELETE)),
    /** The user data of its interaction (Genesys may leave internal keys out). */
    getUserData(OperationSpec.get("/nexus/v3/securemail/{secureMailId}/userdata").multicloud().result("/data")
            .returns(Map.class));

    private final OperationSpec spec;

    SecureEmailOperation(OperationSpec spec) {
        this.spec = spec.only(GenesysPlatform.multicloud);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
