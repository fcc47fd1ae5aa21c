package io.camelgenesys.kamelets;

import org.apache.camel.component.seda.SedaComponent;

import io.camelgenesys.core.test.docs.DocExamples;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.simulator.DigitalChannels;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * YAML routes from kamelet:genesys-messaging-webhook-source, served by camel-platform-http-main's Vert.x server on a
 * free port, with the simulator's dispatcher playing Genesys: it signs the exact bytes it sends with the channel secret
 * and redelivers on 5xx.
 */
class GenesysMessagingWebhookKameletTest extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String SMS = Messaging.DEFAULT_SMS_CHANNEL;
    private static final String CONSUMER = "16504661149";
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // outside Camel Main the platform-http server is registered explicitly (CAMEL-21741)
        MainHttpServer server = new MainHttpServer();
        server.setPort(port);
        context.addService(server);
        return context;
    }

    @BeforeEach
    void quickRedeliveries() {
        dc().webhooks().setRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    private DigitalChannels dc() {
        return SIM.simulator().digitalChannels();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The Kamelet on {@code path} with the channel secret and {@code extra} parameters, then {@code steps}. */
    private void webhookRoute(String path, String extra, String steps) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    from:
                      uri: kamelet:genesys-messaging-webhook-source
                      parameters:
                        webhookPath: %s
                        secret: %s
                %s
                      steps:
                %s
                """.formatted(path, Messaging.DEFAULT_SMS_SECRET, extra.indent(8).stripTrailing(),
                steps.indent(8).stripTrailing())));
        dc().messaging().setWebhookUrl(SMS, url(path));
    }

    @Test
    void aSignedAgentMessageIsEmittedOnceAsJsonWithItsHeaders() throws Exception {
        webhookRoute("/genesys/sms", "", "- to: mock:messages");
        MockEndpoint messages = getMockEndpoint("mock:messages");
        messages.expectedMessageCount(1);

        WebhookDelivery delivery = dc().sendAgentText(SMS, CONSUMER, "Your order has shipped").await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(delivery.messageId(), delivery.answeredMessageId(), "Genesys got the messageId it expects");
        messages.assertIsSatisfied();
        Exchange exchange = messages.getReceivedExchanges().get(0);
        JsonNode message = JSON.readTree(exchange.getMessage().getBody(String.class));
        assertEquals("Your order has shipped", message.path("text").asText());
        assertEquals("Text", message.path("type").asText());
        assertEquals(CONSUMER, message.path("channel").path("to").path("id").asText());
        assertEquals(delivery.messageId(), exchange.getMessage().getHeader("CamelGenesysWebhookMessageId"));
        assertEquals(SMS, exchange.getMessage().getHeader("CamelGenesysWebhookChannelId"));
        assertEquals(CONSUMER, exchange.getMessage().getHeader("CamelGenesysWebhookTo"));
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndEmitsNothing() throws Exception {
        webhookRoute("/genesys/sms", "", "- to: mock:messages");
        String url = url("/genesys/sms");

        WebhookDelivery forged = dc().webhooks().deliverMessage(url, "not-the-secret",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)).await(WAIT);
        WebhookDelivery unsigned = dc().webhooks().deliverMessage(url, null,
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "unsigned", null)).await(WAIT);

        assertEquals(WebhookDelivery.State.REJECTED, forged.state());
        assertEquals(List.of(403), statuses(forged));
        assertEquals(WebhookDelivery.State.REJECTED, unsigned.state());
        assertEquals(List.of(401), statuses(unsigned));
        assertEquals(0, getMockEndpoint("mock:messages").getReceivedCounter());
    }

    @Test
    void aFailedExchangeIsRedeliveredByGenesysAndEmittedAgainOnlyThen() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        context.getRegistry().bind("flaky", (Processor) e -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the CRM is down");
            }
        });
        webhookRoute("/genesys/flaky", "responseTimeout: 5000", """
                - process:
                    ref: flaky
                - to: mock:processed
                """);

        WebhookDelivery delivery = dc().sendAgentText(SMS, CONSUMER, "Retry me").await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(List.of(500, 200), statuses(delivery));
        assertFalse(delivery.attempts().get(0).body().contains("the CRM is down"), "no exception goes back");
        assertEquals(2, attempts.get());
        assertEquals(1, getMockEndpoint("mock:processed").getReceivedCounter(), "processed exactly once");
    }

    private static List<Integer> statuses(WebhookDelivery delivery) {
        return delivery.attempts().stream().map(WebhookDelivery.Attempt::status).toList();
    }

    /**
     * The Kamelet example of the genesys-messaging page, as the page shows it (its docs test checks the region), with a
     * channel secret that has the characters a URI gives a meaning to: a Base64 secret has {@code +}, and Camel read
     * it as a space from the page's former {@code secret: "{{channel.secret}}"}, so every signature was refused.
     */
    @Test
    void thePagesExampleEmitsEachAgentMessageAsJson() throws Exception {
        String secret = "k9+Xw/&p#q=";
        dc().messaging().addChannel(SMS, "sms", secret);
        context.addComponent("kafka", new SedaComponent());
        context.getPropertiesComponent().addInitialProperty("channel.secret", secret);
        DocExamples.addRoutes(context, "yaml", null, "messaging-webhook-source");
        dc().messaging().setWebhookUrl(SMS, url("/genesys/sms"));

        WebhookDelivery delivery = dc().sendAgentText(SMS, CONSUMER, "Your order has shipped").await(WAIT);

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        Exchange exchange = consumer().receive("kafka:agent-messages", 20_000);
        assertEquals("Your order has shipped",
                JSON.readTree(exchange.getMessage().getBody(String.class)).path("text").asText());
        assertEquals(delivery.messageId(), exchange.getMessage().getHeader("CamelGenesysWebhookMessageId"));
    }
}
