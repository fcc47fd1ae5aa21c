package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The shared harness of every benchmark: closed-loop asynchronous load at a fixed concurrency, peers measured in
 * the same run and alternated round by round after a warm-up, and a report that gives each figure as a ratio to a
 * baseline peer next to the absolute numbers.
 * <p>
 * A round keeps {@code concurrency} requests in flight: each completion starts the next request, until the round's
 * time (or request count) is used up; the round ends when the last request in flight completes. Per round it
 * records requests/s, every request's latency, and the bytes allocated and CPU time used by the counted threads
 * (see {@link ThreadCost}). Before each round it asks for a GC, so that one peer's garbage is not collected on the
 * next peer's time.
 * <pre>{@code
 * Harness harness = new Harness(Harness.Settings.fromSystemProperties(), name -> !name.startsWith("server"));
 * Harness.Result r = harness.measure("GET", 64, List.of(new Harness.Peer("raw", rawCall), new Harness.Peer("camel", camelCall)));
 * Harness.print(r, "raw", System.out);
 * }</pre>
 */
public final class Harness {

    /**
     * Starts one asynchronous request. It must return without waiting for the response and call {@code done}
     * exactly once, later, from any thread: a call that completes inside {@code start} would recurse into the next.
     */
    @FunctionalInterface
    public interface Call {
        void start(Done done);
    }

    /** Completion of one {@link Call}: {@code null} for success, else the failure (which aborts the round). */
    @FunctionalInterface
    public interface Done {
        void done(Throwable failure);
    }

    /**
     * One blocking request, made on the calling thread: a synchronous API such as {@code ProducerTemplate.requestBody}
     * or the Genesys SDK's blocking calls. Returns normally on success.
     */
    @FunctionalInterface
    public interface BlockingCall {
        void call() throws Exception;
    }

    /**
     * A named way of making the request under test: asynchronous ({@code call}), or blocking ({@code blocking}, run
     * by {@code concurrency} caller threads that each make one request after the other).
     */
    public record Peer(String name, Call call, BlockingCall blocking) {

        public Peer(String name, Call call) {
            this(name, call, null);
        }

        public static Peer blocking(String name, BlockingCall blocking) {
            return new Peer(name, null, blocking);
        }
    }

    /**
     * How long to measure.
     *
     * @param warmupRounds  rounds of each peer (alternating) before measuring
     * @param rounds        measured rounds of each peer, alternating A B C A B C ...
     * @param roundTime     the time a round keeps starting requests; {@link Duration#ZERO} for no time limit
     * @param roundRequests the most requests of a round; {@link Long#MAX_VALUE} for no count limit
     * @param rotateOrder   whether each cycle of rounds starts one peer later (A B C, B C A, C A B, ...), so that every
     *                      peer runs equally often first, second and third; {@code false} keeps A B C every cycle
     */
    public record Settings(int warmupRounds, int rounds, Duration roundTime, long roundRequests, boolean rotateOrder) {

        /** Settings whose peers rotate their order from cycle to cycle. */
        public Settings(int warmupRounds, int rounds, Duration roundTime, long roundRequests) {
            this(warmupRounds, rounds, roundTime, roundRequests, true);
        }

        public Settings {
            if (rounds < 1 || warmupRounds < 0 || roundRequests < 1 || roundTime.isNegative()) {
                throw new IllegalArgumentException("Need at least one round of at least one request, and no negative"
                                                   + " warm-up or time: rounds=" + rounds + ", warmupRounds="
                                                   + warmupRounds + ", roundRequests=" + roundRequests
                                                   + ", roundTime=" + roundTime);
            }
            if (roundTime.isZero() && roundRequests == Long.MAX_VALUE) {
                throw new IllegalArgumentException("A round needs a time or a request limit");
            }
        }

        /**
         * The full run: 3 warm-up and 10 measured rounds of 1 s per peer and concurrency. Short rounds, many of
         * them: the peers of a round run close together in time, so the per-round ratio survives a machine whose
         * load changes.
         */
        public static Settings standard() {
            return new Settings(3, 10, Duration.ofMillis(1000), Long.MAX_VALUE);
        }

        /**
         * {@link #standard()} with the system properties {@code bench.warmupRounds}, {@code bench.rounds},
         * {@code bench.roundMillis}, {@code bench.roundRequests} and {@code bench.order} ({@code rotate}, the
         * default, or {@code fixed}) applied.
         */
        public static Settings fromSystemProperties() {
            Settings d = standard();
            long millis = Long.getLong("bench.roundMillis", d.roundTime().toMillis());
            String order = System.getProperty("bench.order", "rotate");
            if (!order.equals("rotate") && !order.equals("fixed")) {
                throw new IllegalArgumentException("bench.order must be rotate or fixed, not " + order);
            }
            return new Settings(Integer.getInteger("bench.warmupRounds", d.warmupRounds()),
                    Integer.getInteger("bench.rounds", d.rounds()), Duration.ofMillis(millis),
                    Long.getLong("bench.roundRequests", d.roundRequests()), order.equals("rotate"));
        }

        String describe() {
            String limit = roundTime.isZero() ? roundRequests + " requests"
                    : roundRequests == Long.MAX_VALUE ? fmt(roundTime.toMillis() / 1000.0, 1) + " s"
                    : fmt(roundTime.toMillis() / 1000.0, 1) + " s or " + roundRequests + " requests";
            return rounds + " round(s) of " + limit + " per peer after " + warmupRounds + " warm-up round(s)"
                   + (rotateOrder ? ", peer order rotated" : ", peer order fixed");
        }
    }

    /**
     * One measured round of one peer. {@code allocatedBytes} and {@code cpuNanos} are of the counted threads,
     * {@code otherCpuNanos} of the rest (e.g. an in-process server); each is -1 when not measured.
     */
    public record Round(long requests, long elapsedNanos, long allocatedBytes, long cpuNanos, long otherCpuNanos) {

        public double perSecond() {
            return requests * 1e9 / elapsedNanos;
        }

        public double bytesPerRequest() {
            return allocatedBytes < 0 ? -1 : (double) allocatedBytes / requests;
        }

        public double cpuMicrosPerRequest() {
            return cpuNanos < 0 ? -1 : cpuNanos / 1e3 / requests;
        }

        public double otherCpuMicrosPerRequest() {
            return otherCpuNanos < 0 ? -1 : otherCpuNanos / 1e3 / requests;
        }
    }

    /** The rounds of one peer at one concurrency, with the latencies of all its measured requests. */
    public static final class PeerResult {
        private final String name;
        private final List<Round> rounds = new ArrayList<>();
        private final List<long[]> latencyChunks = new ArrayList<>();
        private long[] sortedLatencies;

        PeerResult(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public List<Round> rounds() {
            return rounds;
        }

        /** Requests per second of each round, in round order. */
        public double[] throughputs() {
            return rounds.stream().mapToDouble(Round::perSecond).toArray();
        }

        public double medianThroughput() {
            return median(throughputs());
        }

        public long totalRequests() {
            return rounds.stream().mapToLong(Round::requests).sum();
        }

        /** The latency at quantile {@code q} (0 &lt; q &lt;= 1, nearest rank) over all measured requests, in ns. */
        public long latencyNanos(double q) {
            long[] all = sortedLatencies();
            if (all.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(q * all.length);
            return all[Math.min(all.length, Math.max(1, rank)) - 1];
        }

        /** The median over rounds of the allocated bytes per request; -1 when not measured. */
        public double bytesPerRequest() {
            return median(rounds.stream().mapToDouble(Round::bytesPerRequest).toArray());
        }

        /** The median over rounds of the counted threads' CPU time per request, in µs; -1 when not measured. */
        public double cpuMicrosPerRequest() {
            return median(rounds.stream().mapToDouble(Round::cpuMicrosPerRequest).toArray());
        }

        /** The median over rounds of the other threads' CPU time per request, in µs; -1 when not measured. */
        public double otherCpuMicrosPerRequest() {
            return median(rounds.stream().mapToDouble(Round::otherCpuMicrosPerRequest).toArray());
        }

        private synchronized long[] sortedLatencies() {
            if (sortedLatencies == null) {
                sortedLatencies = latencyChunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
            return sortedLatencies;
        }
    }

    /** Every peer's rounds at one concurrency. */
    public record Result(String title, int concurrency, Settings settings, List<PeerResult> peers) {

        public PeerResult peer(String name) {
            return peers.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No peer " + name));
        }

        /** {@code a}'s throughput over {@code b}'s, round by round (the peers of a round ran back to back). */
        public double[] ratios(String a, String b) {
            double[] x = peer(a).throughputs();
            double[] y = peer(b).throughputs();
            double[] r = new double[Math.min(x.length, y.length)];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] / y[i];
            }
            return r;
        }
    }

    private final Settings settings;
    private final ThreadCost threadCost;
    private final long[] latencyBuffer;
    /** The caller threads of blocking peers, kept between rounds so that their CPU time is counted. */
    private final java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newCachedThreadPool(
            new java.util.concurrent.ThreadFactory() {
                private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "bench-caller-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });

    /**
     * @param countedThreads which threads' allocations and CPU time belong to the peers (leave out an in-process
     *                       server's threads)
     */
    public Harness(Settings settings, Predicate<String> countedThreads) {
        this.settings = settings;
        this.threadCost = new ThreadCost(countedThreads);
        // one buffer for every round; a round's latencies are copied out after the round
        this.latencyBuffer = new long[(int) Math.min(settings.roundRequests(), 1 << 22)];
    }

    public Settings settings() {
        return settings;
    }

    /** Warms up, then measures every peer in alternating rounds at the given concurrency. */
    public Result measure(String title, int concurrency, List<Peer> peers) throws InterruptedException {
        for (int i = 0; i < settings.warmupRounds(); i++) {
            for (Peer p : peers) {
                runRound(p, concurrency, null);
            }
        }
        Map<String, PeerResult> results = new LinkedHashMap<>();
        peers.forEach(p -> results.put(p.name(), new PeerResult(p.name())));
        for (int i = 0; i < settings.rounds(); i++) {
            for (Peer p : cycleOrder(peers, i)) {
                runRound(p, concurrency, results.get(p.name()));
            }
        }
        return new Result(title, concurrency, settings, List.copyOf(results.values()));
    }

    /**
     * The order of the peers in measured cycle {@code cycle}. Rotated by default because the slot matters: with a
     * fixed order A B C on 2 cores, a peer doing strictly more work than B measured up to 0.1 faster in slot C
     * (benchmarks/README.md, "Peer order"), so a fixed order would put a slot's bias into every ratio.
     */
    List<Peer> cycleOrder(List<Peer> peers, int cycle) {
        if (!settings.rotateOrder() || peers.size() < 2) {
            return peers;
        }
        int shift = cycle % peers.size();
        List<Peer> order = new ArrayList<>(peers.size());
        order.addAll(peers.subList(shift, peers.size()));
        order.addAll(peers.subList(0, shift));
        return order;
    }

    /** Runs one round; records it into {@code into} unless it is a warm-up round ({@code null}). */
    private void runRound(Peer peer, int concurrency, PeerResult into) throws InterruptedException {
        RoundState state = new RoundState(settings, latencyBuffer, concurrency);
        System.gc();
        ThreadCost.Snapshot before = threadCost.snapshot();
        long start = System.nanoTime();
        state.start(start);
        for (int i = 0; i < concurrency; i++) {
            if (peer.blocking() != null) {
                callers.execute(new BlockingLane(peer.blocking(), state));
            } else {
                new Lane(peer.call(), state).next();
            }
        }
        long timeout = settings.roundTime().toMillis() + TimeUnit.SECONDS.toMillis(60);
        if (!state.finished.await(timeout, TimeUnit.MILLISECONDS)) {
            state.abort(new IllegalStateException("requests still in flight " + timeout + " ms after the round started"));
            throw new IllegalStateException(peer.name() + ": the round did not finish", state.failure.get());
        }
        long elapsed = System.nanoTime() - start;
        ThreadCost.Usage usage = threadCost.since(before, threadCost.snapshot());
        if (state.failure.get() != null) {
            throw new IllegalStateException(peer.name() + " failed a request: " + state.failure.get(),
                    state.failure.get());
        }
        if (into != null) {
            long requests = state.completed.get();
            into.rounds.add(new Round(requests, elapsed, usage.allocatedBytes(), usage.cpuNanos(),
                    usage.otherCpuNanos()));
            into.latencyChunks.add(Arrays.copyOf(latencyBuffer, (int) Math.min(requests, latencyBuffer.length)));
        }
    }

    /** The shared state of one round: permits to start requests, completions, latencies, the first failure. */
    private static final class RoundState {
        final long maxRequests;
        final long timeNanos;
        final long[] latencies;
        final AtomicLong started = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch finished;
        volatile long deadline;
        volatile boolean aborted;

        RoundState(Settings s, long[] latencies, int concurrency) {
            this.maxRequests = s.roundRequests();
            this.timeNanos = s.roundTime().toNanos();
            this.latencies = latencies;
            this.finished = new CountDownLatch(concurrency);
        }

        void start(long now) {
            deadline = now + timeNanos;
        }

        boolean permit() {
            return !aborted && (timeNanos == 0 || System.nanoTime() - deadline < 0)
                   && started.getAndIncrement() < maxRequests;
        }

        void completed(long latencyNanos) {
            long i = completed.getAndIncrement();
            if (i < latencies.length) {
                latencies[(int) i] = latencyNanos;
            }
        }

        void abort(Throwable t) {
            failure.compareAndSet(null, t);
            aborted = true;
        }
    }

    /** One of the {@code concurrency} chains of requests: each completion starts the next request. */
    private static final class Lane implements Done {
        private final Call call;
        private final RoundState state;
        private long startedAt;

        Lane(Call call, RoundState state) {
            this.call = call;
            this.state = state;
        }

        void next() {
            if (!state.permit()) {
                state.finished.countDown();
                return;
            }
            startedAt = System.nanoTime();
            try {
                call.start(this);
            } catch (RuntimeException e) {
                done(e);
            }
        }

        @Override
        public void done(Throwable failure) {
            long latency = System.nanoTime() - startedAt;
            if (failure != null) {
                state.abort(failure);
            } else {
                state.completed(latency);
            }
            next();
        }
    }

    /** One caller thread of a blocking peer: one request after the other while the round lasts. */
    private record BlockingLane(BlockingCall call, RoundState state) implements Runnable {
        @Override
        public void run() {
            try {
                while (state.permit()) {
                    long startedAt = System.nanoTime();
                    try {
                        call.call();
                        state.completed(System.nanoTime() - startedAt);
                    } catch (Exception | Error e) {
                        state.abort(e);
                    }
                }
            } finally {
                state.finished.countDown();
            }
        }
    }

    // ---- report --------------------------------------------------------------------------------------------------

    /** A line about the JVM and machine, for the head of a report. */
    public static String environment() {
        Runtime rt = Runtime.getRuntime();
        return "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
               + rt.availableProcessors() + " CPUs, max heap " + rt.maxMemory() / (1024 * 1024) + " MB, "
               + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + load();
    }

    /**
     * The system load average: a run on a machine that other work keeps busy is noisy (the ratios, measured round
     * by round, suffer less than the absolute figures).
     */
    public static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average n/a" : "load average " + fmt(load, 2);
    }

    /**
     * Prints one result: per peer requests/s (median of rounds, [min - max]), the ratio to the baseline peer
     * (median of per-round ratios, [min - max]), p50/p99 latency over all measured requests, and per request the
     * bytes allocated and CPU time used by the counted threads and the CPU time of the other threads.
     */
    public static void print(Result r, String baseline, PrintStream out) {
        String row = "%-34s %9s  %-19s  %-19s %8s %8s %8s %8s %8s%n";
        out.println();
        out.println("== " + r.title() + ", concurrency " + r.concurrency() + ": " + r.settings().describe() + "; "
                    + load());
        out.printf(Locale.ROOT, row, "peer", "req/s", "[min - max]", "ratio [min - max]", "p50 us", "p99 us",
                "B/req", "cpu us", "other us");
        for (PeerResult p : r.peers()) {
            double[] t = p.throughputs();
            double[] ratios = r.ratios(p.name(), baseline);
            String ratio = p.name().equals(baseline) ? "1 (baseline)"
                    : fmt(median(ratios), 2) + " [" + fmt(min(ratios), 2) + " - " + fmt(max(ratios), 2) + "]";
            out.printf(Locale.ROOT, row, p.name(), grouped(p.medianThroughput()),
                    "[" + grouped(min(t)) + " - " + grouped(max(t)) + "]", ratio,
                    fmt(p.latencyNanos(0.50) / 1e3, 0), fmt(p.latencyNanos(0.99) / 1e3, 0),
                    orNa(p.bytesPerRequest(), 0), orNa(p.cpuMicrosPerRequest(), 1),
                    orNa(p.otherCpuMicrosPerRequest(), 1));
        }
        out.println("   " + r.peers().stream().mapToLong(PeerResult::totalRequests).sum() + " measured requests."
                    + " req/s: median of rounds [min - max]. ratio: req/s over the baseline's in the same round,");
        out.println("   median [min - max] over rounds. p50/p99: latency over all measured requests. Per request,"
                    + " medians of rounds: B/req and cpu us");
        out.println("   = bytes allocated and CPU time of the peer's threads; other us = CPU time of the other threads"
                    + " (the in-process server).");
    }

    /** Prints every round of a result, for a closer look at noise and warm-up trends. */
    public static void printRounds(Result r, PrintStream out) {
        for (PeerResult p : r.peers()) {
            StringBuilder sb = new StringBuilder("   rounds of " + p.name() + ":");
            for (Round round : p.rounds()) {
                sb.append(' ').append(grouped(round.perSecond()));
            }
            out.println(sb.append(" req/s"));
        }
    }

    /**
     * Prints what a request of {@code a} costs the peer's threads relative to {@code b}: CPU time and allocated
     * bytes per request (medians of rounds). Steadier than req/s on a busy machine, which slows both but charges
     * each only for its own work.
     */
    public static void printCostRatio(Result r, String a, String b, PrintStream out) {
        PeerResult pa = r.peer(a);
        PeerResult pb = r.peer(b);
        if (pa.cpuMicrosPerRequest() < 0 || pa.bytesPerRequest() < 0) {
            return;
        }
        out.printf(Locale.ROOT, "   per request, \"%s\" over \"%s\": CPU %sx (%s vs %s us), allocation %sx (%s vs %s B)%n",
                a, b, fmt(pa.cpuMicrosPerRequest() / pb.cpuMicrosPerRequest(), 2), fmt(pa.cpuMicrosPerRequest(), 1),
                fmt(pb.cpuMicrosPerRequest(), 1), fmt(pa.bytesPerRequest() / pb.bytesPerRequest(), 2),
                grouped(pa.bytesPerRequest()), grouped(pb.bytesPerRequest()));
    }

    /** Prints {@code a}'s throughput relative to {@code b}'s, e.g. the cost of one feature. */
    public static void printRatio(Result r, String label, String a, String b, PrintStream out) {
        double[] ratios = r.ratios(a, b);
        out.printf(Locale.ROOT, "   %s: %s [%s - %s]  (req/s of \"%s\" over \"%s\", per round)%n", label,
                fmt(median(ratios), 3), fmt(min(ratios), 3), fmt(max(ratios), 3), a, b);
    }

    private static String orNa(double v, int decimals) {
        return v < 0 ? "n/a" : decimals == 0 ? grouped(v) : fmt(v, decimals);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String grouped(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }
}
