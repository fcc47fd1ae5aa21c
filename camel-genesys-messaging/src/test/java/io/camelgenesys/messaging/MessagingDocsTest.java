package io.camelgenesys.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.messaging.model.SecureEmail;
import io.camelgenesys.messaging.openmedia.OpenMediaComponent;
import io.camelgenesys.messaging.model.OpenMediaInteraction;
import io.camelgenesys.messaging.securemail.SecureEmailComponent;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.OpenMedia;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route example of the genesys-messaging, genesys-interactions, genesys-openmedia and genesys-securemail pages
 * is a tagged region of this class (Java) or of its YAML and XML files under {@code src/test/resources/docs}, and runs
 * here in each DSL the page shows, over real HTTP against the simulator (and, for the CRM table, a real H2 database):
 * the Genesys credentials, contact center and channel set once on the components (as the pages say), the channel
 * secret and the SMS gateway properties. The SMS gateway is a platform-http route of the test on the same server.
 * {@link DocExamples} checks that the pages show exactly these regions. One simulator for the class.
 */
class MessagingDocsTest extends WebhookTestSupport {

    private static final List<Path> PAGES = List.of(Path.of("src/main/docs/genesys-messaging-component.adoc"),
            Path.of("src/main/docs/genesys-interactions-component.adoc"),
            Path.of("src/main/docs/genesys-openmedia-component.adoc"),
            Path.of("src/main/docs/genesys-securemail-component.adoc"));
    private static final String CONSUMER = "16504661149";
    private static final String ANN = "ann@example.com";

    private final JdbcDataSource crm = new JdbcDataSource();

    @Override
    protected void doPostSetup() throws Exception {
        MessagingConfiguration messaging = context.getComponent("genesys-messaging", MessagingComponent.class)
                .getConfiguration();
        for (GenesysConfiguration c : List.of(messaging,
                context.getComponent("genesys-openmedia", OpenMediaComponent.class).getConfiguration(),
                context.getComponent("genesys-securemail", SecureEmailComponent.class).getConfiguration())) {
            SimulatorSupport.multicloud(c, sim());
        }
        messaging.setContactCenterId(Messaging.DEFAULT_CONTACT_CENTER_ID);
        messaging.setChannelId(SMS);
        messaging.setSecret(SMS_SECRET);
        Properties props = new Properties();
        props.setProperty("channel.secret", SMS_SECRET);
        props.setProperty("sms.gateway", "127.0.0.1:" + port + "/sms-gateway");
        context.getPropertiesComponent().setOverrideProperties(props);
        // the one DataSource of the registry: camel-sql uses it without a dataSource option
        crm.setURL("jdbc:h2:mem:crm" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        context.getRegistry().bind("crm", crm);
    }

    @Test
    void everyRouteExampleOfThePagesIsCodeATestRuns() {
        List<String> problems = new ArrayList<>();
        PAGES.forEach(page -> problems.addAll(DocExamples.check(page)));
        assertEquals(List.of(), problems);
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------ genesys-messaging

    static final class SmsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::sms[]
            // an agent writes: the message, as JSON text, to the gateway, and a receipt to Genesys
            from("genesys-messaging:webhook?webhookPath=/genesys/sms&secret=RAW({{channel.secret}})&outputType=string")
                .to("http:{{sms.gateway}}/send")
                .setHeader("CamelGenesysMessageId", header("CamelGenesysWebhookMessageId"))
                .setHeader("CamelGenesysTo", header("CamelGenesysWebhookTo"))
                .to("genesys-messaging:sendReceipt?receiptStatus=Delivered&channelId=0123456789");

            // the consumer answers: the gateway posts it here, and gets Genesys' answer as JSON text
            from("platform-http:/sms/inbound")
                .setHeader("CamelGenesysFrom", header("phone"))
                .setBody(header("text"))
                .to("genesys-messaging:sendMessage?channelId=0123456789&outputType=string");
            // end::sms[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theSmsGatewayExampleBridgesBothWays(String dsl) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the SMS provider's HTTP API
                from("platform-http:/sms-gateway/send").convertBodyTo(String.class).to("mock:sms-gateway");
            }
        });
        DocExamples.addRoutes(context, dsl, new SmsRoutes(), "sms");
        dc().messaging().setWebhookUrl(SMS, url("/genesys/sms"));
        MockEndpoint gateway = getMockEndpoint("mock:sms-gateway");
        gateway.expectedMessageCount(1);

        // the consumer writes: the gateway posts it to the platform-http route, which hands it to Genesys
        HttpResponse<String> posted = post("/sms/inbound?phone=" + CONSUMER + "&text=Hello", "");
        assertEquals(200, posted.statusCode(), posted.body());
        Messaging.InboundMessage received = dc().messaging().received(SMS).get(0);
        assertEquals("Hello", received.message().path("text").asText());
        assertEquals(CONSUMER, received.message().path("channel").path("from").path("id").asText());

        // the agent answers: the signed webhook reaches the route, which hands it to the gateway and sends the receipt
        WebhookDelivery answer = done(dc().sendAgentText(SMS, CONSUMER, "How can I help?"));
        assertEquals(WebhookDelivery.State.DELIVERED, answer.state());
        gateway.assertIsSatisfied();
        String sent = gateway.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertTrue(sent.contains("How can I help?"), sent);
        List<Messaging.Receipt> receipts = dc().messaging().receipts(answer.messageId());
        assertEquals(1, receipts.size(), "the receipt of the agent's message");
        assertEquals("Delivered", receipts.get(0).status());

        // a forged webhook is refused and never reaches the route
        WebhookDelivery forged = done(dc().webhooks().deliverMessage(url("/genesys/sms"), "not-the-secret",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)));
        assertEquals(List.of(403), statuses(forged));
        assertEquals(1, gateway.getReceivedCounter());
    }

    static final class WebhookRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::webhook[]
            from("genesys-messaging:webhook?webhookPath=/genesys/messages&secret=RAW({{channel.secret}})")
                .to("direct:deliver");
            // end::webhook[]
        }
    }

    @Test
    void theWebhookExampleHandsEachAgentMessageToTheRoute() throws Exception {
        deliverRoute();
        context.addRoutes(new WebhookRoutes());
        dc().messaging().setWebhookUrl(SMS, url("/genesys/messages"));
        assertAgentMessageDelivered();
    }

    /** The Quarkus section's route: the channel secret is the component's, as the section's properties set it. */
    @Test
    void theQuarkusWebhookExampleHandsEachAgentMessageToTheRoute() throws Exception {
        deliverRoute();
        DocExamples.addRoutes(context, "yaml", null, "quarkus-webhook");
        dc().messaging().setWebhookUrl(SMS, url("/genesys/sms"));
        assertAgentMessageDelivered();
    }

    private void deliverRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:deliver").to("mock:deliver");
            }
        });
    }

    private void assertAgentMessageDelivered() throws Exception {
        MockEndpoint deliver = getMockEndpoint("mock:deliver");
        deliver.expectedMessageCount(1);
        deliver.expectedHeaderReceived("CamelGenesysWebhookTo", CONSUMER);
        assertEquals(WebhookDelivery.State.DELIVERED, done(dc().sendAgentText(SMS, CONSUMER, "Hi")).state());
        deliver.assertIsSatisfied();
    }

    // ------------------------------------------------------------------------------------------ genesys-interactions

    static final class InteractionsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::interactions[]
            from("genesys-interactions:webhook?webhookPath=/genesys/interactions&secret=RAW({{interactions.secret}})")
                .filter(header("CamelGenesysEventType").isEqualTo("FINISHED"))
                .to("sql:update crm_case set closed = true where genesys_interaction = :#${header.CamelGenesysEventInteractionId}");
            // end::interactions[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theInteractionsExampleClosesTheCaseOfAFinishedInteraction(String dsl) throws Exception {
        try (var c = crm.getConnection(); var st = c.createStatement()) {
            st.execute("create table crm_case (id int primary key, genesys_interaction varchar(64), closed boolean)");
            st.execute("insert into crm_case values (1, 'chat-1', false), (2, 'chat-2', false)");
        }
        DocExamples.addRoutes(context, dsl, new InteractionsRoutes(), "interactions");
        String self = sim().baseUrl() + "/nexus/v3/chat/sessions/s/";

        WebhookDelivery events = done(dc().webhooks().deliverEvents(url("/genesys/interactions"), INTERACTIONS_SECRET,
                WebhookPayloads.interactionEvents(null, List.of(
                        new WebhookPayloads.InteractionEvent(WebhookPayloads.STARTED, "chat-1", "chat", "SMS", self + "chat-1"),
                        new WebhookPayloads.InteractionEvent(WebhookPayloads.FINISHED, "chat-2", "chat", "SMS",
                                self + "chat-2")))));

        assertEquals(WebhookDelivery.State.DELIVERED, events.state());
        try (var c = crm.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select id from crm_case where closed")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1), "only the FINISHED interaction's case");
            assertTrue(!rs.next());
        }
    }

    // ------------------------------------------------------------------------------------------ genesys-openmedia

    static final class OpenMediaRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::openmedia[]
            from("seda:crm-cases")                                                       // CRM records, e.g. from a queue
                .setHeader("CamelGenesysExternalId", simple("${body[caseNumber]}"))
                .to("genesys-openmedia:create?openMediaService=salesforce&idempotentCreate=true");

            from("direct:case-closed")
                .setHeader("CamelGenesysExternalId", simple("${body[caseNumber]}"))
                .to("genesys-openmedia:stop?openMediaService=salesforce&reasonSystemName=Resolved");
            // end::openmedia[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theOpenMediaExampleMakesOneWorkitemOfACaseSentTwiceThenStopsIt(String dsl) throws Exception {
        DocExamples.addRoutes(context, dsl, new OpenMediaRoutes(), "openmedia");
        int creates = sim().requests().count("POST", "/nexus/v3/openmedia/salesforce/interactions");

        template.sendBody("seda:crm-cases", Map.of("caseNumber", "00042", "subject", "Broken printer"));
        template.sendBody("seda:crm-cases", Map.of("caseNumber", "00042", "subject", "Broken printer"));
        Await.until("both cases sent", 20_000,
                () -> sim().requests().count("POST", "/nexus/v3/openmedia/salesforce/interactions") == creates + 2
                      && context.getInflightRepository().size() == 0);
        assertEquals(1, dc().openMedia().count(OpenMedia.DEFAULT_SERVICE), "idempotentCreate: one workitem");

        OpenMediaInteraction stopped = template.requestBody("direct:case-closed", Map.of("caseNumber", "00042"),
                OpenMediaInteraction.class);

        assertEquals("Stopped", stopped.getState());
        assertEquals("Stopped", dc().openMedia().interactionByExternalId(OpenMedia.DEFAULT_SERVICE, "00042")
                .orElseThrow().path("state").asText());
    }

    // ------------------------------------------------------------------------------------------ genesys-securemail

    static final class SecureEmailRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::securemail[]
            from("platform-http:/portal/messages")                          // a web form
                .to("genesys-securemail:create?securebox=billing&outputType=string");        // answered as JSON text

            from("timer:inbox?period=60000")
                .to("genesys-securemail:list?address=ann@example.com&securebox=billing&status=unread&pageAll=true")
                .split(body()).streaming()
                .to("direct:show");
            // end::securemail[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theSecureEmailExampleCreatesTheFormsEmailAndListsTheInbox(String dsl) throws Exception {
        // an agent's answer waits in Ann's billing box before the timer's first run
        String answer = dc().secureEmail().addOutbound(ANN, "billing", "Invoice 7", "You were charged once.");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:show").to("mock:show");
            }
        });
        MockEndpoint show = getMockEndpoint("mock:show");
        show.expectedMessageCount(1);
        DocExamples.addRoutes(context, dsl, new SecureEmailRoutes(), "securemail");

        show.assertIsSatisfied();
        SecureEmail listed = show.getReceivedExchanges().get(0).getMessage().getBody(SecureEmail.class);
        assertEquals(answer, listed.getSecureMailId());

        int before = dc().secureEmail().count();
        HttpResponse<String> posted = post("/portal/messages",
                "{\"emailAddress\": \"" + ANN + "\", \"subject\": \"Invoice 8\", \"text\": \"Why was I charged twice?\"}");
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(before + 1, dc().secureEmail().count());
        assertTrue(posted.body().contains("secureMailId"), posted.body());
    }
}
