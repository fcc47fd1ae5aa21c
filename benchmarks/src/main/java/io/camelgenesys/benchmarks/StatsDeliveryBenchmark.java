package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.simulator.Cometd;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Fields;

/**
 * Benchmark "genesys-stats delivery": Statistics Notifications ({@code StatisticUpdate} messages on the CometD
 * channel {@value #UPDATES} of the embedded simulator, at {@code /statistics/v3/notifications}) delivered end to end
 * through Camel routes, beside a raw CometD {@link org.cometd.client.BayeuxClient} listening to the same stream in
 * the same run, at rising publish rates until saturation.
 * <p>
 * Every peer is subscribed at once, each with its own CometD session, so every published update is measured by
 * every peer: the same stream, the same timing, the same moments of machine noise. The publisher (this JVM, through
 * the simulator's Bayeux server) stamps each statistic's {@code value} with {@link System#nanoTime()}; a peer's
 * latency is from that stamp to the value's arrival in the route's processor (or the raw listener). Publishing is
 * open loop at the step's rate, so a peer that falls behind builds a backlog instead of slowing the publisher.
 * <p>
 * Peers ({@code -Dbench.peers}, all by default):
 * <ul>
 * <li>{@value #RAW}: the baseline, {@link RawBayeuxPeer};</li>
 * <li>{@value #CORE}: {@code from("genesys-bench-cometd:statistics/v3/updates?...").process(...)}, core's
 * {@code GenesysNotifications} and one exchange per message, no component logic ({@link BenchCometdComponent});</li>
 * <li>{@value #STATS}: {@code from("genesys-stats:subscribe?statistics=...").process(...)}, the Statistics
 * component's consumer, one exchange per statistic (when the module is on the class path).</li>
 * </ul>
 * Run: see benchmarks/README.md.
 */
public final class StatsDeliveryBenchmark {

    public static final String RAW = "raw CometD BayeuxClient";
    public static final String CORE = "route: core GenesysNotifications";
    public static final String STATS = "route: genesys-stats:subscribe";

    static final String UPDATES = "/statistics/v3/updates";
    /**
     * The statistics the genesys-stats peer subscribes to (issue 4's example); the published updates cycle through
     * the subscription's statistic ids.
     */
    static final String STATISTICS = "CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2";
    /** Used as ids when no genesys-stats subscription exists (the other peers read every message of the channel). */
    static final String PLACEHOLDER_SUBSCRIPTION = "bench-subscription";
    static final String PLACEHOLDER_STATISTIC = "bench-statistic";
    /** core's GenesysNotifications accepts Bayeux responses up to this size; the raw peer gets the same limit. */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    /** The names {@code bench.peers} accepts. */
    static final Set<String> PEER_NAMES = Set.of("raw", "core", "stats");
    /** A peer that delivers less than this share of the offered rate (or loses any update) is saturated. */
    static final double SATURATED_BELOW = 0.95;

    /**
     * How to run.
     *
     * @param rates                the first publish rates, in updates per second, in order
     * @param growth               after the listed rates, each next rate is the previous times this (1 = stop there)
     * @param maxRate              no rate above this
     * @param step                 how long each rate is published
     * @param warmupRate           the rate of the unreported warm-up step
     * @param warmup               how long the warm-up publishes (zero for none)
     * @param quiet                after publishing, a peer still missing updates is given up on (its missing
     *                             updates counted lost) once it received nothing new for this long
     * @param drainLimit           and in any case this long after publishing ended
     * @param statisticsPerMessage statistics in each StatisticUpdate message (an update is one statistic)
     * @param peers                which peers to run ("raw", "core", "stats"); the raw baseline always runs
     * @param saturatedSteps       the run stops after this many saturated steps in a row (more than 1 keeps a
     *                             spurious saturation, a burst of other work on the machine, from ending it early)
     */
    public record Settings(List<Integer> rates, double growth, int maxRate, Duration step, int warmupRate,
                           Duration warmup, Duration quiet, Duration drainLimit, int statisticsPerMessage,
                           Set<String> peers, int saturatedSteps) {

        public Settings {
            if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || growth < 1 || maxRate < 1
                || step.toMillis() < 100 || warmupRate < 1 || warmup.isNegative() || quiet.toMillis() < 100
                || drainLimit.compareTo(quiet) < 0 || statisticsPerMessage < 1 || saturatedSteps < 1) {
                throw new IllegalArgumentException("Bad settings: " + rates + ", growth " + growth + ", maxRate "
                                                   + maxRate + ", step " + step + ", warm-up " + warmupRate + "/s for "
                                                   + warmup + ", quiet " + quiet + ", drainLimit " + drainLimit
                                                   + ", statisticsPerMessage " + statisticsPerMessage
                                                   + ", saturatedSteps " + saturatedSteps);
            }
            if (!PEER_NAMES.containsAll(peers)) {
                throw new IllegalArgumentException("Unknown peer in " + peers + ": the peers are " + PEER_NAMES);
            }
            rates = List.copyOf(rates);
            peers = Set.copyOf(peers);
        }

        /**
         * 1k, 2k, 5k, 10k, 20k, 50k updates/s, then doubling up to 800k until a step saturates; 5 s per rate after
         * a 5 s warm-up at 5k/s.
         */
        public static Settings standard() {
            return new Settings(List.of(1_000, 2_000, 5_000, 10_000, 20_000, 50_000), 2, 800_000,
                    Duration.ofSeconds(5), 5_000, Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(60),
                    1, Set.of("raw", "core", "stats"), 1);
        }

        /** {@link #standard()} with the {@code bench.*} system properties applied (see benchmarks/README.md). */
        public static Settings fromSystemProperties() {
            Settings d = standard();
            List<Integer> rates = System.getProperty("bench.rates") == null ? d.rates()
                    : Arrays.stream(System.getProperty("bench.rates").split(",")).map(String::trim)
                            .map(Integer::valueOf).toList();
            String peers = System.getProperty("bench.peers");
            return new Settings(rates, Double.parseDouble(System.getProperty("bench.rateGrowth", "" + d.growth())),
                    Integer.getInteger("bench.maxRate", d.maxRate()),
                    Duration.ofMillis(Long.getLong("bench.stepMillis", d.step().toMillis())),
                    Integer.getInteger("bench.warmupRate", d.warmupRate()),
                    Duration.ofMillis(Long.getLong("bench.warmupMillis", d.warmup().toMillis())),
                    Duration.ofMillis(Long.getLong("bench.quietMillis", d.quiet().toMillis())),
                    Duration.ofMillis(Long.getLong("bench.drainMillis", d.drainLimit().toMillis())),
                    Integer.getInteger("bench.statisticsPerMessage", d.statisticsPerMessage()),
                    peers == null ? d.peers() : Set.of(peers.split("\\s*,\\s*")),
                    Integer.getInteger("bench.saturatedSteps", d.saturatedSteps()));
        }
    }

    /**
     * One peer at one rate.
     *
     * @param received           distinct updates that arrived
     * @param lost               published updates that never arrived (see {@link Settings#quiet()})
     * @param duplicates         updates that arrived more than once (extra copies)
     * @param deliveredPerSecond received over the time from the first arrival to the last (as the offered rate is
     *                           published over the time from the first publish to the last)
     * @param p50Nanos           median latency, publish to arrival, over the received updates
     * @param cpuMicrosPerUpdate CPU time of the peer's threads ({@link PeerThreads}) over the step per received
     *                           update, in µs; -1 when not measured
     * @param bytesPerUpdate     bytes allocated by the same threads over the step per received update; -1 when not
     *                           measured
     */
    public record PeerStep(String peer, long received, long lost, long duplicates, double deliveredPerSecond,
                           long p50Nanos, long p99Nanos, long maxNanos, double cpuMicrosPerUpdate,
                           double bytesPerUpdate) {
    }

    /**
     * One rate.
     *
     * @param targetRate       the rate asked of the publisher
     * @param published        updates published
     * @param offeredPerSecond published over the publishing time (below the target when the publisher could not
     *                         keep up: the machine itself is saturated)
     * @param processCores     CPU time of the whole JVM (publisher, simulator, every peer) over the step's wall time,
     *                         from the first publish to the end of the drain: near the machine's core count means
     *                         the machine, not only a peer, is the limit
     * @param saturated        a peer lost updates or delivered less than {@value #SATURATED_BELOW} of the offered
     *                         rate, or the publisher reached less than that of the target
     */
    public record Step(int targetRate, long published, double offeredPerSecond, double processCores,
                       List<PeerStep> peers, boolean saturated) {

        public PeerStep peer(String name) {
            return peers.stream().filter(p -> p.peer().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No peer " + name));
        }
    }

    private StatsDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(Settings.fromSystemProperties(), System.out);
    }

    /** Runs every rate until saturation, prints the report, and returns the measured steps. */
    public static List<Step> run(Settings settings, PrintStream out) throws Exception {
        GenesysSimulator sim = GenesysSimulator.builder()
                // Bayeux requests count against the simulator's rate limit: a saturated stream means many /connect
                .rateLimit(100_000_000, Duration.ofMinutes(1)).build();
        List<AutoCloseable> closeLast = new ArrayList<>();
        try {
            sim.start();
            Setup setup = setUpPeers(sim, settings, closeLast);
            List<Peer> peers = setup.peers();
            Publisher publisher = new Publisher(sim.cometd(), setup.ids(), settings.statisticsPerMessage());
            awaitEveryPeer(publisher, peers, Duration.ofSeconds(30));

            out.println("genesys-stats delivery: StatisticUpdate notifications through Camel routes vs a raw CometD"
                        + " BayeuxClient, same stream, same run" + setup.note());
            out.println(Harness.environment());
            out.println("peers: " + String.join(", ", peers.stream().map(p -> p.probe().name()).toList())
                        + "; each in its own CometD session on " + UPDATES
                        + ", all subscribed at once (every update is measured by every peer)");
            out.println("steps of " + seconds(settings.step()) + " s after a " + seconds(settings.warmup())
                        + " s warm-up at " + grouped(settings.warmupRate()) + " updates/s; "
                        + settings.statisticsPerMessage() + " statistic(s) per message");

            int stepId = 1;
            if (!settings.warmup().isZero()) {
                runStep(stepId++, settings.warmupRate(), settings.warmup(), settings, publisher, peers);
            }
            String row = "%9s %10s %5s  %-34s %11s %7s %9s %9s %9s %7s %7s %7s %5s%n";
            out.printf(Locale.ROOT, row, "target/s", "offered/s", "cpu", "peer", "delivered/s", "ratio", "p50 us",
                    "p99 us", "max us", "cpu us", "B/upd", "lost", "dup");
            List<Step> steps = new ArrayList<>();
            int saturatedInARow = 0;
            for (int rate : rates(settings)) {
                Step step = runStep(stepId++, rate, settings.step(), settings, publisher, peers);
                steps.add(step);
                print(step, row, out);
                saturatedInARow = step.saturated() ? saturatedInARow + 1 : 0;
                if (saturatedInARow >= settings.saturatedSteps()) {
                    break;
                }
            }
            summary(steps, settings, out);
            for (Peer peer : peers) {
                UpdateProbe p = peer.probe();
                if (p.unreadable() > 0) {
                    out.println("   " + p.name() + ": " + p.unreadable() + " value(s) without a readable stamp, last: "
                                + p.lastUnreadable());
                }
            }
            return steps;
        } finally {
            for (AutoCloseable c : closeLast) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("Stopping a peer failed: " + e);
                }
            }
            sim.stop();
        }
    }

    /** What the peers' set-up gives the run. */
    private record Setup(List<Peer> peers, SubscriptionIds ids, String note) {
    }

    /**
     * Starts and subscribes every peer, each on a thread group of its own ({@link PeerThreads}) so that its CPU time
     * can be read; registers each in {@code closeLast}, Camel peers first.
     */
    private static Setup setUpPeers(GenesysSimulator sim, Settings settings, List<AutoCloseable> closeLast)
            throws Exception {
        String url = sim.baseUrl() + Cometd.STATISTICS_NOTIFICATIONS;
        List<Peer> peers = new ArrayList<>();

        // the baseline
        UpdateProbe rawProbe = new UpdateProbe(RAW);
        String token = multicloudToken(sim);
        PeerThreads.Result<RawBayeuxPeer> raw = PeerThreads.setUp("bench-raw", () -> {
            RawBayeuxPeer peer = new RawBayeuxPeer(url, RawBayeuxPeer.multicloudHeaders(sim.multicloudApiKey(),
                    token), MAX_MESSAGE_SIZE);
            closeLast.add(peer);
            peer.subscribe(UPDATES, rawProbe);
            return peer;
        });
        peers.add(new Peer(rawProbe, raw.threads()));

        String connection = multicloudOptions(sim);
        if (settings.peers().contains("core")) {
            UpdateProbe probe = new UpdateProbe(CORE);
            PeerThreads.Result<CamelContext> core = PeerThreads.setUp("bench-core", () -> camelContext("bench-core",
                    BenchCometdComponent::register, new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(BenchCometdComponent.SCHEME + ":" + UPDATES.substring(1) + "?" + connection)
                                    .routeId("core-notifications")
                                    .process(e -> probe.arrivedMessage(e.getMessage().getBody(Map.class)));
                        }
                    }, closeLast));
            peers.add(new Peer(probe, core.threads()));
        }
        SubscriptionIds ids = new SubscriptionIds(PLACEHOLDER_SUBSCRIPTION, List.of(PLACEHOLDER_STATISTIC));
        String statsNote = "";
        if (settings.peers().contains("stats")) {
            if (!statsComponentAvailable()) {
                statsNote = " (" + STATS + " not run: the genesys-stats component is not on the class path)";
            } else {
                UpdateProbe probe = new UpdateProbe(STATS);
                PeerThreads.Result<CamelContext> stats = PeerThreads.setUp("bench-stats", () -> camelContext(
                        "bench-stats", c -> { }, new RouteBuilder() {
                            @Override
                            public void configure() {
                                // initial values carry no publish stamp: the stream is what is measured
                                from("genesys-stats:subscribe?statistics=" + STATISTICS + "&initialValues=false&"
                                     + connection)
                                        .routeId("genesys-stats")
                                        .process(e -> probe.arrived(e.getMessage().getBody()));
                            }
                        }, closeLast));
                peers.add(new Peer(probe, stats.threads()));
                ids = StatsSubscriptions.await(sim, Duration.ofSeconds(30));
            }
        }
        return new Setup(peers, ids, statsNote);
    }

    /** The listed rates, then growing by {@link Settings#growth()} up to {@link Settings#maxRate()}. */
    static List<Integer> rates(Settings s) {
        List<Integer> rates = new ArrayList<>();
        for (int r : s.rates()) {
            if (r <= s.maxRate()) {
                rates.add(r);
            }
        }
        if (s.growth() > 1 && !rates.isEmpty()) {
            long next = Math.round(rates.get(rates.size() - 1) * s.growth());
            while (next <= s.maxRate()) {
                rates.add((int) next);
                next = Math.round(next * s.growth());
            }
        }
        return rates;
    }

    // ---- one step ------------------------------------------------------------------------------------------------

    private static Step runStep(int stepId, int rate, Duration duration, Settings settings, Publisher publisher,
                                List<Peer> peers) throws InterruptedException {
        int total = (int) Math.min(Integer.MAX_VALUE - 1, (long) rate * duration.toMillis() / 1000);
        total = Math.max(settings.statisticsPerMessage(), total - total % settings.statisticsPerMessage());
        List<UpdateProbe.Arrivals> arrivals = new ArrayList<>();
        for (Peer p : peers) {
            UpdateProbe.Arrivals a = new UpdateProbe.Arrivals(stepId, total);
            arrivals.add(a);
            p.probe().begin(a);
        }
        System.gc(); // not on the step's time
        List<Map<Long, Long>> cpuBefore = peers.stream().map(p -> p.threads().cpuNanos()).toList();
        List<Map<Long, Long>> allocatedBefore = peers.stream().map(p -> p.threads().allocatedBytes()).toList();
        long processBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Publisher.Run run = publisher.publish(stepId, rate, total);
        drain(arrivals, total, settings);
        long wall = System.nanoTime() - wallBefore;
        double cores = processBefore < 0 ? -1 : (processCpuNanos() - processBefore) / (double) wall;

        List<PeerStep> results = new ArrayList<>();
        boolean saturated = run.perSecond() < SATURATED_BELOW * rate;
        for (int i = 0; i < peers.size(); i++) {
            UpdateProbe.Arrivals a = arrivals.get(i);
            long cpu = PeerThreads.used(cpuBefore.get(i), peers.get(i).threads().cpuNanos());
            Map<Long, Long> allocatedAfter = peers.get(i).threads().allocatedBytes();
            long allocated = allocatedAfter.isEmpty() ? -1 : PeerThreads.used(allocatedBefore.get(i), allocatedAfter);
            long received = a.received();
            long[] latencies = a.sortedLatencies(total);
            // like the offered rate: updates over the time between the first and the last; a steady latency does not
            // lower it, a growing backlog does (the last arrivals come late)
            int perMessage = settings.statisticsPerMessage();
            double delivered = received <= perMessage ? received
                    : (received - perMessage) * 1e9 / Math.max(1, a.lastArrivalNanos() - a.firstArrivalNanos());
            PeerStep p = new PeerStep(peers.get(i).probe().name(), received, total - received, a.duplicates(),
                    delivered, quantile(latencies, 0.50), quantile(latencies, 0.99),
                    latencies.length == 0 ? -1 : latencies[latencies.length - 1],
                    cpu < 0 || received == 0 ? -1 : cpu / 1e3 / received,
                    allocated < 0 || received == 0 ? -1 : allocated / (double) received);
            results.add(p);
            saturated |= fellBehind(run.perSecond(), p);
        }
        return new Step(rate, total, run.perSecond(), cores, results, saturated);
    }

    /**
     * Waits until every peer has every update, or until the peers still missing some received nothing new for
     * {@link Settings#quiet()}, or {@link Settings#drainLimit()} after publishing ended.
     */
    private static void drain(Iterable<UpdateProbe.Arrivals> arrivals, int total, Settings s)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long seen = -1;
        while (true) {
            long sum = 0;
            boolean complete = true;
            for (UpdateProbe.Arrivals a : arrivals) {
                sum += a.received();
                complete &= a.received() >= total;
            }
            long now = System.nanoTime();
            if (complete || now - lastProgress > s.quiet().toNanos() || now - start > s.drainLimit().toNanos()) {
                return;
            }
            if (sum != seen) {
                seen = sum;
                lastProgress = now;
            }
            Thread.sleep(20);
        }
    }

    /** Publishes a stamped update every 100 ms until every peer received one: every path works end to end. */
    private static void awaitEveryPeer(Publisher publisher, List<Peer> peers, Duration timeout)
            throws InterruptedException {
        Map<UpdateProbe, UpdateProbe.Arrivals> ready = new LinkedHashMap<>();
        for (UpdateProbe p : peers.stream().map(Peer::probe).toList()) {
            UpdateProbe.Arrivals a = new UpdateProbe.Arrivals(0, 1);
            ready.put(p, a);
            p.begin(a);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready.values().stream().anyMatch(a -> !a.arrived(0))) {
            if (System.nanoTime() - deadline > 0) {
                List<String> missing = new ArrayList<>();
                ready.forEach((probe, a) -> {
                    if (!a.arrived(0)) {
                        missing.add(probe.name() + (probe.unreadable() == 0 ? ""
                                : " (unreadable: " + probe.lastUnreadable() + ")"));
                    }
                });
                throw new IllegalStateException("No update reached " + missing + " within " + timeout);
            }
            publisher.publishOne(0, 0);
            Thread.sleep(100);
        }
    }

    /** CPU time of this JVM, or -1 when the platform does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    // ---- the publisher -------------------------------------------------------------------------------------------

    /** The ids a StatisticUpdate must carry to reach the genesys-stats consumer. */
    record SubscriptionIds(String subscriptionId, List<String> statisticIds) {
    }

    /**
     * Publishes StatisticUpdate messages in the seed's shape straight into the simulator's Bayeux server, each
     * statistic's value stamped with the step, its sequence number and {@link System#nanoTime()}. Open loop: each
     * message has its due time ({@code first + n / rate}); the publisher parks until the next one is due and then
     * publishes every message that is due, so it never spins on the machine's two cores.
     */
    static final class Publisher {

        /** One step's publishing; the first and the last message each carry {@code perMessage} updates. */
        record Run(long published, int perMessage, long firstNanos, long lastNanos) {

            double perSecond() {
                return lastNanos == firstNanos ? published
                        : (published - perMessage) * 1e9 / (lastNanos - firstNanos);
            }
        }

        private final Cometd cometd;
        private final SubscriptionIds ids;
        private final int perMessage;

        Publisher(Cometd cometd, SubscriptionIds ids, int perMessage) {
            this.cometd = cometd;
            this.ids = ids;
            this.perMessage = perMessage;
        }

        Run publish(int step, int rate, int total) {
            double interval = 1e9 * perMessage / rate;
            long start = System.nanoTime();
            long first = 0;
            long last = 0;
            long message = 0;
            for (int seq = 0; seq < total; ) {
                long due = start + (long) (message * interval);
                long now = System.nanoTime();
                if (due - now > 0) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
                last = publishOne(step, seq);
                if (seq == 0) {
                    first = last;
                }
                seq += perMessage;
                message++;
            }
            return new Run(total, perMessage, first, last);
        }

        /** Publishes one message with updates {@code seq ..} and returns its stamp. */
        long publishOne(int step, int seq) {
            List<Object> statistics = new ArrayList<>(perMessage);
            long now = System.nanoTime();
            long epochMillis = System.currentTimeMillis();
            for (int i = 0; i < perMessage; i++) {
                Map<String, Object> value = new HashMap<>(4);
                value.put(UpdateProbe.STEP, step);
                value.put(UpdateProbe.SEQ, seq + i);
                value.put(UpdateProbe.PUBLISHED_NANOS, now);
                Map<String, Object> statistic = new HashMap<>(8);
                statistic.put("subscriptionId", ids.subscriptionId());
                statistic.put("statisticId", ids.statisticIds().get((seq + i) % ids.statisticIds().size()));
                statistic.put("value", value);
                statistic.put("timestamp", epochMillis);
                statistics.add(statistic);
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", "StatisticUpdate");
            message.put("topic", UPDATES);
            message.put("data", Map.of("statistics", statistics));
            cometd.publish(UPDATES, message);
            return now;
        }
    }

    // ---- set-up --------------------------------------------------------------------------------------------------

    /** Whether {@code genesys-stats} can be resolved (the camel-genesys-statistics module is on the class path). */
    static boolean statsComponentAvailable() {
        // the services file Camel resolves a scheme by
        return StatsDeliveryBenchmark.class.getClassLoader()
                       .getResource("META-INF/services/org/apache/camel/component/genesys-stats") != null;
    }

    private interface Registration {
        void register(CamelContext context);
    }

    /** One CamelContext per peer: connections (and so CometD sessions) are shared per context and credentials. */
    private static CamelContext camelContext(String name, Registration registration, RouteBuilder routes,
                                             List<AutoCloseable> closeLast) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        registration.register(context);
        context.addRoutes(routes);
        closeLast.add(0, context::stop); // stopped before the raw peer and the simulator
        context.start();
        return context;
    }

    /** A peer: where its updates are recorded, and its threads. */
    record Peer(UpdateProbe probe, PeerThreads threads) {
    }

    /** The Multicloud endpoint options for the simulator's demo client and first user (password grant). */
    static String multicloudOptions(GenesysSimulator sim) {
        Map.Entry<String, String> user = sim.multicloudUsers().entrySet().iterator().next();
        return "platform=multicloud&baseUrl=" + sim.baseUrl() + "&apiKey=RAW(" + sim.multicloudApiKey()
               + ")&clientId=" + sim.multicloudClientId() + "&clientSecret=RAW(" + sim.multicloudClientSecret()
               + ")&username=" + user.getKey() + "&password=RAW(" + user.getValue() + ")";
    }

    /** A Multicloud access token for the raw peer: {@code POST /auth/v3/oauth/token}, password grant. */
    static String multicloudToken(GenesysSimulator sim) throws Exception {
        Map.Entry<String, String> user = sim.multicloudUsers().entrySet().iterator().next();
        HttpClient http = new HttpClient();
        http.start();
        try {
            Fields form = new Fields();
            form.put("grant_type", "password");
            form.put("username", user.getKey());
            form.put("password", user.getValue());
            String basic = java.util.Base64.getEncoder().encodeToString(
                    (sim.multicloudClientId() + ":" + sim.multicloudClientSecret())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ContentResponse r = http.POST(sim.baseUrl() + "/auth/v3/oauth/token")
                    .headers(h -> h.put("x-api-key", sim.multicloudApiKey())
                            .put(HttpHeader.AUTHORIZATION, "Basic " + basic))
                    .body(new FormRequestContent(form))
                    .timeout(10, TimeUnit.SECONDS)
                    .send();
            if (r.getStatus() != 200) {
                throw new IllegalStateException("POST /auth/v3/oauth/token answered " + r.getStatus() + ": "
                                                + r.getContentAsString());
            }
            return GenesysJson.parse(r.getContent()).path("access_token").asText();
        } finally {
            http.stop();
        }
    }

    // ---- report --------------------------------------------------------------------------------------------------

    private static void print(Step step, String row, PrintStream out) {
        PeerStep raw = step.peer(RAW);
        boolean first = true;
        for (PeerStep p : step.peers()) {
            String ratio = p == raw ? "1" : raw.deliveredPerSecond() == 0 ? "n/a"
                    : fmt(p.deliveredPerSecond() / raw.deliveredPerSecond(), 3);
            String cores = step.processCores() < 0 ? "n/a" : fmt(step.processCores(), 2);
            out.printf(Locale.ROOT, row, first ? grouped(step.targetRate()) : "",
                    first ? grouped(step.offeredPerSecond()) : "", first ? cores : "", p.peer(),
                    grouped(p.deliveredPerSecond()), ratio,
                    micros(p.p50Nanos()), micros(p.p99Nanos()), micros(p.maxNanos()),
                    p.cpuMicrosPerUpdate() < 0 ? "n/a" : fmt(p.cpuMicrosPerUpdate(), 1),
                    p.bytesPerUpdate() < 0 ? "n/a" : grouped(p.bytesPerUpdate()), grouped(p.lost()),
                    grouped(p.duplicates()));
            first = false;
        }
        if (step.saturated()) {
            String publisher = step.offeredPerSecond() < SATURATED_BELOW * step.targetRate()
                    ? "the publisher reached " + grouped(step.offeredPerSecond()) + " of "
                      + grouped(step.targetRate()) + " updates/s; " : "";
            List<String> behind = step.peers().stream().filter(p -> fellBehind(step.offeredPerSecond(), p))
                    .map(PeerStep::peer).toList();
            out.println("   ^ saturated: " + publisher + (behind.isEmpty() ? "every peer kept up"
                    : String.join(", ", behind) + " fell behind or lost updates"));
        }
    }

    private static void summary(List<Step> steps, Settings settings, PrintStream out) {
        String pct = (int) (SATURATED_BELOW * 100) + "%";
        String[] legend = {
            "offered/s: published over the time from the first publish to the last; delivered/s: distinct updates",
            "received over the time from the first arrival to the last (a steady latency leaves it at offered/s, a",
            "growing backlog lowers it); ratio: delivered/s over the raw BayeuxClient's in the same step.",
            "p50/p99/max: publish (nanoTime stamp in the value) to arrival in the route's processor / raw listener.",
            "lost: published, never arrived (given up after " + seconds(settings.quiet()) + " s without progress);"
            + " dup: extra copies.",
            "cpu: CPU time of the whole JVM (publisher, simulator, every peer) over the step's wall time, in cores ("
            + Runtime.getRuntime().availableProcessors() + " available).",
            "cpu us: CPU time of the peer's own threads (every thread it started: Jetty client, CometD client, Camel)"
            + " per update received; B/upd: bytes those threads allocated per update received.",
            "saturated: a peer delivered < " + pct + " of the offered rate or lost updates, or the publisher reached < "
            + pct + " of the target."
        };
        for (String line : legend) {
            out.println("   " + line);
        }
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(s -> s.peers().forEach(p -> names.add(p.peer())));
        for (String name : names) {
            double best = steps.stream().mapToDouble(s -> s.peer(name).deliveredPerSecond()).max().orElse(0);
            Step lastClean = null;
            for (Step s : steps) {
                PeerStep p = s.peer(name);
                if (!fellBehind(s.offeredPerSecond(), p)) {
                    lastClean = s;
                }
            }
            out.printf(Locale.ROOT, "   %-34s highest delivered %s updates/s; kept up with %s%n", name + ":",
                    grouped(best), lastClean == null ? "no step"
                            : grouped(lastClean.offeredPerSecond()) + " updates/s offered (no loss)");
        }
        // CPU per update is steadier than latency on a busy machine: each peer is charged for its own work only
        List<Step> clean = steps.stream().filter(s -> !s.saturated()).toList();
        List<Step> basis = clean.isEmpty() ? steps : clean;
        for (String name : names) {
            if (name.equals(RAW)) {
                continue;
            }
            double[] ratios = basis.stream().filter(s -> s.peer(name).cpuMicrosPerUpdate() > 0
                                                         && s.peer(RAW).cpuMicrosPerUpdate() > 0)
                    .mapToDouble(s -> s.peer(name).cpuMicrosPerUpdate() / s.peer(RAW).cpuMicrosPerUpdate()).toArray();
            double[] bytes = basis.stream().filter(s -> s.peer(name).bytesPerUpdate() > 0
                                                        && s.peer(RAW).bytesPerUpdate() > 0)
                    .mapToDouble(s -> s.peer(name).bytesPerUpdate() / s.peer(RAW).bytesPerUpdate()).toArray();
            double[] p50 = basis.stream().filter(s -> s.peer(RAW).p50Nanos() > 0)
                    .mapToDouble(s -> (double) s.peer(name).p50Nanos() / s.peer(RAW).p50Nanos()).toArray();
            double[] p99 = basis.stream().filter(s -> s.peer(RAW).p99Nanos() > 0)
                    .mapToDouble(s -> (double) s.peer(name).p99Nanos() / s.peer(RAW).p99Nanos()).toArray();
            out.printf(Locale.ROOT, "   %-34s CPU per update %s, allocation per update %s, p50 latency %s, p99 latency"
                                    + " %s the raw client's (medians over %d %s)%n", name + ":", times(ratios),
                    times(bytes), times(p50), times(p99),
                    basis.size(), clean.isEmpty() ? "step(s), all saturated" : "unsaturated step(s)");
        }
    }

    /** Whether a peer lost updates or delivered less than {@value #SATURATED_BELOW} of the offered rate. */
    static boolean fellBehind(double offeredPerSecond, PeerStep p) {
        return p.lost() > 0 || p.deliveredPerSecond() < SATURATED_BELOW * offeredPerSecond;
    }

    /** The median of per-step ratios as "1.23x", or n/a when there is none. */
    private static String times(double[] ratios) {
        return ratios.length == 0 ? "n/a" : fmt(Harness.median(ratios), 2) + "x";
    }

    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static String micros(long nanos) {
        return nanos < 0 ? "n/a" : grouped(nanos / 1e3);
    }

    private static String seconds(Duration d) {
        return fmt(d.toMillis() / 1000.0, 1);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String grouped(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }
}
