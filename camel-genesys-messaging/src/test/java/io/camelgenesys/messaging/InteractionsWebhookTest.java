package io.camelgenesys.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.messaging.interactions.InteractionsConstants;
import io.camelgenesys.messaging.model.EventsPayload;
import io.camelgenesys.messaging.model.InteractionEvent;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.WebhookDelivery;
import io.camelgenesys.simulator.WebhookPayloads;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("genesys-interactions:webhook")} through real HTTP, the simulator's Digital Channels sending the
 * STARTED/FINISHED events of chat sessions and secure emails as they happen, and its dispatcher redelivering anything
 * but 200.
 */
class InteractionsWebhookTest extends WebhookTestSupport {

    private static final String PATH = "/genesys/interactions";
    private static final String CONSUMER = "16504661149";

    private void interactionsRoute(String options, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=" + PATH + "&secret=RAW({{interactions.secret}})"
                     + (options.isEmpty() ? "" : "&" + options)).routeId("interactions").to(to);
            }
        });
        dc().setInteractionsWebhook(url(PATH), INTERACTIONS_SECRET);
    }

    @Test
    void aChatStartedByAConsumerMessageAndFinishedByTheAgent() throws Exception {
        interactionsRoute("", "mock:events");
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:consumer-says").to("genesys-messaging:sendMessage?" + SimulatorSupport.multicloud(sim())
                                                 + "&contactCenterId=" + Messaging.DEFAULT_CONTACT_CENTER_ID
                                                 + "&channelId=" + SMS + "&secret=RAW({{sms.secret}})&from=" + CONSUMER);
            }
        });

        template.sendBody("direct:consumer-says", "Hi, I need help");
        // STARTED and FINISHED are two webhook deliveries, which HTTP does not order: the agent finishes the chat
        // once STARTED has arrived, as an agent can only finish a chat it was offered
        io.camelgenesys.core.test.Await.until("the STARTED event", 10_000, () -> events.getReceivedCounter() >= 1);
        WebhookDelivery finished = dc().finishChat(SMS, CONSUMER);
        done(finished);

        events.assertIsSatisfied();
        Exchange started = events.getReceivedExchanges().get(0);
        InteractionEvent event = assertInstanceOf(InteractionEvent.class, started.getMessage().getBody());
        assertEquals("STARTED", event.getEvent());
        assertEquals("chat", event.getEntity().getMediaType());
        assertEquals("SMS", event.getEntity().getInteractionSubtype());
        assertEquals("STARTED", started.getMessage().getHeader(InteractionsConstants.EVENT_TYPE));
        assertEquals(event.getEntity().getId(), started.getMessage().getHeader(InteractionsConstants.EVENT_INTERACTION_ID));
        assertEquals("chat", started.getMessage().getHeader(InteractionsConstants.EVENT_MEDIA_TYPE));
        assertEquals("SMS", started.getMessage().getHeader(InteractionsConstants.EVENT_INTERACTION_SUBTYPE));
        Exchange finishedExchange = events.getReceivedExchanges().get(1);
        assertEquals("FINISHED", finishedExchange.getMessage().getHeader(InteractionsConstants.EVENT_TYPE));
        assertEquals(event.getEntity().getId(),
                finishedExchange.getMessage().getHeader(InteractionsConstants.EVENT_INTERACTION_ID));

        assertEquals(List.of(200), statuses(finished));
        JsonNode answer = GenesysJson.parse(finished.attempts().get(0).body().getBytes());
        assertEquals(0, answer.path("status").path("code").asInt());
        assertEquals(event.getEntity().getId(), answer.path("data").path("ids").path(0).path("id").asText(),
                "the answer is the seed's EventsResponse");
    }

    @Test
    void oneExchangePerEventOrOnePerPayloadWithBatch() throws Exception {
        interactionsRoute("", "mock:events");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=/genesys/batch&batch=true"
                     + "&secret=RAW({{interactions.secret}})").to("mock:batch");
            }
        });
        JsonNode payload = WebhookPayloads.interactionEvents("op-1", List.of(
                new WebhookPayloads.InteractionEvent("STARTED", "mail-1", "email", "InboundNew", "/nexus/v3/securemail/mail-1"),
                new WebhookPayloads.InteractionEvent("FINISHED", "chat-1", "chat", "WhatsApp", "/x/chat-1")));

        done(dc().webhooks().deliverEvents(url(PATH), INTERACTIONS_SECRET, payload));
        done(dc().webhooks().deliverEvents(url("/genesys/batch"), INTERACTIONS_SECRET, payload));

        MockEndpoint events = getMockEndpoint("mock:events");
        assertEquals(2, events.getReceivedCounter());
        assertEquals("op-1", events.getReceivedExchanges().get(1).getMessage()
                .getHeader(InteractionsConstants.EVENT_OPERATION_ID));
        assertEquals("WhatsApp", events.getReceivedExchanges().get(1).getMessage()
                .getHeader(InteractionsConstants.EVENT_INTERACTION_SUBTYPE));
        MockEndpoint batch = getMockEndpoint("mock:batch");
        assertEquals(1, batch.getReceivedCounter());
        EventsPayload whole = assertInstanceOf(EventsPayload.class, batch.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals(2, whole.getData().getEntities().size());
    }

    @Test
    void aFailedEventMakesGenesysRedeliverAndOnlyThatEventRunsAgain() throws Exception {
        AtomicInteger mailCalls = new AtomicInteger();
        AtomicInteger chatCalls = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=" + PATH + "&secret=RAW({{interactions.secret}})")
                        .process(e -> {
                            String id = e.getMessage().getHeader(InteractionsConstants.EVENT_INTERACTION_ID, String.class);
                            if (id.equals("mail-1")) {
                                mailCalls.incrementAndGet();
                            } else if (chatCalls.incrementAndGet() == 1) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        });
            }
        });
        JsonNode payload = WebhookPayloads.interactionEvents(null, List.of(
                new WebhookPayloads.InteractionEvent("STARTED", "mail-1", "email", "InboundNew", null),
                new WebhookPayloads.InteractionEvent("STARTED", "chat-1", "chat", "SMS", null)));

        WebhookDelivery delivery = done(dc().webhooks().deliverEvents(url(PATH), INTERACTIONS_SECRET, payload));

        assertEquals(List.of(500, 200), statuses(delivery));
        assertEquals(WebhookDelivery.State.DELIVERED, delivery.state());
        assertEquals(1, mailCalls.get(), "the event that succeeded is not processed again");
        assertEquals(2, chatCalls.get());
    }

    /**
     * {@code operationId} is optional (seed 002 L3256-3258): without it an event is recognized by its interaction id and
     * its event, which an interaction has once each (STARTED when it is created, FINISHED when it is stopped, seed 002
     * L3108-3111). An event without an interaction id is passed on again at each delivery (nothing identifies it).
     */
    @Test
    void withoutAnOperationIdARedeliveredEventIsRecognizedByItsInteractionAndEvent() throws Exception {
        AtomicInteger mailCalls = new AtomicInteger();
        AtomicInteger chatCalls = new AtomicInteger();
        AtomicInteger anonymousCalls = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=" + PATH + "&secret=RAW({{interactions.secret}})")
                        .process(e -> {
                            String id = e.getMessage().getHeader(InteractionsConstants.EVENT_INTERACTION_ID, String.class);
                            if (id == null) {
                                anonymousCalls.incrementAndGet();
                            } else if (id.equals("mail-1")) {
                                mailCalls.incrementAndGet();
                            } else if (chatCalls.incrementAndGet() == 1) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        });
            }
        });
        byte[] payload = ("{\"data\":{\"entities\":["
                          + "{\"event\":\"STARTED\",\"entity\":{\"id\":\"mail-1\",\"mediaType\":\"email\"}},"
                          + "{\"event\":\"STARTED\",\"entity\":{}},"
                          + "{\"event\":\"STARTED\",\"entity\":{\"id\":\"chat-1\",\"mediaType\":\"chat\"}}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url(PATH),
                INTERACTIONS_SECRET, payload, "no-operation-id"));
        WebhookDelivery again = done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url(PATH),
                INTERACTIONS_SECRET, payload, "no-operation-id"));

        assertEquals(List.of(500, 200), statuses(delivery));
        assertEquals(List.of(200), statuses(again));
        assertEquals(1, mailCalls.get(), "the event that succeeded is not processed again");
        assertEquals(2, chatCalls.get(), "the failed event runs again, once");
        assertEquals(3, anonymousCalls.get(), "an event without an interaction id has no key: it runs at each delivery");
    }

    @Test
    void withoutAnOperationIdARedeliveredBatchIsRecognizedByItsEvents() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=/genesys/batch&batch=true"
                     + "&secret=RAW({{interactions.secret}})").to("mock:batch");
            }
        });
        byte[] payload = ("{\"data\":{\"entities\":["
                          + "{\"event\":\"STARTED\",\"entity\":{\"id\":\"mail-1\"}},"
                          + "{\"event\":\"FINISHED\",\"entity\":{\"id\":\"chat-1\"}}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] other = ("{\"data\":{\"entities\":["
                        + "{\"event\":\"FINISHED\",\"entity\":{\"id\":\"mail-1\"}}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        for (byte[] body : List.of(payload, payload, other)) {
            assertEquals(List.of(200), statuses(done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS,
                    url("/genesys/batch"), INTERACTIONS_SECRET, body, "no-operation-id"))));
        }

        assertEquals(2, getMockEndpoint("mock:batch").getReceivedCounter(), "the same events once, other events again");
    }

    /**
     * A payload that carries no event (an empty or missing list, only nulls) is acknowledged without calling the route,
     * with batch=true as without: the batch route got an EventsPayload with nothing in it, which the page says it
     * does not.
     */
    @Test
    void aPayloadWithoutEventsIsAcknowledgedWithoutCallingTheRouteWithOrWithoutBatch() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("genesys-interactions:webhook?webhookPath=/genesys/batch&batch=true"
                     + "&secret=RAW({{interactions.secret}})").to("mock:batch");
                from("genesys-interactions:webhook?webhookPath=/genesys/each"
                     + "&secret=RAW({{interactions.secret}})").to("mock:each");
            }
        });
        List<String> bodies = List.of("{\"operationId\":\"op-empty\",\"data\":{\"entities\":[]}}",
                "{\"operationId\":\"op-nulls\",\"data\":{\"entities\":[null]}}",
                "{\"data\":{}}", "{}");
        for (String path : List.of("/genesys/batch", "/genesys/each")) {
            for (String body : bodies) {
                assertEquals(List.of(200), statuses(done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS,
                        url(path), INTERACTIONS_SECRET, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "empty"))), path + " " + body);
            }
        }
        assertEquals(0, getMockEndpoint("mock:batch").getReceivedCounter(), "no event: the batch route is not called");
        assertEquals(0, getMockEndpoint("mock:each").getReceivedCounter());
    }

    @Test
    void aBadSignatureIsNeverRoutedAndGenesysKeepsTrying() throws Exception {
        interactionsRoute("", "mock:events");
        JsonNode payload = WebhookPayloads.interactionEvents(null, List.of(
                new WebhookPayloads.InteractionEvent("STARTED", "x", "chat", "SMS", null)));

        WebhookDelivery forged = done(dc().webhooks().deliverEvents(url(PATH), "not-the-secret", payload));

        assertEquals(WebhookDelivery.State.EXHAUSTED, forged.state(), "anything but 200 is redelivered");
        assertTrue(statuses(forged).stream().allMatch(s -> s == 403), statuses(forged)::toString);
        assertEquals(0, getMockEndpoint("mock:events").getReceivedCounter());
    }

    @Test
    void aRedeliveredPayloadIsNotProcessedTwice() throws Exception {
        interactionsRoute("", "mock:events");
        JsonNode payload = WebhookPayloads.interactionEvents("op-dup", List.of(
                new WebhookPayloads.InteractionEvent("FINISHED", "mail-9", "email", "InboundNew", null)));

        assertEquals(List.of(200), statuses(done(dc().webhooks().deliverEvents(url(PATH), INTERACTIONS_SECRET, payload))));
        assertEquals(List.of(200), statuses(done(dc().webhooks().deliverEvents(url(PATH), INTERACTIONS_SECRET, payload))));

        assertEquals(1, getMockEndpoint("mock:events").getReceivedCounter());
    }

    @Test
    void theSeedsSampleWithAnEmptyEntityIsAcknowledged() throws Exception {
        interactionsRoute("", "mock:events");
        byte[] sample = "{\"operationId\":\"string\",\"data\":{\"entities\":[{\"event\":\"STARTED\",\"entity\":{}}]}}"
                .getBytes();

        WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url(PATH),
                INTERACTIONS_SECRET, sample, "string"));

        assertEquals(List.of(200), statuses(delivery));
        assertEquals(1, getMockEndpoint("mock:events").getReceivedCounter());
    }

    /**
     * A {@code null} among the events carries nothing: it is skipped, and the payload's other events are processed. It
     * refused the whole payload with "it cannot be read (NullPointerException)", which Genesys redelivers until it gives
     * up: the other events were lost.
     */
    @Test
    void aNullAmongTheEventsIsSkippedAndTheOthersAreProcessed() throws Exception {
        interactionsRoute("", "mock:events");
        byte[] payload = ("{\"operationId\":\"op-null\",\"data\":{\"entities\":[null,"
                          + "{\"event\":\"FINISHED\",\"entity\":{\"id\":\"chat-7\"}}]}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url(PATH),
                INTERACTIONS_SECRET, payload, "op-null"));

        assertEquals(List.of(200), statuses(delivery));
        MockEndpoint events = getMockEndpoint("mock:events");
        assertEquals(1, events.getReceivedCounter());
        assertEquals("chat-7", events.getReceivedExchanges().get(0).getMessage()
                .getHeader(InteractionsConstants.EVENT_INTERACTION_ID));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsAnswered400NamingWhatIsWrong() throws Exception {
        interactionsRoute("", "mock:events");

        WebhookDelivery delivery = done(dc().webhooks().deliver(WebhookDelivery.Kind.INTERACTION_EVENTS, url(PATH),
                INTERACTIONS_SECRET, "[\"not\", \"events\"]".getBytes(), "array"));

        // Genesys redelivers anything but 200 to the interactions webhook: every attempt is refused the same way
        assertTrue(statuses(delivery).stream().allMatch(s -> s == 400), statuses(delivery).toString());
        assertEquals("{\"status\":{\"code\":400,\"message\":\"Invalid payload: not an EventsPayload: not a JSON"
                     + " object\"}}", delivery.attempts().get(0).body());
        assertEquals(0, getMockEndpoint("mock:events").getReceivedCounter());
    }
}
