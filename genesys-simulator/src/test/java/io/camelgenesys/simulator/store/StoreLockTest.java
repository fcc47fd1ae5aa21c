package io.camelgenesys.simulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Json;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store lock rules every simulated API relies on: a guarded route holds exactly the locks it declares, taken in
 * rank order whatever the declaration order; a store touched without its lock fails the request (500) instead of
 * racing; out-of-order acquisition and read-to-write upgrades throw instead of deadlocking.
 */
class StoreLockTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    static final HttpClient http = new HttpClient();

    @BeforeAll
    static void startClient() throws Exception {
        http.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        http.stop();
    }

    ContentResponse get(String path) throws Exception {
        return http.newRequest(SIM.simulator().baseUrl() + path).timeout(10, TimeUnit.SECONDS).send();
    }

    @Test
    void aGuardedRouteHoldsItsDeclaredLocksInRankOrder() throws Exception {
        StoreLock first = new StoreLock("first", 1);
        StoreLock second = new StoreLock("second", 2);
        EntityTable table = new EntityTable("/t", second);
        // Declared in the opposite order: the guard still takes rank 1 before rank 2 (the other way round throws,
        // see outOfOrderAcquisitionAndUpgradesThrowInsteadOfDeadlocking), so the request is served.
        SIM.simulator().routes().add("GET", "/lock-test/guarded", Auth.NONE, StoreLock.guard(request -> {
            first.checkRead();
            second.checkWrite();
            table.insert(Json.object().put("name", "x"));
            return ApiResponse.ok(Json.object().put("size", table.size()));
        }).writing(second).reading(first));
        ContentResponse response = get("/lock-test/guarded");
        assertEquals(200, response.getStatus(), response.getContentAsString());
        assertEquals(1, Json.parse(response.getContentAsString()).get("size").asInt());
        assertThrows(IllegalStateException.class, first::checkRead, "released after the request");
        assertThrows(IllegalStateException.class, second::checkRead, "released after the request");
    }

    @Test
    void aStoreTouchedWithoutItsLockFailsTheRequest() throws Exception {
        EntityTable table = new EntityTable("/t", new StoreLock("unguarded", 1));
        SIM.simulator().routes().add("GET", "/lock-test/unguarded", Auth.NONE,
                request -> ApiResponse.ok(Json.object().put("size", table.size())));
        ContentResponse response = get("/lock-test/unguarded");
        assertEquals(500, response.getStatus());
        assertTrue(response.getContentAsString().contains("The unguarded store was read without holding its lock"),
                response.getContentAsString());

        StoreLock readOnly = new StoreLock("read-only", 1);
        EntityTable guarded = new EntityTable("/t", readOnly);
        SIM.simulator().routes().add("GET", "/lock-test/read-then-write", Auth.NONE, StoreLock.guard(
                request -> ApiResponse.ok(guarded.insert(Json.object()))).reading(readOnly));
        ContentResponse write = get("/lock-test/read-then-write");
        assertEquals(500, write.getStatus());
        assertTrue(write.getContentAsString().contains("changed without holding its write lock"),
                write.getContentAsString());
        assertEquals(0, readOnly.reading(guarded::size), "nothing was written");
    }

    @Test
    void outOfOrderAcquisitionAndUpgradesThrowInsteadOfDeadlocking() {
        StoreLock low = new StoreLock("low", 1);
        StoreLock high = new StoreLock("high", 2);
        IllegalStateException order = assertThrows(IllegalStateException.class,
                () -> high.reading(() -> low.reading(() -> "never")));
        assertTrue(order.getMessage().contains("low (rank 1) taken while holding high (rank 2)"), order.getMessage());
        assertEquals("ok", low.reading(() -> high.writing(() -> "ok")), "ascending rank is allowed");

        IllegalStateException upgrade = assertThrows(IllegalStateException.class,
                () -> low.reading(() -> low.writing(() -> "never")));
        assertTrue(upgrade.getMessage().contains("cannot be upgraded"), upgrade.getMessage());
        assertEquals("ok", low.writing(() -> low.reading(() -> "ok")), "a writer may read");
        assertEquals("ok", low.reading(() -> low.reading(() -> "ok")), "reads are reentrant");

        assertThrows(IllegalArgumentException.class,
                () -> StoreLock.guard(request -> null).reading(low, new StoreLock("twin", 1)),
                "two stores of one rank have no defined order");
    }

    @Test
    void readersShareAndWritersExclude() throws Exception {
        StoreLock lock = new StoreLock("shared", 1);
        CountDownLatch bothReading = new CountDownLatch(2);
        List<Throwable> failures = new ArrayList<>();
        Runnable reader = () -> lock.reading(() -> {
            bothReading.countDown();
            try {
                // Two readers inside at once, or this waits out its timeout.
                return bothReading.await(10, TimeUnit.SECONDS) ? null : failures.add(new AssertionError("alone"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failures.add(e);
            }
        });
        Thread a = new Thread(reader);
        Thread b = new Thread(reader);
        a.start();
        b.start();
        a.join();
        b.join();
        assertTrue(failures.isEmpty(), failures.toString());

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> lock.writing(() -> {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        writer.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        List<String> order = new ArrayList<>();
        Thread late = new Thread(() -> lock.reading(() -> order.add("reader")));
        late.start();
        late.join(200);
        assertFalse(order.contains("reader"), "a reader waits for the writer");
        release.countDown();
        late.join(10_000);
        writer.join(10_000);
        assertEquals(List.of("reader"), order);
    }
}
