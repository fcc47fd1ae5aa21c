package io.camelgenesys.benchmarks.soak;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.camelgenesys.benchmarks.Harness;
import io.camelgenesys.contacts.ContactsEndpoint;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysEndpoint;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Statistics;
import io.camelgenesys.statistics.StatisticsConsumer;
import io.camelgenesys.statistics.StatisticsEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The fault soak (issue 9): routes of genesys-contacts and genesys-stats run for a while against the embedded
 * simulator while it injects faults on a schedule ({@link SoakFaults}), and the soak checks that nothing hangs, nothing
 * is lost or duplicated, every failure is clear, no message holds a secret, and the heap stays flat.
 * <p>
 * The routes (64 by default): CRUD lanes ({@code create}, {@code get}, {@code update}, {@code patch}, {@code get},
 * {@code delete} of their own contacts), scan lanes ({@code scan?pageAll=true} then {@code split(body()).streaming()}
 * over everything, checked against a set of stable contacts), bulk lanes ({@code bulkEnrich} upserts of their own
 * keys) and {@code genesys-stats:subscribe} consumers. See benchmarks/README.md for what is counted and how.
 * <p>
 * Run: see benchmarks/README.md (FaultSoak) for the command; the duration of the faults is the first argument or
 * {@code -Dsoak.duration} (default 10 minutes).
 */
public final class FaultSoak {

    private static final String CONTACTS = "genesys-contacts";
    private static final String STATS = "genesys-stats";
    private static final List<String> STATISTICS = List.of(
            "CurrentAgentState:Agent:agent,TimeInCurrentState:Agent:agent",
            "CurrentAgentState:Agent:agent1,TimeInCurrentState:Agent:agent1",
            "CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2",
            "AverageHandlingTime:Queue:queue1,TimeInCurrentState:Agent:agent3");

    private FaultSoak() {
    }

    /**
     * @param duration        how long the faults run (the routes run a warm-up before and a drain after)
     * @param warmup          the fault-free start, after which the baseline heap is taken
     * @param crudRoutes      contacts CRUD lanes
     * @param scanRoutes      contacts pageAll scan lanes
     * @param bulkRoutes      contacts bulkEnrich lanes
     * @param statsRoutes     genesys-stats:subscribe consumers
     * @param faultCycle      one cycle of every fault ({@link SoakFaults}); 60 s by default
     * @param requestTimeout  the components' requestTimeout (a slow-response fault answers 1 s after it)
     * @param retryMaxDelay   the components' retryMaxDelay (the backoff's cap)
     * @param retryDeadline   the components' retryDeadline (how long a request is retried)
     * @param hungAfter       an exchange that made no progress for this long is hung (a scan progresses per record)
     * @param stableContacts  contacts seeded before the run and never written: every complete scan must see each once
     * @param bulkKeys        keys each bulk lane upserts per exchange
     * @param keepPerLane     contacts a CRUD lane keeps before deleting its oldest
     * @param statsInterval   how often the simulator publishes statistics updates
     */
    public record Settings(Duration duration, Duration warmup, int crudRoutes, int scanRoutes, int bulkRoutes,
                           int statsRoutes, Duration faultCycle, Duration requestTimeout, Duration retryMaxDelay,
                           Duration retryDeadline, Duration hungAfter, int stableContacts, int bulkKeys,
                           int keepPerLane, Duration statsInterval) {

        public Settings {
            if (crudRoutes < 0 || scanRoutes < 0 || bulkRoutes < 0 || statsRoutes < 0
                || crudRoutes + scanRoutes + bulkRoutes + statsRoutes < 1) {
                throw new IllegalArgumentException("The soak needs at least one route: crud " + crudRoutes + ", scan "
                                                   + scanRoutes + ", bulk " + bulkRoutes + ", stats " + statsRoutes);
            }
            if (duration.isNegative() || warmup.isNegative() || faultCycle.toMillis() < 1_000) {
                throw new IllegalArgumentException("duration and warmup must not be negative and the fault cycle at"
                                                   + " least 1 s: " + duration + ", " + warmup + ", " + faultCycle);
            }
        }

        /** 10 minutes, 64 routes (44 CRUD, 8 scan, 8 bulk, 4 statistics), a 60 s fault cycle, the default retries. */
        public static Settings standard() {
            return new Settings(Duration.ofMinutes(10), Duration.ofSeconds(20), 44, 8, 8, 4, Duration.ofSeconds(60),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(300),
                    200, 20, 4, Duration.ofMillis(100));
        }

        /**
         * The smoke run of the tests: 20 s (one fault cycle compressed to 20 s), 12 routes, short timeouts and retry
         * caps so that a hang is told from a slow machine within the test's bound.
         */
        public static Settings smoke() {
            return new Settings(Duration.ofSeconds(20), Duration.ofSeconds(2), 6, 2, 2, 2, Duration.ofSeconds(20),
                    Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(15), Duration.ofSeconds(50),
                    60, 12, 3, Duration.ofMillis(100));
        }

        /**
         * {@link #standard()} ({@link #smoke()} with {@code -Dsoak.smoke=true}) with the {@code soak.*} system
         * properties applied, and the duration as the first argument.
         */
        public static Settings fromSystemProperties(String[] args) {
            Settings d = Boolean.getBoolean("soak.smoke") ? smoke() : standard();
            String duration = args.length > 0 ? args[0] : System.getProperty("soak.duration");
            return new Settings(duration != null ? parse(duration) : d.duration(),
                    property("soak.warmup", d.warmup()),
                    Integer.getInteger("soak.crudRoutes", d.crudRoutes()),
                    Integer.getInteger("soak.scanRoutes", d.scanRoutes()),
                    Integer.getInteger("soak.bulkRoutes", d.bulkRoutes()),
                    Integer.getInteger("soak.statsRoutes", d.statsRoutes()),
                    property("soak.faultCycle", d.faultCycle()),
                    property("soak.requestTimeout", d.requestTimeout()),
                    property("soak.retryMaxDelay", d.retryMaxDelay()),
                    property("soak.retryDeadline", d.retryDeadline()),
                    property("soak.hungAfter", d.hungAfter()),
                    Integer.getInteger("soak.stableContacts", d.stableContacts()),
                    Integer.getInteger("soak.bulkKeys", d.bulkKeys()),
                    Integer.getInteger("soak.keepPerLane", d.keepPerLane()),
                    property("soak.statsInterval", d.statsInterval()));
        }

        private static Duration property(String name, Duration fallback) {
            String v = System.getProperty(name);
            return v == null ? fallback : parse(v);
        }

        /** {@code 10m}, {@code 90s}, {@code 500ms}, {@code 1h}, an ISO-8601 {@code PT10M}, or plain seconds. */
        static Duration parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.startsWith("p")) {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                } else if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                } else if (t.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
                } else if (t.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
                } else if (t.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(t));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not a duration: '" + text + "' (expected e.g. 10m, 90s, 500ms,"
                                                   + " PT10M or seconds)", e);
            }
        }

        int routes() {
            return crudRoutes + scanRoutes + bulkRoutes + statsRoutes;
        }
    }

    /** One line of the report: a component, or a kind of route of it. */
    public record Row(String name, long started, long completed, long failedClear, long failedUnclear, long hung,
                      long lost, long duplicated, long rateLimited, long retries, long requests) {
    }

    /**
     * What a soak found.
     *
     * @param components    one row per component (exchanges, records, 429s and retries of its connection)
     * @param routes        one row per kind of route (429s and retries not split: 0)
     * @param anomalies     lost, duplicated or wrong records, and stalled consumers, described with counts
     * @param secretsFound  where a secret was seen (never the secret), with counts
     * @param heapStart     heap after GC at the baseline (after the warm-up)
     * @param heapEnd       heap after GC at the end (simulator history and the soak's own records released)
     * @param heapHighWater the highest used heap sampled
     * @param misses        the targets missed (empty: all met)
     */
    public record Result(Settings settings, List<Row> components, List<Row> routes, ContactsLedger.Verdict contacts,
                         StatsLedger.Verdict statistics, Map<SoakFailures.Kind, Long> failures,
                         Map<String, Long> anomalies, Map<String, Long> secretsFound, Map<String, Long> warnings,
                         Map<String, Long> faultsInjected, long heapStart, long heapEnd, long heapHighWater,
                         int threadsStart, int threadsEnd, List<String> misses) {

        public long hung() {
            return components.stream().mapToLong(Row::hung).sum();
        }

        public long lost() {
            return components.stream().mapToLong(Row::lost).sum();
        }

        public long duplicated() {
            return components.stream().mapToLong(Row::duplicated).sum();
        }

        public long unclearFailures() {
            return components.stream().mapToLong(Row::failedUnclear).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Result r = run(Settings.fromSystemProperties(args), System.out);
        if (!r.misses().isEmpty() && Boolean.getBoolean("soak.exitCode")) {
            System.exit(1);
        }
    }

    /** Runs the soak and prints the report. */
    public static Result run(Settings s, PrintStream out) throws Exception {
        return new Run(s, out).run();
    }

    /** One soak, start to end. */
    private static final class Run {
        final Settings s;
        final PrintStream out;
        final long t0 = System.nanoTime();
        final SoakFailures failures = new SoakFailures();
        final ContactsLedger ledger = new ContactsLedger();
        final StatsLedger stats = new StatsLedger();
        final Set<String> liveIds = ConcurrentHashMap.newKeySet();
        final Map<String, SoakLanes.Tally> tallies = new LinkedHashMap<>();
        final List<SoakLanes.Lane> lanes = new ArrayList<>();
        final SoakLanes.Tally statsTally = new SoakLanes.Tally("stats subscribe");
        final List<String> hungExamples = new ArrayList<>();
        String threadDump;
        Map<String, Integer> poolsStart = Map.of();
        Map<String, Integer> poolsEnd = Map.of();

        Run(Settings s, PrintStream out) {
            this.s = s;
            this.out = out;
        }

        void log(String what) {
            out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
        }

        Result run() throws Exception {
            out.println("Fault soak: " + s.routes() + " routes (" + s.crudRoutes() + " contacts CRUD, " + s.scanRoutes()
                        + " contacts pageAll scan, " + s.bulkRoutes() + " contacts bulkEnrich, " + s.statsRoutes()
                        + " statistics subscribe) for " + s.duration() + " of faults every " + s.faultCycle()
                        + " after " + s.warmup() + " of warm-up; requestTimeout " + s.requestTimeout().toMillis()
                        + " ms, retryMaxDelay " + s.retryMaxDelay().toMillis() + " ms, retryDeadline "
                        + s.retryDeadline().toMillis() + " ms, hung after " + s.hungAfter().toSeconds() + " s without"
                        + " progress");
            out.println(Harness.environment());
            GenesysSimulator sim = GenesysSimulator.builder().rateLimit(20_000, Duration.ofSeconds(10)).build();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("soak-scheduler"));
            ExecutorService driver = Executors.newFixedThreadPool(4, daemon("soak-driver"));
            HeapWatch heap = new HeapWatch();
            LogCapture logs = LogCapture.install(failures);
            CamelContext camel = null;
            try {
                sim.start();
                secrets(sim);
                List<String> stableIds = sim.externalContacts().seedContacts(s.stableContacts());
                // cursors are kept until they expire (24 h by default): a long run of scans would fill the heap
                sim.externalContacts().scanCursorTtl(Duration.ofMinutes(2));
                stats.attach(sim);
                sim.statistics().setUpdateInterval(s.statsInterval());

                camel = new DefaultCamelContext();
                camel.getCamelContextExtension().setName("fault-soak");
                addRoutes(camel, sim, Set.copyOf(stableIds), driver);
                camel.start();
                for (SoakLanes.Lane lane : lanes) {
                    lane.direct = camel.getEndpoint("direct:" + lane.routeId);
                    lane.producer = lane.direct.createAsyncProducer();
                    ServiceHelper.startService(lane.producer);
                    camel.addService(lane.producer, true);
                }
                scheduler.scheduleAtFixedRate(heap::sample, 0, 250, TimeUnit.MILLISECONDS);
                scheduler.scheduleAtFixedRate(() -> sniffTokens(sim), 0, 20, TimeUnit.MILLISECONDS);
                scheduler.scheduleAtFixedRate(this::watchdog, 1, 1, TimeUnit.SECONDS);
                // the simulator's own history (request counts per path, the publication log) would grow all run
                scheduler.scheduleAtFixedRate(() -> clearHistory(sim), 60, 60, TimeUnit.SECONDS);
                lanes.forEach(SoakLanes.Lane::start);
                log("routes started; warming up");
                sleep(s.warmup());

                // the baseline: lanes paused and drained, the simulator's history cleared
                if (!pause(s.hungAfter())) {
                    log("some exchanges of the warm-up did not complete: see hung");
                }
                clearHistory(sim);
                long heapStart = HeapWatch.afterGc();
                int threadsStart = ManagementFactory.getThreadMXBean().getThreadCount();
                poolsStart = threadsByPool();
                log(String.format(Locale.ROOT, "baseline: heap after GC %.1f MB, %d threads", mb(heapStart),
                        threadsStart));
                lanes.forEach(SoakLanes.Lane::start);

                SoakFaults faults = new SoakFaults(sim, scheduler, s.faultCycle(), s.requestTimeout(), f -> log("fault: " + f));
                faults.start();
                long end = System.nanoTime() + s.duration().toNanos();
                while (System.nanoTime() < end) {
                    sleep(Duration.ofMillis(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000))));
                    if (System.nanoTime() < end) {
                        log(progress(camel));
                    }
                }
                // a run of one cycle (the smoke) ends soon after the cycle's last fault is due (at 46/60 of it):
                // a slow machine's scheduler can fire it later; it is waited for (bounded), so that every fault
                // happened before they stop
                boolean oneCycle = s.duration().compareTo(s.faultCycle()) >= 0;
                if (oneCycle && !await(s.faultCycle(), faults::everyFaultInjected)) {
                    log("not every fault of the cycle was injected " + s.faultCycle().toSeconds() + " s after the end");
                }
                faults.stop();
                log("faults stopped; draining");
                boolean drained = pause(s.hungAfter());
                log(drained ? "every exchange completed" : "exchanges still in flight: counted hung");
                countStillInFlight();

                // statistics: every consumer subscribed again, one last update, everything sent delivered
                boolean converged = converge(camel, sim);
                sim.statistics().setUpdateInterval(Duration.ZERO);
                StatsLedger.Verdict statsVerdict = stats.verdict();

                // contacts: a final scan through the component, judged against the ledger
                List<ContactsLedger.Found> found = finalScan(camel);
                ContactsLedger.Verdict contactsVerdict = ledger.verdict(found, liveIds);
                int stored = sim.externalContacts().contactCount();
                if (stored != found.size()) {
                    failures.recordAnomaly("final scan", "the scan returned " + found.size() + " contacts, the store"
                                                         + " holds " + stored);
                }
                removeOrphans(camel, contactsVerdict.orphanIds());

                List<Row> routeRows = routeRows(contactsVerdict, statsVerdict, converged);
                List<Row> componentRows = componentRows(camel, routeRows);
                Map<String, Long> warnings = logs.lines();
                long highWater = heap.highWater();
                Map<Integer, Long> floor = heap.floorByMinute();

                // the end: the soak's records and the simulator's history released, the routes idle but running
                ledger.release();
                stats.release();
                clearHistory(sim);
                long heapEnd = HeapWatch.afterGc();
                int threadsEnd = ManagementFactory.getThreadMXBean().getThreadCount();
                poolsEnd = threadsByPool();

                Result result = new Result(s, componentRows, routeRows, contactsVerdict, statsVerdict,
                        failures.distinct(), failures.anomalies(), failures.secretsFound(), warnings, faults.injected(),
                        heapStart, heapEnd, highWater, threadsStart, threadsEnd, new ArrayList<>());
                result.misses().addAll(misses(result));
                print(result, floor);
                return result;
            } finally {
                for (SoakLanes.Lane lane : lanes) {
                    lane.running = false;
                }
                logs.uninstall();
                heap.close();
                scheduler.shutdownNow();
                driver.shutdownNow();
                if (camel != null) {
                    try {
                        camel.stop();
                    } catch (Exception e) {
                        out.println("stopping the CamelContext failed: " + e);
                    }
                }
                sim.stop();
            }
        }

        // ---- set-up ------------------------------------------------------------------------------------------

        private void secrets(GenesysSimulator sim) {
            failures.addSecret(sim.cloudClientSecret());
            failures.addSecret(sim.multicloudClientSecret());
            failures.addSecret(sim.multicloudApiKey());
            sim.multicloudUsers().values().forEach(failures::addSecret);
        }

        /** Every token that goes over the wire, so that no message may show it (polled: tokens live for seconds). */
        private void sniffTokens(GenesysSimulator sim) {
            failures.addSecret(sim.tokens().lastIssuedAccessToken());
            for (String path : List.of("/api/v2/**", "/statistics/v3/**")) {
                String auth = sim.requests().lastHeader(path, "Authorization");
                if (auth != null && auth.startsWith("Bearer ")) {
                    failures.addSecret(auth.substring("Bearer ".length()));
                }
            }
        }

        private void clearHistory(GenesysSimulator sim) {
            sniffTokens(sim);
            sim.requests().clear();
            sim.statistics().clearPublications();
        }

        private String connectionOptions(GenesysSimulator sim) {
            return "&requestTimeout=" + s.requestTimeout().toMillis() + "&retryMaxDelay=" + s.retryMaxDelay().toMillis()
                   + "&retryDeadline=" + s.retryDeadline().toMillis()
                   // the client's limiter set to the simulator's budget, as a user sets it to Genesys'
                   + "&rateLimit=20000&rateLimitPeriod=10000";
        }

        private String contactsUri(GenesysSimulator sim, String operation, String more) {
            return CONTACTS + ":" + operation + "?baseUrl=" + sim.baseUrl() + "&clientId=" + sim.cloudClientId()
                   + "&clientSecret=RAW(" + sim.cloudClientSecret() + ")" + connectionOptions(sim) + more;
        }

        private String statsUri(GenesysSimulator sim, String statistics) {
            Map.Entry<String, String> user = sim.multicloudUsers().entrySet().iterator().next();
            return STATS + ":subscribe?platform=multicloud&baseUrl=" + sim.baseUrl() + "&apiKey=RAW("
                   + sim.multicloudApiKey() + ")&clientId=" + sim.multicloudClientId() + "&clientSecret=RAW("
                   + sim.multicloudClientSecret() + ")&username=" + user.getKey() + "&password=RAW(" + user.getValue()
                   + ")" + connectionOptions(sim) + "&statistics=" + statistics;
        }

        private void addRoutes(CamelContext camel, GenesysSimulator sim, Set<String> stable, ExecutorService driver)
                throws Exception {
            SoakLanes.Shared shared = new SoakLanes.Shared(driver, failures, ledger, s.requestTimeout().toNanos(),
                    liveIds);
            SoakLanes.Tally crud = tally("contacts CRUD");
            SoakLanes.Tally scan = tally("contacts scan");
            SoakLanes.Tally bulk = tally("contacts bulkEnrich");
            for (int i = 0; i < s.crudRoutes(); i++) {
                lanes.add(new SoakLanes.CrudLane(i, crud, shared, s.keepPerLane()));
            }
            for (int i = 0; i < s.scanRoutes(); i++) {
                lanes.add(new SoakLanes.ScanLane(i, scan, shared, stable));
            }
            for (int i = 0; i < s.bulkRoutes(); i++) {
                lanes.add(new SoakLanes.BulkLane(i, bulk, shared, s.bulkKeys()));
            }
            tallies.put(statsTally.name, statsTally);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the soak records every failure itself; Camel's log of each one would bury the report
                    errorHandler(noErrorHandler());
                    for (SoakLanes.Lane lane : lanes) {
                        if (lane instanceof SoakLanes.CrudLane) {
                            // the operation comes with each message (GenesysOperation)
                            from("direct:" + lane.routeId).routeId(lane.routeId).to(contactsUri(sim, "get", ""));
                        } else if (lane instanceof SoakLanes.ScanLane) {
                            from("direct:" + lane.routeId).routeId(lane.routeId)
                                    .to(contactsUri(sim, "scan", "&pageAll=true&pageSize=100"))
                                    .split(body()).streaming()
                                        .process(e -> e.getProperty(SoakLanes.ScanLane.LANE_PROPERTY,
                                                SoakLanes.ScanLane.class).record(e.getMessage().getBody()))
                                    .end();
                        } else {
                            from("direct:" + lane.routeId).routeId(lane.routeId)
                                    .to(contactsUri(sim, "bulkEnrich", "&bulkFailureMode=continue"));
                        }
                    }
                    for (int i = 0; i < s.statsRoutes(); i++) {
                        String routeId = String.format("stats-%02d", i);
                        from(statsUri(sim, STATISTICS.get(i % STATISTICS.size()))).routeId(routeId).process(e -> {
                            statsTally.started.increment();
                            stats.delivered(routeId, e);
                            statsTally.completed.increment();
                        });
                    }
                    from("direct:final-scan").routeId("final-scan").to(contactsUri(sim, "scan", "&pageAll=true&pageSize=200"));
                    from("direct:remove").routeId("remove").to(contactsUri(sim, "bulkRemove", "&bulkFailureMode=continue"));
                }
            });
        }

        private SoakLanes.Tally tally(String name) {
            return tallies.computeIfAbsent(name, SoakLanes.Tally::new);
        }

        // ---- running -------------------------------------------------------------------------------------------

        /** Marks exchanges that made no progress for hungAfter as hung (once each), with a thread dump the first time. */
        private void watchdog() {
            long now = System.nanoTime();
            for (SoakLanes.Lane lane : lanes) {
                if (!lane.hungMarked && lane.stalledNanos(now) > s.hungAfter().toNanos()) {
                    markHung(lane, now);
                }
            }
        }

        private synchronized void markHung(SoakLanes.Lane lane, long now) {
            if (lane.hungMarked || lane.sentAt == 0) {
                return;
            }
            lane.hungMarked = true;
            lane.tally.hung.increment();
            String what = lane.routeId + " " + lane.operation + ": no progress for "
                          + Duration.ofNanos(now - lane.progressAt).toSeconds() + " s";
            hungExamples.add(what);
            failures.recordAnomaly(lane.tally.name, "hung: " + lane.operation);
            if (threadDump == null) {
                StringBuilder sb = new StringBuilder();
                for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                    sb.append(t);
                }
                threadDump = sb.toString();
            }
            log("HUNG " + what);
        }

        /** Exchanges in flight at the end of the drain are hung. */
        private void countStillInFlight() {
            long now = System.nanoTime();
            for (SoakLanes.Lane lane : lanes) {
                if (lane.sentAt != 0) {
                    markHung(lane, now);
                }
            }
        }

        /** Stops the lanes after their exchange in flight; false when some did not complete within {@code bound}. */
        private boolean pause(Duration bound) {
            lanes.forEach(l -> l.running = false);
            return await(bound, () -> lanes.stream().noneMatch(l -> l.busy));
        }

        private String progress(CamelContext camel) {
            StringBuilder sb = new StringBuilder();
            for (SoakLanes.Tally t : tallies.values()) {
                sb.append(String.format(Locale.ROOT, "%s %,d/%,d (failed %,d), ", t.name, t.completed.sum(),
                        t.started.sum(), t.failedClear.sum() + t.failedUnclear.sum()));
            }
            sb.append(String.format(Locale.ROOT, "heap %.0f MB, %d threads, %s",
                    mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()),
                    ManagementFactory.getThreadMXBean().getThreadCount(), Harness.load()));
            return sb.toString();
        }

        // ---- the end -------------------------------------------------------------------------------------------

        /**
         * Waits until every consumer holds a live subscription, publishes one last update, and waits until everything
         * sent to the session reached the routes (or was overtaken). False (an anomaly) when it does not within
         * hungAfter.
         */
        private boolean converge(CamelContext camel, GenesysSimulator sim) {
            if (s.statsRoutes() == 0) {
                return true;
            }
            List<StatisticsConsumer> consumers = consumers(camel);
            boolean live = await(s.hungAfter(), () -> consumers.stream().allMatch(c -> c.getSubscriptionId() != null
                    && sim.statistics().subscriptionIds().contains(c.getSubscriptionId())));
            if (!live) {
                failures.recordAnomaly("stats subscribe", "a consumer held no live subscription "
                                                          + s.hungAfter().toSeconds() + " s after the faults stopped");
            }
            sim.statistics().setUpdateInterval(Duration.ZERO);
            // the last update's values for the subscriptions the consumers hold: caughtUp() alone only sees values
            // the server has already dequeued for a session, so it can be true before the last update is dequeued
            // (the verdict then found a value sent after the wait, "lost"). Wait for the values published instead.
            Set<String> held = new HashSet<>();
            consumers.forEach(c -> held.add(c.getSubscriptionId()));
            Map<String, Long> last = new ConcurrentHashMap<>();
            Consumer<Statistics.Publication> listener = p -> last.putAll(StatsLedger.published(p, held));
            sim.statistics().addPublishListener(listener);
            try {
                sim.statistics().publishUpdates();
            } finally {
                sim.statistics().removePublishListener(listener);
            }
            if (last.isEmpty()) {
                failures.recordAnomaly("stats subscribe", "the last update published no value to the consumers'"
                                                          + " subscriptions " + held);
            }
            boolean caughtUp = await(s.hungAfter(), () -> stats.reached(last) && stats.caughtUp());
            if (!caughtUp) {
                failures.recordAnomaly("stats subscribe", "values sent to the session had not reached the routes "
                                                          + s.hungAfter().toSeconds() + " s after the faults stopped");
            }
            for (StatisticsConsumer c : consumers) {
                if (c.getOverflowValuesDropped() > 0) {
                    failures.recordAnomaly("stats subscribe", c.getRouteId() + " dropped "
                                                              + c.getOverflowValuesDropped() + " value(s) on overflow");
                }
            }
            log("statistics " + (live && caughtUp ? "converged" : "did NOT converge") + ": " + stats.sentCount()
                + " values sent to the session, " + stats.deliveredCount() + " delivered");
            return live && caughtUp;
        }

        private static List<StatisticsConsumer> consumers(CamelContext camel) {
            List<StatisticsConsumer> consumers = new ArrayList<>();
            camel.getRoutes().forEach(r -> {
                if (r.getConsumer() instanceof StatisticsConsumer c) {
                    consumers.add(c);
                }
            });
            return consumers;
        }

        private List<ContactsLedger.Found> finalScan(CamelContext camel) {
            List<ContactsLedger.Found> found = new ArrayList<>();
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                Iterator<?> it = template.requestBody("direct:final-scan", null, Iterator.class);
                while (it.hasNext()) {
                    ExternalContact c = (ExternalContact) it.next();
                    found.add(new ContactsLedger.Found(c.getId(), c.getFirstName(), c.getLastName(), c.getTitle()));
                }
                log("final scan: " + found.size() + " contacts");
            } catch (Exception e) {
                failures.record("final scan", e);
                failures.recordAnomaly("final scan", "the final scan failed: " + e.getMessage());
            }
            return found;
        }

        /** Contacts of failed creates and deletes, and extra copies: removed, so the store is as at the baseline. */
        private void removeOrphans(CamelContext camel, List<String> ids) {
            if (ids.isEmpty()) {
                return;
            }
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.requestBody("direct:remove", ids);
                log("removed " + ids.size() + " contact(s) of failed creates and deletes");
            } catch (Exception e) {
                failures.record("cleanup", e);
            }
        }

        private List<Row> routeRows(ContactsLedger.Verdict c, StatsLedger.Verdict st, boolean converged) {
            List<Row> rows = new ArrayList<>();
            for (SoakLanes.Tally t : tallies.values()) {
                long lost = t.lost.sum();
                long dup = t.duplicated.sum();
                long unclear = t.failedUnclear.sum() + t.itemsFailedUnclear.sum();
                long clear = t.failedClear.sum() + t.itemsFailedClear.sum();
                long hung = t.hung.sum();
                if (t.name.equals("contacts CRUD")) {
                    lost += c.lost() + c.resurrected() + c.lostUpdates() + t.wrongAnswers.sum();
                    dup += c.duplicated();
                } else if (t.name.equals("contacts scan")) {
                    lost += t.wrongAnswers.sum();
                } else if (t.name.equals("stats subscribe")) {
                    lost += st.lost();
                    dup += st.duplicated() + st.backwards();
                    hung += converged ? 0 : 1;
                }
                rows.add(new Row(t.name, t.started.sum(), t.completed.sum(), clear, unclear, hung, lost, dup, 0, 0, 0));
            }
            return rows;
        }

        private List<Row> componentRows(CamelContext camel, List<Row> routeRows) {
            Map<String, GenesysConnection> connections = new LinkedHashMap<>();
            for (Endpoint e : camel.getEndpoints()) {
                if (e instanceof GenesysEndpoint g && g.getConnection() != null) {
                    connections.putIfAbsent(e instanceof ContactsEndpoint ? CONTACTS
                            : e instanceof StatisticsEndpoint ? STATS : e.getEndpointBaseUri(), g.getConnection());
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String component : List.of(CONTACTS, STATS)) {
                List<Row> mine = routeRows.stream().filter(r -> r.name().startsWith(
                        component.equals(CONTACTS) ? "contacts" : "stats")).toList();
                GenesysConnection conn = connections.get(component);
                rows.add(new Row(component, sum(mine, Row::started), sum(mine, Row::completed),
                        sum(mine, Row::failedClear), sum(mine, Row::failedUnclear), sum(mine, Row::hung),
                        sum(mine, Row::lost), sum(mine, Row::duplicated),
                        conn == null ? 0 : conn.rateLimitedCount(), conn == null ? 0 : conn.retryCount(),
                        conn == null ? 0 : conn.requestCount()));
            }
            return rows;
        }

        private static long sum(List<Row> rows, java.util.function.ToLongFunction<Row> f) {
            return rows.stream().mapToLong(f).sum();
        }

        private List<String> misses(Result r) {
            List<String> misses = new ArrayList<>();
            if (r.hung() > 0) {
                misses.add(r.hung() + " hung");
            }
            if (r.lost() > 0) {
                misses.add(r.lost() + " lost");
            }
            if (r.duplicated() > 0) {
                misses.add(r.duplicated() + " duplicated");
            }
            if (r.unclearFailures() > 0) {
                misses.add(r.unclearFailures() + " unclear failure(s)");
            }
            if (!r.anomalies().isEmpty()) {
                misses.add(r.anomalies().size() + " kind(s) of anomaly");
            }
            if (!r.secretsFound().isEmpty()) {
                misses.add("secrets in " + r.secretsFound().size() + " place(s)");
            }
            long growth = r.heapEnd() - r.heapStart();
            if (growth > Math.max(32L << 20, r.heapStart() / 4)) {
                misses.add(String.format(Locale.ROOT, "heap grew %.1f MB", mb(growth)));
            }
            return misses;
        }

        // ---- report --------------------------------------------------------------------------------------------

        private void print(Result r, Map<Integer, Long> floor) {
            out.println();
            out.println("== Fault soak: " + s.routes() + " routes, " + s.duration() + " of faults; " + Harness.load());
            out.println("faults injected: " + r.faultsInjected());
            String row = "%-22s %10s %10s %9s %9s %6s %6s %6s %8s %8s %10s%n";
            out.printf(Locale.ROOT, row, "", "started", "completed", "failed", "unclear", "hung", "lost", "dup",
                    "429s", "retries", "requests");
            for (Row c : r.components()) {
                printRow(row, c, true);
            }
            for (Row c : r.routes()) {
                printRow(row, c, false);
            }
            out.println("   failed: exchanges that ended with a clear error (GenesysApiException or"
                        + " IllegalArgumentException naming the cause), bulk items included; unclear: any other."
                        + " 429s, retries, requests: the component's connection.");
            for (SoakLanes.Tally t : tallies.values()) {
                if (!t.byOperation.isEmpty()) {
                    StringBuilder sb = new StringBuilder("   " + t.name + " by operation (started/completed/failed):");
                    t.operations().forEach((op, v) -> sb.append(String.format(Locale.ROOT, " %s %,d/%,d/%,d;", op,
                            v[0], v[1], v[2])));
                    if (t.records.sum() > 0) {
                        sb.append(String.format(Locale.ROOT, " records read %,d;", t.records.sum()));
                    }
                    if (t.completedAfterHung.sum() > 0) {
                        sb.append(" completed after being counted hung: ").append(t.completedAfterHung.sum());
                    }
                    out.println(sb);
                }
            }
            ContactsLedger.Verdict c = r.contacts();
            out.printf(Locale.ROOT, "   contacts, final scan: %,d records checked; lost %d, duplicated %d, resurrected"
                                    + " after delete %d, lost updates %d; allowed either way: found after a failed"
                                    + " create %d, gone after a failed delete %d; unknown %d; orphans removed %d%n",
                    c.checked(), c.lost(), c.duplicated(), c.resurrected(), c.lostUpdates(), c.foundAfterFailedCreate(),
                    c.goneAfterFailedDelete(), c.unknown(), c.orphanIds().size());
            c.examples().forEach(e -> out.println("      " + e));
            StatsLedger.Verdict st = r.statistics();
            out.printf(Locale.ROOT, "   statistics: %,d distinct values sent to the session, %,d exchanges; lost %d,"
                                    + " duplicated %d, backwards %d; documented re-statements %d, overtaken by a"
                                    + " re-read %d%n", st.sent(), st.delivered(), st.lost(), st.duplicated(),
                    st.backwards(), st.restatements(), st.supersededByInitialValues());
            st.examples().forEach(e -> out.println("      " + e));
            out.printf(Locale.ROOT, "heap: after GC %.1f MB at the baseline, %.1f MB at the end (%+.1f MB); high-water"
                                    + " %.1f MB; threads %d -> %d%n", mb(r.heapStart()), mb(r.heapEnd()),
                    mb(r.heapEnd() - r.heapStart()), mb(r.heapHighWater()), r.threadsStart(), r.threadsEnd());
            StringBuilder pools = new StringBuilder("   threads by pool, baseline -> end (where they differ):");
            java.util.TreeSet<String> names = new java.util.TreeSet<>(poolsStart.keySet());
            names.addAll(poolsEnd.keySet());
            for (String name : names) {
                int a = poolsStart.getOrDefault(name, 0);
                int b = poolsEnd.getOrDefault(name, 0);
                if (a != b) {
                    pools.append(String.format(Locale.ROOT, " %s %d -> %d;", name, a, b));
                }
            }
            out.println(pools);
            StringBuilder trend = new StringBuilder("   lowest heap after a GC, per minute of the run (MB):");
            floor.forEach((m, v) -> trend.append(String.format(Locale.ROOT, " %d:%.0f", m, mb(v))));
            out.println(trend);
            out.println("distinct failures (count, clear?, where, type, message):");
            failures.lines().forEach(l -> out.println("  " + l));
            if (!r.anomalies().isEmpty()) {
                out.println("anomalies:");
                r.anomalies().forEach((k, v) -> out.printf(Locale.ROOT, "  %8d  %s%n", v, k));
            }
            if (!hungExamples.isEmpty()) {
                out.println("hung: " + hungExamples);
                out.println(threadDump);
            }
            out.println("secrets found in messages and logs: " + (r.secretsFound().isEmpty() ? "none ("
                    + failures.secrets().size() + " secrets and tokens checked)" : r.secretsFound()));
            out.println("WARN/ERROR log lines (count, normalized):");
            r.warnings().forEach((k, v) -> out.printf(Locale.ROOT, "  %8d  %s%n", v, k));
            out.println(r.misses().isEmpty() ? "TARGETS MET: 0 hung, 0 lost, 0 duplicated, only clear failures, no"
                                               + " secret, heap flat" : "TARGETS MISSED: " + r.misses());
        }

        private void printRow(String format, Row r, boolean component) {
            out.printf(Locale.ROOT, format, component ? r.name() : "  " + r.name(), grouped(r.started()),
                    grouped(r.completed()), grouped(r.failedClear()), grouped(r.failedUnclear()), grouped(r.hung()),
                    grouped(r.lost()), grouped(r.duplicated()), component ? grouped(r.rateLimited()) : "",
                    component ? grouped(r.retries()) : "", component ? grouped(r.requests()) : "");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Live threads per pool: the thread name with its numbers replaced by N (pools grow and shrink by name). */
    static Map<String, Integer> threadsByPool() {
        Map<String, Integer> pools = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            pools.merge(t.getName().replaceAll("@[0-9a-fA-F]+", "@N").replaceAll("\\d+", "N"), 1, Integer::sum);
        }
        return pools;
    }

    static boolean await(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(50));
        }
        return true;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
