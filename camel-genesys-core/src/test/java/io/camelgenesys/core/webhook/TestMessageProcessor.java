package io.camelgenesys.core.webhook;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The two hooks a messaging-style webhook overrides: payload in as a model, {@code {"messageId": ...}} out. */
class TestMessageProcessor extends GenesysWebhookProcessor {

    static final String MESSAGE_ID_HEADER = "TestMessageId";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    TestMessageProcessor(Endpoint endpoint, GenesysWebhookConfiguration configuration, Processor next) {
        super(endpoint, configuration, next);
    }

    @Override
    protected void onVerified(Exchange exchange, byte[] body) throws Exception {
        exchange.getMessage().setBody(MAPPER.readValue(body, Map.class));
    }

    @Override
    protected void onSuccess(Exchange exchange) throws Exception {
        String id = exchange.getMessage().getHeader(MESSAGE_ID_HEADER, String.class);
        respondJson(exchange, 200, MAPPER.writeValueAsString(Map.of("messageId", id)));
    }
}
