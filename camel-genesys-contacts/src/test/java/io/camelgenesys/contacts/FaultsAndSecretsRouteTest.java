package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.test.LogCapture;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults on contacts calls (429, 5xx, expired token, malformed JSON) and no credential in any log line. */
class FaultsAndSecretsRouteTest extends ContactsTestSupport {

    private LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.installWithCamelDebug();
    }

    @AfterEach
    void release() {
        logs.uninstall();
    }

    @Test
    void rateLimitedGetIsRetriedAfterRetryAfter() throws Exception {
        String id = sim().externalContacts().seedContacts(1).get(0);
        sim().faults().on("GET", EC + "/contacts/" + id).status(429).header("Retry-After", "1").times(1);
        ExternalContact got = body("get", "contactId=" + id, null, ExternalContact.class);
        assertEquals(id, got.getId());
        assertEquals(2, sim().requests().count("GET", EC + "/contacts/" + id));
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheCallReplayed() throws Exception {
        String id = sim().externalContacts().seedContacts(1).get(0);
        String r = route(contacts("get", "contactId=" + id));
        template.requestBody(r, (Object) null);
        sim().tokens().revokeAll();
        ExternalContact got = template.requestBody(r, null, ExternalContact.class);
        assertEquals(id, got.getId());
    }

    @Test
    void aBulkBatchRefusedWithA503FailsItsItemsAndIsNotRetried() throws Exception {
        sim().faults().on("POST", EC + "/bulk/contacts/add").status(503).times(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Map.of("firstName", "F" + i, "lastName", "L" + i));
        }
        Exchange e = call("bulkAdd", "bulkFailureMode=continue&bulkBatchSize=3", rows);
        assertNull(e.getException());
        List<?> failures = e.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);
        assertEquals(List.of(0, 1, 2), failures.stream().map(f -> ((BulkFailure) f).index()).toList(),
                "the first batch failed as a whole, nothing silently dropped");
        assertEquals(503, ((BulkFailure) failures.get(0)).status());
        assertEquals(3, sim().externalContacts().contactCount());
        assertEquals(2, sim().requests().count("POST", EC + "/bulk/contacts/add"), "a POST is not retried after 503");
    }

    @Test
    void anExpiredScanCursorFailsTheSplitterWithGenesysReason() throws Exception {
        sim().externalContacts().seedContacts(30);
        sim().externalContacts().scanCursorTtl(java.time.Duration.ofMillis(1));
        List<Object> seen = new ArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:expiring").to(contacts("scan", "pageSize=10&pageAll=true"))
                        .process(e -> Thread.sleep(20)) // let the first page's cursor outlive its 1 ms TTL
                        .split(body()).streaming().stopOnException()
                        .process(e -> seen.add(e.getMessage().getBody()));
            }
        });
        Exchange e = template.request("direct:expiring", x -> {
        });
        assertNotNull(e.getException(), "an expired cursor is an error, not a silently short scan");
        Throwable cause = e.getException();
        while (cause.getCause() != null && !(cause instanceof GenesysApiException)) {
            cause = cause.getCause();
        }
        GenesysApiException api = assertInstanceOf(GenesysApiException.class, cause);
        assertEquals(400, api.getHttpStatus());
        assertTrue(seen.size() <= 10, "only the first page was read: " + seen.size());
    }

    @Test
    void malformedJsonIsAnApiExceptionNotAWrongResult() throws Exception {
        String id = sim().externalContacts().seedContacts(1).get(0);
        sim().faults().on("GET", EC + "/contacts/" + id).status(200).body("{\"id\": ", "application/json").times(1);
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("get", "contactId=" + id + "&retryEnabled=false", null));
        assertNotNull(e.getMessage());
    }

    @Test
    void noCredentialOrTokenIsLogged() throws Exception {
        String id = sim().externalContacts().seedContacts(1).get(0);
        body("get", "contactId=" + id, null, ExternalContact.class);
        call("bulkAdd", "bulkFailureMode=continue", List.of(Map.of("firstName", "A")));
        failure("get", "contactId=missing", null);
        List<String> secrets = List.of(sim().cloudClientSecret(), sim().tokens().lastIssuedAccessToken());
        assertFalse(logs.events().isEmpty(), "the capture saw the routes run");
        logs.assertNoneContains(secrets);
        assertTrue(secrets.stream().allMatch(s -> s != null && !s.isEmpty()));
    }
}
