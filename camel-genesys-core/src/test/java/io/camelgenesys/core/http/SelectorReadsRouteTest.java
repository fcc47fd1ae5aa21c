package io.camelgenesys.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorRouteTestSupport;
import io.camelgenesys.core.test.SelectorReads;
import io.camelgenesys.core.test.TestItem;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's connector ({@code GenesysHttpClient.NonBlockingReadsConnector}) marks the reads of its HTTP/1.1 connections
 * non-blocking, so that Jetty's selector thread reads each REST response and completes it itself (one wake-up per
 * response). Seen through Jetty's own counters ({@link SelectorReads}): the reads of a route's responses are tasks the
 * selector ran itself, not handed to pool threads, and the route after the producer still runs on the worker pool,
 * never on a Jetty thread, with more exchanges in flight than the pool has threads. (An upgraded connection keeps
 * Jetty's own reads: the
 * notifications WebSocket, tested in camel-genesys-conversations' NotificationsUnderLoadRouteTest.)
 */
class SelectorReadsRouteTest extends SimulatorRouteTestSupport {

    @Test
    void eachRestResponseIsReadAndCompletedByTheSelectorThread() throws Exception {
        TestItem item = template.requestBody(route(cloud("createItem", "")), Map.of("name", "read"), TestItem.class);
        List<String> afterProducer = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to(cloud("getItem", "itemId=" + item.getId()))
                        .process(e -> afterProducer.add(Thread.currentThread().getName()));
            }
        });
        SelectorReads selector = SelectorReads.ofOnlyConnection(context);

        int calls = 30;
        long before = selector.onSelector();
        long offBefore = selector.offSelector();
        for (int i = 0; i < calls; i++) {
            TestItem got = template.requestBody("direct:get", null, TestItem.class);
            assertEquals("read", got.getName());
        }
        // Jetty does not need a selector task for every response (one may be read on another path, e.g. when it is
        // already there); every read the selector started, it ran itself: none was handed to a pool thread
        assertEquals(0, selector.offSelector() - offBefore, "reads handed to pool threads: " + selector);
        assertTrue(selector.onSelector() - before > 0, "no read by the selector itself: " + selector);

        // many in flight: each still completed by the selector, the route continuing on the worker pool
        afterProducer.clear();
        int inFlight = 120;
        before = selector.onSelector();
        offBefore = selector.offSelector();
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            all.add(template.asyncRequestBody("direct:get", null));
        }
        for (CompletableFuture<Object> f : all) {
            assertEquals("read", ((TestItem) f.get(30, TimeUnit.SECONDS)).getName());
        }
        // a task may read more than one response (a connection's next response may already be there): count reads
        long onSelector = selector.onSelector() - before;
        long offSelector = selector.offSelector() - offBefore;
        assertTrue(onSelector > 0 && offSelector < onSelector, "the responses were read by the selector itself, not"
                                                                + " handed to pool threads: " + onSelector + " reads on"
                                                                + " the selector, " + offSelector + " off it");
        assertEquals(inFlight, afterProducer.size());
        afterProducer.forEach(t -> assertFalse(t.startsWith("genesys-http-"), "the route ran on Jetty's " + t));
    }
}
