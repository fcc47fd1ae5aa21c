package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts of the Statistics service on their own: the catalogue, the subscriptions store and the timers. What a
 * client sees of them together is in {@link StatisticsApiTest} and {@link StatisticsNotificationsTest}.
 */
class StatisticsPartsTest {

    @Test
    void theCatalogueChecksWhatCanBeOpenedAndMovesValuesOn() {
        StatisticsCatalogue catalogue = new StatisticsCatalogue();
        catalogue.define("CurrentAgentState", StatisticsCatalogue.Kind.AGENT_STATE, "Agent");
        catalogue.define("Calls", StatisticsCatalogue.Kind.GROWING, "Queue");
        catalogue.addObject("Agent", "agent2");
        catalogue.addObject("Queue", "q");
        assertNull(catalogue.checkOpenable("CurrentAgentState", "Agent", "agent2"));
        assertEquals("Statistic 'Nope' is not configured", catalogue.checkOpenable("Nope", "Agent", "agent2"));
        assertEquals("Statistic 'Calls' does not apply to object type 'Agent'",
                catalogue.checkOpenable("Calls", "Agent", "agent2"));
        assertEquals("Object 'x' of type 'Agent' does not exist", catalogue.checkOpenable(null, "Agent", "x"));

        StatisticsCatalogue.Key calls = new StatisticsCatalogue.Key("Calls", "Queue", "q");
        assertEquals(Map.of("value", 0L), catalogue.current(calls).value());
        catalogue.advance(Set.of(calls), 42);
        catalogue.advance(Set.of(calls), 43);
        assertEquals(new StatisticsCatalogue.Value(Map.of("value", 2L), 43), catalogue.current(calls));
        catalogue.set(calls, Map.of("value", 9));
        assertEquals(Map.of("value", 9), catalogue.current(calls).value());
        catalogue.clearValues();
        assertEquals(Map.of("value", 0L), catalogue.current(calls).value(), "the generation starts again");
        assertEquals(Set.of("CurrentAgentState", "Calls"), catalogue.statisticNames());
    }

    @Test
    void theSubscriptionsStoreKeepsTheCookieAndTheOwnValuesOfDefinitions() {
        StatisticsSubscriptions store = new StatisticsSubscriptions();
        StatisticsSubscriptions.OpenStatistic named = new StatisticsSubscriptions.OpenStatistic("a", "Calls", "Queue",
                "q", null);
        StatisticsSubscriptions.OpenStatistic defined = new StatisticsSubscriptions.OpenStatistic("b", null, "Queue",
                "q", Map.of("category", "TotalTime"));
        StatisticsSubscriptions.Subscription s = store.open("sub", "sub", List.of(named, defined), "browser-1");
        assertNotNull(s);
        assertNull(store.open("sub", "sub", List.of(named), null), "an id is open once");
        assertEquals("browser-1", store.get("sub").cookie());
        assertEquals(Map.of("value", 0L), store.own(defined).value());
        store.advanceOwn(defined, 7);
        assertEquals(new StatisticsCatalogue.Value(Map.of("value", 1L), 7), store.own(defined));
        assertTrue(store.rebind("sub", "browser-2"));
        assertEquals("browser-2", store.get("sub").cookie());
        assertFalse(store.rebind("nope", "x"));
        store.published("sub", 99);
        assertEquals(99, store.lastPublishNanos("sub"));
        assertTrue(store.close("sub"));
        assertEquals(0, store.lastPublishNanos("sub"));
        assertEquals(0, store.count());
    }

    @Test
    void aTickArmedBeforeTheGeneratorChangedDoesNothing() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger ends = new AtomicInteger();
        StatisticsTimers[] holder = new StatisticsTimers[1];
        // the epoch check and the count happen under the lock the test changes the timers under, as the simulator's
        // own callbacks run under its lock: a tick that passed its check before a change cannot count after it
        Object lock = new Object();
        StatisticsTimers timers = new StatisticsTimers(epoch -> {
            synchronized (lock) {
                if (holder[0].isGeneratorEpoch(epoch)) {
                    ticks.incrementAndGet();
                }
            }
        }, epoch -> {
            synchronized (lock) {
                if (holder[0].isOutageEpoch(epoch)) {
                    ends.incrementAndGet();
                }
            }
        });
        holder[0] = timers;
        timers.setInterval(Duration.ofMillis(10));
        Thread.sleep(50);
        assertEquals(0, ticks.get(), "not before start");
        timers.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ticks.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(ticks.get() >= 3);
        int stopped;
        synchronized (lock) {
            timers.setInterval(Duration.ZERO);
            stopped = ticks.get();
        }
        Thread.sleep(60);
        assertEquals(stopped, ticks.get(), "off");

        synchronized (lock) {
            timers.endOutageAfter(Duration.ofMillis(30));
            timers.endOutageAfter(Duration.ofMillis(60)); // moves the end; the first never fires
        }
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ends.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(60);
        assertEquals(1, ends.get());
        synchronized (lock) {
            timers.endOutageAfter(Duration.ofMillis(30));
            timers.cancelOutageEnd();
        }
        Thread.sleep(80);
        assertEquals(1, ends.get(), "cancelled");
        timers.stop();
    }
}
