package io.camelgenesys.examples.springboot;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Counts what each poll of the {@code contacts-reconciliation} scan (camel/contacts-reconciliation.xml) reads, for
 * {@code GET /reconciliation}. The scan streams, so a poll's count is known at its last contact, the one with
 * {@code CamelBatchComplete=true}; a real application would compare the contacts with the CRM here.
 */
@Component("reconciliation")
public class Reconciliation {

    private final AtomicInteger lastPollCount = new AtomicInteger(-1);
    private final AtomicLong completedPolls = new AtomicLong();

    public void onContact(@ExchangeProperty(Exchange.BATCH_INDEX) int index,
            @ExchangeProperty(Exchange.BATCH_COMPLETE) boolean last) {
        if (last) {
            lastPollCount.set(index + 1);
            completedPolls.incrementAndGet();
        }
    }

    public Map<String, Object> snapshot() {
        return Map.of("lastPollCount", lastPollCount.get(), "completedPolls", completedPolls.get());
    }
}
