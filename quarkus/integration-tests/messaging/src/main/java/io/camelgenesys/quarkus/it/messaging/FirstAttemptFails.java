package io.camelgenesys.quarkus.it.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelgenesys.messaging.MessagingConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Fails the first attempt of each webhook message (by its id), so that the redelivery is the one processed. */
@ApplicationScoped
@Named("firstAttemptFails")
public class FirstAttemptFails implements Processor {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void process(Exchange exchange) {
        String messageId = exchange.getMessage().getHeader(MessagingConstants.WEBHOOK_MESSAGE_ID, String.class);
        if (seen.add(messageId)) {
            throw new IllegalStateException("the CRM is down for " + messageId);
        }
    }
}
