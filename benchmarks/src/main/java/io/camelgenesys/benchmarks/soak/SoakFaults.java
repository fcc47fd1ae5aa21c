package io.camelgenesys.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.camelgenesys.simulator.FaultRule;
import io.camelgenesys.simulator.GenesysSimulator;

/**
 * The faults of a soak, injected by the simulator on a repeating schedule. One cycle (60 s by default) runs, in
 * order, each fault once; offsets and durations are the default cycle's, scaled to the cycle's length:
 * <pre>
 *   0 s  429 storm:        every API request answered 429 with Retry-After: 1, for 3 s
 *   7 s  5xx burst:        the next 10 requests 500 (not retried), then 503 for 2 s (retried when idempotent)
 *  14 s  dropped:          every API request's connection closed without a response, for 1.5 s
 *  21 s  slow:             every API request answered after requestTimeout + 1 s, for 1.5 s (past the timeout)
 *  28 s  token revocation: every access and refresh token revoked
 *  33 s  CometD restart:   every CometD session dropped (clients handshake again)
 *  38 s  stats outage:     the Statistics service UNAVAILABLE for 3 s (subscriptions dropped, 503s)
 *  46 s  together:         tokens revoked, CometD sessions dropped, token endpoints 503 for 1 s, a 429 storm for 2 s
 * </pre>
 * "API request" is every request of the External Contacts API and of the Statistics subscriptions API
 * ({@link #API_PATHS}); the CometD paths are restarted, not faulted request by request (the Bayeux protocol's own
 * recovery is what a restart tests). The faults stop with {@link #stop()}, which also ends an outage.
 */
final class SoakFaults {

    /** Where request faults apply. */
    static final List<String> API_PATHS = List.of("/api/v2/externalcontacts/**", "/statistics/v3/subscriptions/**");
    static final List<String> TOKEN_PATHS = List.of("/oauth/token", "/auth/v3/oauth/token");

    private static final Duration DEFAULT_CYCLE = Duration.ofSeconds(60);
    /** How many faults {@link #cycle()} injects. */
    static final int FAULTS_PER_CYCLE = 8;

    private final GenesysSimulator sim;
    private final ScheduledExecutorService scheduler;
    private final Duration cycle;
    private final Duration slowDelay;
    private final Consumer<String> log;
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();
    private volatile boolean stopped;

    SoakFaults(GenesysSimulator sim, ScheduledExecutorService scheduler, Duration cycle, Duration requestTimeout,
               Consumer<String> log) {
        this.sim = sim;
        this.scheduler = scheduler;
        this.cycle = cycle;
        this.slowDelay = requestTimeout.plusSeconds(1);
        this.log = log;
    }

    /** Starts the cycles now. */
    void start() {
        synchronized (pending) {
            pending.add(scheduler.scheduleAtFixedRate(this::cycle, 0, cycle.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private void cycle() {
        at(0, "429 storm", () -> during(3_000, storm()));
        at(7_000, "5xx burst", () -> {
            List<FaultRule> rules = new ArrayList<>();
            for (String path : API_PATHS) {
                rules.add(sim.faults().on("*", path).status(500).times(10));
            }
            for (String path : API_PATHS) {
                rules.add(sim.faults().on("*", path).status(503));
            }
            during(2_000, rules);
        });
        at(14_000, "dropped connections", () -> during(1_500, rules(r -> r.drop())));
        at(21_000, "slow responses", () -> during(1_500, rules(r -> r.delay(slowDelay))));
        at(28_000, "token revocation", () -> sim.tokens().revokeAll());
        at(33_000, "CometD restart", () -> sim.cometd().dropAllSessions());
        at(38_000, "statistics outage", () -> sim.statistics().outage(scaled(3_000)));
        at(46_000, "all at once", () -> {
            sim.tokens().revokeAll();
            sim.cometd().dropAllSessions();
            List<FaultRule> tokens = new ArrayList<>();
            for (String path : TOKEN_PATHS) {
                tokens.add(sim.faults().on("POST", path).status(503));
            }
            during(1_000, tokens);
            during(2_000, storm());
        });
    }

    private List<FaultRule> storm() {
        return rules(r -> r.status(429).header("Retry-After", "1"));
    }

    private List<FaultRule> rules(Consumer<FaultRule> action) {
        List<FaultRule> rules = new ArrayList<>();
        for (String path : API_PATHS) {
            FaultRule rule = sim.faults().on("*", path);
            action.accept(rule);
            rules.add(rule);
        }
        return rules;
    }

    /** Removes the rules after the (scaled) duration. */
    private void during(long defaultMillis, List<FaultRule> rules) {
        schedule(scaled(defaultMillis).toMillis(), () -> rules.forEach(sim.faults()::remove));
    }

    private void at(long defaultOffsetMillis, String what, Runnable fault) {
        schedule(scaled(defaultOffsetMillis).toMillis(), () -> {
            injected.computeIfAbsent(what, k -> new LongAdder()).increment();
            log.accept(what);
            fault.run();
        });
    }

    private void schedule(long delayMillis, Runnable action) {
        synchronized (pending) {
            if (stopped) {
                return;
            }
            pending.removeIf(ScheduledFuture::isDone);
            pending.add(scheduler.schedule(() -> {
                // under the lock: stop() waits for a fault under way, so that no rule it adds comes after the clear
                synchronized (pending) {
                    if (!stopped) {
                        action.run();
                    }
                }
            }, delayMillis, TimeUnit.MILLISECONDS));
        }
    }

    /** A duration or offset of the 60 s cycle, scaled to this one's length. */
    private Duration scaled(long defaultMillis) {
        return Duration.ofMillis(defaultMillis * cycle.toMillis() / DEFAULT_CYCLE.toMillis());
    }

    /** Stops injecting: no further fault, every rule removed, an outage ended. */
    void stop() {
        synchronized (pending) {
            stopped = true;
            pending.forEach(f -> f.cancel(false));
            pending.clear();
        }
        sim.faults().clear();
        if (!sim.statistics().isAvailable()) {
            sim.statistics().serviceAvailable();
        }
    }

    /** Whether every fault of the cycle was injected at least once. */
    boolean everyFaultInjected() {
        return injected.size() >= FAULTS_PER_CYCLE;
    }

    /** How often each fault was injected. */
    Map<String, Long> injected() {
        Map<String, Long> m = new TreeMap<>();
        injected.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
