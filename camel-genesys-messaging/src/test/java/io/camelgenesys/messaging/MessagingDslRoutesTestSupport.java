package io.camelgenesys.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.messaging.model.CreateSecureEmailResponse;
import io.camelgenesys.messaging.model.OpenMediaInteraction;
import io.camelgenesys.messaging.model.SecureEmail;
import io.camelgenesys.messaging.model.SecureEmailContent;
import io.camelgenesys.messaging.openmedia.OpenMediaComponent;
import io.camelgenesys.messaging.securemail.SecureEmailComponent;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.OpenMedia;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The same routes in a DSL file ({@code routes/messaging.xml} or {@code .yaml}), loaded as users deploy them, with the
 * Genesys credentials, contact center and channel set once on the components as the pages say, over real HTTP: a
 * consumer's SMS posted to a platform-http route reaches Genesys signed, the agent's answer arrives on the signed
 * webhook and is receipted, a forged webhook is refused, the FINISHED event closes the case, CRM cases become one
 * workitem each and are stopped, and a web form becomes a secure email the inbox lists.
 */
abstract class MessagingDslRoutesTestSupport extends WebhookTestSupport {

    private static final String CONSUMER = "16504661149";
    private static final String ANN = "ann@example.com";

    /** The classpath resource of the routes. */
    abstract String routes();

    @BeforeEach
    void loadRoutes() throws Exception {
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
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + routes()));
        dc().messaging().setWebhookUrl(SMS, url("/genesys/sms"));
        dc().setInteractionsWebhook(url("/genesys/interactions"), INTERACTIONS_SECRET);
    }

    @Test
    void anSmsConversationThroughTheGatewayRoutesAndTheWebhooks() throws Exception {
        MockEndpoint gateway = getMockEndpoint("mock:sms-gateway");
        MockEndpoint closed = getMockEndpoint("mock:closed");
        gateway.expectedMessageCount(1);
        closed.expectedMessageCount(1);

        // the consumer writes: the gateway posts it to the platform-http route, which hands it to Genesys
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/sms/inbound?phone=" + CONSUMER + "&text=Hello"))).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        Messaging.InboundMessage received = dc().messaging().received(SMS).get(0);
        assertEquals(received.id(), posted.body(), "the route answers the id Genesys accepted");
        assertEquals("Hello", received.message().path("text").asText());
        assertEquals(CONSUMER, received.message().path("channel").path("from").path("id").asText());

        // the agent answers: the signed webhook reaches the route, which delivers it and sends the receipt
        WebhookDelivery answer = done(dc().sendAgentText(SMS, CONSUMER, "How can I help?"));
        assertEquals(WebhookDelivery.State.DELIVERED, answer.state());
        gateway.assertIsSatisfied();
        assertEquals("How can I help?", assertInstanceOf(io.camelgenesys.messaging.model.Message.class,
                gateway.getReceivedExchanges().get(0).getMessage().getBody()).getText());
        List<Messaging.Receipt> receipts = dc().messaging().receipts(answer.messageId());
        assertEquals(1, receipts.size(), "the receipt of the agent's message");
        assertEquals("Delivered", receipts.get(0).status());

        // the chat ends: the FINISHED event passes the filter
        assertEquals(WebhookDelivery.State.DELIVERED, done(dc().finishChat(SMS, CONSUMER)).state());
        closed.assertIsSatisfied();
        assertEquals("FINISHED", closed.getReceivedExchanges().get(0).getMessage().getHeader("GenesysEventType"));
    }

    @Test
    void aForgedWebhookIsRefusedAndNeverReachesTheRoute() throws Exception {
        WebhookDelivery forged = done(dc().webhooks().deliverMessage(url("/genesys/sms"), "not-the-secret",
                WebhookPayloads.textMessage(SMS, "sms", SMS, CONSUMER, "forged", null)));

        assertEquals(WebhookDelivery.State.REJECTED, forged.state());
        assertEquals(List.of(403), statuses(forged));
        assertEquals(0, getMockEndpoint("mock:sms-gateway").getReceivedCounter());
        assertEquals(0, dc().messaging().receipts().size(), "no receipt for what never arrived");
    }

    @Test
    void crmCasesAreOneWorkitemEachAndAreStopped() throws Exception {
        MockEndpoint workitems = getMockEndpoint("mock:workitems");
        workitems.expectedMessageCount(2);

        template.sendBody("direct:crm-cases", Map.of("caseNumber", "00042", "subject", "Broken printer"));
        template.sendBody("direct:crm-cases", Map.of("caseNumber", "00042", "subject", "Broken printer"));
        OpenMediaInteraction stopped = template.requestBody("direct:case-closed", Map.of("caseNumber", "00042"),
                OpenMediaInteraction.class);

        workitems.assertIsSatisfied();
        String first = workitems.getReceivedExchanges().get(0).getMessage().getBody(OpenMediaInteraction.class).getId();
        assertEquals(first, workitems.getReceivedExchanges().get(1).getMessage().getBody(OpenMediaInteraction.class)
                .getId(), "idempotentCreate: the second is the existing workitem");
        assertEquals(Boolean.TRUE, workitems.getReceivedExchanges().get(1).getMessage().getHeader("GenesysInteractionExisted"));
        assertEquals("Stopped", stopped.getState());
        assertEquals("Stopped", dc().openMedia().interactionByExternalId(OpenMedia.DEFAULT_SERVICE, "00042")
                .orElseThrow().path("state").asText());
    }

    @Test
    void aWebFormBecomesASecureEmailTheInboxLists() throws Exception {
        SecureEmailContent form = new SecureEmailContent();
        form.setEmailAddress(ANN);
        form.setSubject("Invoice 7");
        form.setText("Why was I charged twice?");
        CreateSecureEmailResponse created = template.requestBody("direct:portal", form, CreateSecureEmailResponse.class);
        assertNotNull(created.getSecureMailId());
        MockEndpoint inbox = getMockEndpoint("mock:inbox");
        inbox.expectedMessageCount(1);

        template.sendBody("direct:inbox", null);

        inbox.assertIsSatisfied();
        SecureEmail listed = inbox.getReceivedExchanges().get(0).getMessage().getBody(SecureEmail.class);
        assertEquals(created.getSecureMailId(), listed.getSecureMailId());
        assertEquals("Invoice 7", listed.getSubject());
        assertEquals("billing", dc().secureEmail().get(created.getSecureMailId()).orElseThrow().path("securebox").asText());
    }
}
