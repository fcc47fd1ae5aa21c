package io.camelgenesys.messaging.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.messaging.MessagingComponent;
import io.camelgenesys.messaging.MessagingConstants;
import io.camelgenesys.messaging.interactions.InteractionsComponent;
import io.camelgenesys.messaging.interactions.InteractionsConstants;
import io.camelgenesys.messaging.model.InteractionEvent;
import io.camelgenesys.messaging.model.Message;
import io.camelgenesys.messaging.model.MessageIds;
import io.camelgenesys.messaging.model.OpenMediaInteraction;
import io.camelgenesys.messaging.openmedia.OpenMediaComponent;
import io.camelgenesys.messaging.openmedia.OpenMediaConstants;
import io.camelgenesys.messaging.securemail.SecureEmailComponent;
import io.camelgenesys.messaging.securemail.SecureEmailConstants;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.OpenMedia;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One starter, four components, each bound to its own prefix. Routes with no option in their URIs send a signed SMS,
 * create an Open Media workitem, count secure emails, and receive the simulator's signed webhooks (an agent's message,
 * an interaction's STARTED event) on Spring MVC through camel-platform-http-starter on the application's own port; a
 * webhook with a wrong signature never reaches the route; the webhook consumers show in /actuator/health.
 */
@CamelSpringBootTest
@SpringBootTest(classes = MessagingStarterTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.genesys-messaging.api-key=mc-api-key",
                        "camel.component.genesys-messaging.client-id=mc-client",
                        "camel.component.genesys-messaging.client-secret=mc-secret",
                        "camel.component.genesys-messaging.username=agent1",
                        "camel.component.genesys-messaging.password=agent1-password",
                        "camel.component.genesys-messaging.contact-center-id=" + Messaging.DEFAULT_CONTACT_CENTER_ID,
                        "camel.component.genesys-messaging.channel-id=" + Messaging.DEFAULT_SMS_CHANNEL,
                        // one secret per channel, both directions: signs the requests and verifies the webhook
                        "camel.component.genesys-messaging.secret=" + Messaging.DEFAULT_SMS_SECRET,
                        "camel.component.genesys-messaging.response-timeout=5000",
                        "camel.component.genesys-interactions.secret=" + MessagingStarterTest.INTERACTIONS_SECRET,
                        "camel.component.genesys-securemail.api-key=mc-api-key",
                        "camel.component.genesys-securemail.client-id=mc-client",
                        "camel.component.genesys-securemail.client-secret=mc-secret",
                        "camel.component.genesys-securemail.username=agent1",
                        "camel.component.genesys-securemail.password=agent1-password",
                        "camel.component.genesys-openmedia.api-key=mc-api-key",
                        "camel.component.genesys-openmedia.client-id=mc-client",
                        "camel.component.genesys-openmedia.client-secret=mc-secret",
                        "camel.component.genesys-openmedia.username=agent1",
                        "camel.component.genesys-openmedia.password=agent1-password",
                        "camel.component.genesys-openmedia.open-media-service=" + OpenMedia.DEFAULT_SERVICE,
                        "camel.component.genesys-openmedia.idempotent-create=true",
                        "camel.health.exposure-level=full",
                        "management.endpoint.health.show-details=always" })
@DirtiesContext
class MessagingStarterTest {

    static final String INTERACTIONS_SECRET = "interactions-webhook-secret";
    static final String SMS = Messaging.DEFAULT_SMS_CHANNEL;
    static final String CONSUMER = "16504661149";
    static final String NEW_CONSUMER = "16504660000";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    @BeforeAll
    static void startSimulator() {
        SIM.start();
        SIM.digitalChannels().webhooks().setRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        for (String scheme : List.of("genesys-messaging", "genesys-securemail", "genesys-openmedia")) {
            registry.add("camel.component." + scheme + ".base-url", SIM::baseUrl);
        }
    }

    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) {
        try {
            camel.stop();
        } finally {
            SIM.stop();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void pointGenesysAtThisApplication() {
        SIM.digitalChannels().messaging().setWebhookUrl(SMS, url("/genesys/sms"));
        SIM.digitalChannels().setInteractionsWebhook(url("/genesys/interactions"), INTERACTIONS_SECRET);
        MockEndpoint.resetMocks(camelContext);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void eachComponentGetsItsOwnProperties() {
        MessagingComponent messaging = camelContext.getComponent("genesys-messaging", MessagingComponent.class);
        assertEquals(SMS, option(messaging, "channelId"));
        assertEquals(5000L, option(messaging, "responseTimeout"));
        assertEquals(GenesysPlatform.multicloud, option(messaging, "platform"), "unset: the component's default");
        InteractionsComponent interactions = camelContext.getComponent("genesys-interactions",
                InteractionsComponent.class);
        assertEquals(INTERACTIONS_SECRET, option(interactions, "secret"));
        assertEquals(8000L, option(interactions, "responseTimeout"), "unset: the component's default");
        SecureEmailComponent mail = camelContext.getComponent("genesys-securemail", SecureEmailComponent.class);
        assertEquals("mc-client", option(mail, "clientId"));
        OpenMediaComponent openMedia = camelContext.getComponent("genesys-openmedia", OpenMediaComponent.class);
        assertEquals(OpenMedia.DEFAULT_SERVICE, option(openMedia, "openMediaService"));
        assertEquals(true, option(openMedia, "idempotentCreate"));
    }

    @Test
    void producersUseTheBoundCredentialsAndTheBoundChannelSecret() throws Exception {
        Exchange sent = template.request("direct:consumer-says", e -> e.getMessage().setBody("Hi, I need help"));
        MessageIds ids = assertInstanceOf(MessageIds.class, sent.getMessage().getBody());
        assertEquals(1, ids.getIds().size());
        // the simulator verified the X-Hub-Signature of the request with the channel secret, as Digital Channels does
        assertEquals("Hi, I need help", SIM.digitalChannels().messaging().received(SMS).stream()
                .map(m -> m.message().path("text").asText()).filter("Hi, I need help"::equals).findFirst().orElseThrow());

        OpenMediaInteraction workitem = template.requestBodyAndHeader("direct:workitem",
                Map.of("subject", "Broken printer"), OpenMediaConstants.EXTERNAL_ID, "CASE-1", OpenMediaInteraction.class);
        OpenMediaInteraction again = template.requestBodyAndHeader("direct:workitem",
                Map.of("subject", "Broken printer"), OpenMediaConstants.EXTERNAL_ID, "CASE-1", OpenMediaInteraction.class);
        assertEquals(workitem.getId(), again.getId(), "idempotent-create bound: the existing workitem");

        template.requestBody("direct:mail-create", Map.of("emailAddress", "ann@example.com", "subject", "Order 42"));
        assertEquals(1, template.requestBodyAndHeader("direct:mail-count", null, SecureEmailConstants.ADDRESS,
                "ann@example.com", Integer.class));
    }

    @Test
    void signedWebhooksReachTheRoutesOnTheApplicationsPort() throws Exception {
        MockEndpoint messages = camelContext.getEndpoint("mock:sms", MockEndpoint.class);
        MockEndpoint events = camelContext.getEndpoint("mock:interactions", MockEndpoint.class);
        messages.expectedMessageCount(1);
        events.expectedMinimumMessageCount(1);

        // a consumer with no interaction yet: their first message starts one (STARTED to the interactions webhook)
        template.sendBodyAndHeader("direct:consumer-says", "Hello", MessagingConstants.FROM, NEW_CONSUMER);
        WebhookDelivery delivery = SIM.digitalChannels().sendAgentText(SMS, CONSUMER, "How can I help?").await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(delivery.messageId(), delivery.answeredMessageId(), "Genesys got the messageId it expects");
        messages.assertIsSatisfied();
        Exchange received = messages.getReceivedExchanges().get(0);
        assertEquals("How can I help?", assertInstanceOf(Message.class, received.getMessage().getBody()).getText());
        assertEquals(SMS, received.getMessage().getHeader(MessagingConstants.WEBHOOK_CHANNEL_ID));
        events.assertIsSatisfied();
        InteractionEvent started = assertInstanceOf(InteractionEvent.class,
                events.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("STARTED", started.getEvent());
        assertEquals("STARTED", events.getReceivedExchanges().get(0).getMessage()
                .getHeader(InteractionsConstants.EVENT_TYPE));
    }

    /**
     * The signature is over the bytes Genesys sent: a text that is not ASCII (UTF-8, several bytes per character) is
     * verified over those bytes, whatever charset the servlet engine would decode the body with.
     */
    @Test
    void aWebhookWithTextThatIsNotAsciiIsVerifiedOverTheBytesSent() throws Exception {
        MockEndpoint messages = camelContext.getEndpoint("mock:sms", MockEndpoint.class);
        messages.reset();
        messages.expectedMessageCount(1);
        String text = "\u00bfC\u00f3mo puedo ayudar? Gr\u00fc\u00dfe \ud83d\ude00";

        WebhookDelivery delivery = SIM.digitalChannels().sendAgentText(SMS, CONSUMER, text).await(WAIT);

        assertEquals(java.util.List.of(200), delivery.attempts().stream().map(WebhookDelivery.Attempt::status).toList());
        messages.assertIsSatisfied();
        assertEquals(text, assertInstanceOf(Message.class,
                messages.getReceivedExchanges().get(0).getMessage().getBody()).getText());
    }

    @Test
    void aWebhookWithAWrongSignatureNeverReachesTheRoute() throws Exception {
        MockEndpoint messages = camelContext.getEndpoint("mock:sms", MockEndpoint.class);
        WebhookDelivery forged = SIM.digitalChannels().webhooks().deliverMessage(url("/genesys/sms"), "not-the-secret",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)).await(WAIT);
        WebhookDelivery unsigned = SIM.digitalChannels().webhooks().deliverMessage(url("/genesys/sms"), null,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "unsigned", null)).await(WAIT);

        assertEquals(WebhookDelivery.State.REJECTED, forged.state());
        assertEquals(List.of(403), forged.attempts().stream().map(WebhookDelivery.Attempt::status).toList());
        assertEquals(List.of(401), unsigned.attempts().stream().map(WebhookDelivery.Attempt::status).toList());
        assertEquals(0, messages.getReceivedCounter());
    }

    @Test
    void theWebhookConsumersShowInTheActuatorHealthWithoutSecrets() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        String body = health.getBody();
        assertEquals(HttpStatus.OK, health.getStatusCode(), body);
        assertTrue(body.contains("camelHealth"), body);
        assertTrue(body.contains("consumer:sms-webhook") && body.contains("consumer:interactions-webhook"), body);
        assertFalse(body.contains(Messaging.DEFAULT_SMS_SECRET) || body.contains(INTERACTIONS_SECRET)
                    || body.contains("mc-secret") || body.contains("agent1-password") || body.contains("mc-api-key"),
                "credentials in the health report: " + body);
    }

    private static Object option(GenesysComponent component, String name) {
        return ((PropertyConfigurerGetter) component.getComponentPropertyConfigurer()).getOptionValue(component, name,
                true);
    }

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RouteBuilder messagingRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("genesys-messaging:webhook?webhookPath=/genesys/sms").routeId("sms-webhook").to("mock:sms");
                    from("genesys-interactions:webhook?webhookPath=/genesys/interactions")
                            .routeId("interactions-webhook").to("mock:interactions");
                    from("direct:consumer-says").to("genesys-messaging:sendMessage?from=" + CONSUMER);
                    from("direct:workitem").to("genesys-openmedia:create");
                    from("direct:mail-create").to("genesys-securemail:create");
                    from("direct:mail-count").to("genesys-securemail:count");
                }
            };
        }
    }
}
