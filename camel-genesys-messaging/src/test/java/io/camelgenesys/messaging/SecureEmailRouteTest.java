package io.camelgenesys.messaging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.messaging.model.CreateSecureEmailResponse;
import io.camelgenesys.messaging.model.SecureEmail;
import io.camelgenesys.messaging.model.SecureEmailContent;
import io.camelgenesys.messaging.securemail.SecureEmailConstants;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-securemail through routes against the simulator's Secure Email API: every operation, index/count paging and
 * pageAll, the read=true side effect (off unless asked), markRead vs delete vs purge, and the text status codes as
 * errors.
 */
class SecureEmailRouteTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    private static final String ANN = "ann@example.com";
    private LogCapture logs;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        logs = LogCapture.install();
        return super.createCamelContext();
    }

    @AfterEach
    void noSecretLogged() {
        try {
            logs.assertNoneContains(List.of("mc-secret", "agent1-password", "mc-api-key"));
        } finally {
            logs.uninstall();
        }
    }

    private String mail(String operation, String options) {
        return "genesys-securemail:" + operation + "?" + SimulatorSupport.multicloud(sim())
               + (options.isEmpty() ? "" : "&" + options);
    }

    private String create(String subject) throws Exception {
        SecureEmailContent content = new SecureEmailContent();
        content.setEmailAddress(ANN);
        content.setFirstName("Ann");
        content.setSubject(subject);
        content.setText("About my order");
        content.setUserData(Map.of("orderId", "42"));
        CreateSecureEmailResponse created = template.requestBody(route(mail("create", "operationId=op-7")), content,
                CreateSecureEmailResponse.class);
        return created.getSecureMailId();
    }

    @Test
    void createGetCountAndUserData() throws Exception {
        String created = route(mail("create", "operationId=op-7"));
        SecureEmailContent content = new SecureEmailContent();
        content.setEmailAddress(ANN);
        content.setSubject("Order 42");
        content.setUserData(Map.of("orderId", "42"));

        Exchange exchange = template.request(created, e -> e.getMessage().setBody(content));

        CreateSecureEmailResponse answer = assertInstanceOf(CreateSecureEmailResponse.class, exchange.getMessage().getBody());
        assertNotNull(answer.getSecureMailId());
        assertEquals("op-7", answer.getOperationId(), "Genesys echoes the operationId");
        assertEquals("SUCCESS", answer.getStatus().getCode());
        assertEquals("/nexus/v3/securemail/" + answer.getSecureMailId(), answer.getSelfUri());

        SecureEmail mail = template.requestBodyAndHeader(route(mail("get", "")), null,
                SecureEmailConstants.SECURE_MAIL_ID, answer.getSecureMailId(), SecureEmail.class);
        assertEquals("Order 42", mail.getSubject());
        assertEquals("inbound", mail.getDirection());
        assertEquals("unread", mail.getStatus());
        assertNotNull(mail.getCreatedAt());
        assertTrue(sim().digitalChannels().secureEmail().isRouting(answer.getSecureMailId()),
                "a plain get changes nothing: the email is still routed");

        Integer count = template.requestBody(route(mail("count", "address=" + ANN + "&status=unread")), null,
                Integer.class);
        assertEquals(1, count);

        Map<?, ?> userData = template.requestBodyAndHeader(route(mail("getUserData", "")), null,
                SecureEmailConstants.SECURE_MAIL_ID, answer.getSecureMailId(), Map.class);
        assertEquals("42", userData.get("orderId"));
    }

    @Test
    void readTrueMarksItReadAndStopsItsRoutingOnlyWhenAsked() throws Exception {
        String id = create("Stop routing me");
        String get = route(mail("get", "secureMailId=" + id));

        template.requestBody(get, (Object) null);
        assertTrue(sim().digitalChannels().secureEmail().isRouting(id));
        assertEquals(1, sim().requests().count("GET", "/nexus/v3/securemail/*"));

        SecureEmail read = template.requestBodyAndHeader(get, null, SecureEmailConstants.READ, true, SecureEmail.class);

        assertEquals("read", read.getStatus());
        assertFalse(sim().digitalChannels().secureEmail().isRouting(id), "read=true stops the inbound routing");
    }

    @Test
    void listPagesByIndexAndCountAndPageAllReadsEveryPage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create("mail " + i));
        }

        Exchange first = template.request(route(mail("list", "address=" + ANN + "&pageSize=3")), e -> {
        });
        List<?> page = assertInstanceOf(List.class, first.getMessage().getBody());
        assertEquals(ids.subList(0, 3), page.stream().map(m -> ((SecureEmail) m).getSecureMailId()).toList());
        assertEquals(3, first.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_SIZE));

        List<?> third = template.requestBodyAndHeader(route(mail("list", "address=" + ANN + "&pageSize=3")), null,
                SecureEmailConstants.INDEX, 6, List.class);
        assertEquals(List.of(ids.get(6)), third.stream().map(m -> ((SecureEmail) m).getSecureMailId()).toList());

        Iterator<?> all = template.requestBody(route(mail("list", "address=" + ANN + "&pageSize=3&pageAll=true")), null,
                Iterator.class);
        List<String> every = new ArrayList<>();
        all.forEachRemaining(m -> every.add(((SecureEmail) m).getSecureMailId()));
        assertEquals(ids, every);
        assertEquals(2 + 3, sim().requests().count("GET", "/nexus/v3/securemail"),
                "two single pages, then pageAll's three (3, 3, 1: it stops at the short page)");
    }

    /**
     * A later page of pageAll answered HTTP 200 with an error status.code (seed 002 L239: "All other status codes
     * indicate an error"): the iteration ends with that error after the items already read. Before the fix only the
     * first page's envelope was checked: the failed page had no data, read as the last page, and the listing ended
     * silently with the first 3 of 7 emails.
     */
    @Test
    void anErrorStatusOnALaterPageEndsPageAllWithTheErrorNotSilently() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create("mail " + i));
        }
        Iterator<?> all = template.requestBody(route(mail("list", "address=" + ANN + "&pageSize=3&pageAll=true")), null,
                Iterator.class);
        // the first page was read by the producer; the next one is fetched as the iteration needs it
        sim().faults().on("GET", "/nexus/v3/securemail").status(200)
                .body("{\"status\":{\"code\":\"FAILURE\",\"message\":\"Contact database unavailable\"}}").times(1);
        List<String> read = new ArrayList<>();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> all.forEachRemaining(m -> read.add(((SecureEmail) m).getSecureMailId())));
        assertEquals(ids.subList(0, 3), read, "the items before the failed page reach the caller");
        GenesysApiException cause = assertInstanceOf(GenesysApiException.class, e.getCause(), () -> stackTrace(e));
        assertEquals("FAILURE", cause.getErrorCode());
        assertEquals(200, cause.getHttpStatus());
        assertTrue(e.getMessage().contains("Contact database unavailable"), e.getMessage());
        assertFalse(all.hasNext(), "the failed page is not fetched again");
    }

    @Test
    void markReadDeleteAndPurgeAreThreeOperations() throws Exception {
        String keep = create("mark me read");
        String hide = create("delete me");
        String gone = create("purge me");

        SecureEmail read = template.requestBody(route(mail("markRead", "secureMailId=" + keep)), null, SecureEmail.class);
        assertEquals("read", read.getStatus());
        assertTrue(sim().digitalChannels().secureEmail().isRouting(keep), "remove=read does not stop the routing");

        SecureEmail deleted = template.requestBody(route(mail("delete", "secureMailId=" + hide)), null, SecureEmail.class);
        assertEquals(Boolean.TRUE, deleted.getDeleted(), "remove=delete by default");
        assertNotNull(template.requestBody(route(mail("get", "secureMailId=" + hide)), null, SecureEmail.class),
                "a deleted email is still readable by id");

        template.requestBody(route(mail("delete", "remove=purge&secureMailId=" + gone)), (Object) null);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(mail("get", "secureMailId=" + gone)), (Object) null));
        GenesysApiException notFound = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertEquals(404, notFound.getHttpStatus());
        assertEquals("FAILURE", notFound.getErrorCode(), "the text status code is the error code");
        assertTrue(notFound.getMessage().contains("(FAILURE)"), notFound.getMessage());
    }

    @Test
    void removeReadIsNotADeletion() throws Exception {
        Exception atCreation = assertThrows(Exception.class, () -> route(mail("delete", "remove=read&secureMailId=x")));
        assertTrue(stackTrace(atCreation).contains("use the markRead operation"), stackTrace(atCreation));

        String delete = route(mail("delete", "secureMailId=x"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(delete, null, SecureEmailConstants.REMOVE, "true"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("use the markRead operation"), e.getCause().getMessage());
        assertEquals(0, sim().requests().count("DELETE", "/nexus/v3/securemail/*"));
    }

    @Test
    void documentedErrorsMapToExceptions() throws Exception {
        // a contact the database does not know: 404 FAILURE
        CamelExecutionException unknown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(mail("list", "address=nobody@example.com")), (Object) null));
        GenesysApiException notFound = assertInstanceOf(GenesysApiException.class, unknown.getCause());
        assertEquals(404, notFound.getHttpStatus());
        assertEquals("FAILURE", notFound.getErrorCode());

        // a bad body: 400 INVALID_PARAMETER from Genesys (here, a field the component does not check)
        String created = route(mail("create", ""));
        CamelExecutionException invalid = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(created, "{\"data\":{\"emailAddress\":\"ann@example.com\",\"userData\":\"x\"}}"));
        GenesysApiException badRequest = assertInstanceOf(GenesysApiException.class, invalid.getCause());
        assertEquals(400, badRequest.getHttpStatus());
        assertEquals("INVALID_PARAMETER", badRequest.getErrorCode());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertRefused(route(mail("list", "")), null, "address is required");
        assertRefused(route(mail("list", "address=" + ANN + "&securebox=x!")), null,
                "securebox must be 3 to 16 letters");
        assertRefused(route(mail("count", "address=" + ANN + "&status=new")), null, "status must be unread, read or all");
        assertRefused(route(mail("list", "address=" + ANN + "&pageSize=0")), null, "count must be between 1");
        assertRefused(route(mail("create", "")), Map.of("firstName", "Ann"), "data.emailAddress is required");
        assertRefused(route(mail("create", "")), Map.of("emailAddress", "not-an-address"),
                "must be a valid email address");
        assertRefused(route(mail("get", "")), null, "The secureMailId is required");
        assertEquals(0, sim().requests().count("*", "/nexus/v3/**"));
    }

    @Test
    void theAgentsAnswerIsListedAsOutbound() throws Exception {
        create("Question");
        String answer = sim().digitalChannels().secureEmail().addOutbound(ANN, null, "Re: Question", "Here you go");

        List<?> unread = template.requestBody(route(mail("list", "address=" + ANN + "&status=unread")), null, List.class);

        SecureEmail last = (SecureEmail) unread.get(unread.size() - 1);
        assertEquals(answer, last.getSecureMailId());
        assertEquals("outbound", last.getDirection());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json").to(mail("get", "outputType=json&secureMailId=" + answer));
            }
        });
        assertEquals("Here you go", template.requestBody("direct:json", null,
                com.fasterxml.jackson.databind.JsonNode.class).path("text").asText());
    }

    private void assertRefused(String from, Object body, String expected) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, body));
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), () -> stackTrace(e));
        assertTrue(e.getCause().getMessage().contains(expected),
                () -> "expected '" + expected + "' in: " + e.getCause().getMessage());
    }
}
