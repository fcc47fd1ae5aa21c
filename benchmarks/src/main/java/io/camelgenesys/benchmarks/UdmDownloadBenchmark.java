package io.camelgenesys.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.UdmFile;
import io.camelgenesys.udm.UdmConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

/**
 * UDM download throughput and heap: an export file of the embedded simulator downloaded through a Camel route
 * ({@code from("direct:download").to("genesys-udm:downloadFile").to("file:...")}: the 303 from Genesys followed
 * without credentials, the body streamed from the storage host into the file) beside a raw Jetty 12
 * {@link HttpClient} doing the same two requests (the GET with the token and API key, then the GET of the
 * pre-signed link, its body copied from an {@link InputStreamResponseListener} into the file), in the same run.
 * Each caller thread downloads a file of its own (same size), written under its name and deleted once checked.
 * <p>
 * Peers, alternated round by round, each download blocking one caller thread (as {@code ProducerTemplate} does):
 * <ul>
 * <li>{@value #RAW}: the baseline;</li>
 * <li>{@value #CAMEL}: the route, the body a stream written by {@code file:};</li>
 * <li>{@value #CAMEL_DIRECTORY}: {@code downloadFile?downloadDirectory=...}, written with asynchronous file I/O.</li>
 * </ul>
 * Throughput is files/s (and MiB/s) of {@code bench.udm.fileMb} MiB files; every written file is checked for its size
 * and deleted. Then the heap high-water mark: per peer, after a GC, the peaks of the heap pools are reset, one
 * {@code bench.udm.heapFileMb} MiB file is downloaded, and the sum of the pools' peaks above the heap used before is
 * printed (garbage not yet collected included: run with a small {@code -Xmx} to see what the download needs).
 * <p>
 * Run: see benchmarks/README.md. Settings: {@link Harness.Settings#fromSystemProperties()},
 * {@code -Dbench.concurrency=1,4}, {@code -Dbench.udm.fileMb=32}, {@code -Dbench.udm.heapFileMb=256}.
 */
public final class UdmDownloadBenchmark {

    public static final String RAW = "raw Jetty GET + 303 to a file";
    public static final String CAMEL = "camel downloadFile -> file:";
    public static final String CAMEL_DIRECTORY = "camel downloadDirectory";

    private static final String SIMULATOR_THREADS = "genesys-simulator";
    private static final long MIB = 1024 * 1024;

    /** What one run measured: the throughput results and each peer's heap high-water mark in bytes. */
    public record Report(List<Harness.Result> results, Map<String, Long> heapHighWater, long fileBytes,
                         long heapFileBytes) {
    }

    private UdmDownloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,4").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        long fileBytes = Long.getLong("bench.udm.fileMb", 32) * MIB;
        long heapFileBytes = Long.getLong("bench.udm.heapFileMb", 256) * MIB;
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.udm.dir", "target/udm-download-bench")));
        run(Harness.Settings.fromSystemProperties(), concurrencies, fileBytes, heapFileBytes, work, System.out);
    }

    /** Runs the benchmark, prints its report, and returns its figures. Files are written under {@code work}. */
    public static Report run(Harness.Settings settings, int[] concurrencies, long fileBytes, long heapFileBytes,
                             Path work, PrintStream out) throws Exception {
        out.println("UDM download: " + CAMEL + " and " + CAMEL_DIRECTORY + " vs " + RAW
                    + " against the embedded simulator's storage host");
        out.println(Harness.environment());
        // each download is one API call: the simulator's budget (300 a minute by default, as Genesys') is raised, or
        // the fast peers would wait for the next minute, which measures the budget and not the download
        GenesysSimulator sim = GenesysSimulator.builder().rateLimit(10_000_000, Duration.ofMinutes(1)).build();
        HttpClient raw = null;
        CamelContext camel = null;
        try {
            sim.start();
            // a file per caller thread, so that concurrent downloads never write the same path
            AtomicInteger files = new AtomicInteger();
            ThreadLocal<UdmFile> file = ThreadLocal.withInitial(
                    () -> sim.udm().addFile("bench-" + files.incrementAndGet() + ".csv", fileBytes));
            UdmFile big = sim.udm().addFile("bench-heap.csv", heapFileBytes);
            raw = ExecutorGetBenchmark.rawClient();
            String token = StatsDeliveryBenchmark.multicloudToken(sim);
            Path rawDir = Files.createDirectories(work.resolve("raw"));
            Path camelDir = Files.createDirectories(work.resolve("camel"));
            Path directoryDir = Files.createDirectories(work.resolve("camel-directory"));
            // the client-side limiter off as well, as the raw peer has none
            camel = camelContext(StatsDeliveryBenchmark.multicloudOptions(sim) + "&rateLimit=0", camelDir,
                    directoryDir);
            ProducerTemplate template = camel.createProducerTemplate();

            Map<String, Download> downloads = new LinkedHashMap<>();
            downloads.put(RAW, rawDownload(raw, sim, token, rawDir));
            downloads.put(CAMEL, camelDownload(template, "direct:stream"));
            downloads.put(CAMEL_DIRECTORY, camelDownload(template, "direct:directory"));

            List<Harness.Peer> peers = new ArrayList<>();
            downloads.forEach((name, download)
                    -> peers.add(Harness.Peer.blocking(name, () -> download.fetch(file.get()))));
            Harness harness = new Harness(settings, name -> !name.startsWith(SIMULATOR_THREADS));
            List<Harness.Result> results = new ArrayList<>();
            for (int concurrency : concurrencies) {
                Harness.Result r = harness.measure("UDM download of " + fileBytes / MIB + " MiB files", concurrency,
                        peers);
                Harness.print(r, RAW, out);
                for (Harness.PeerResult p : r.peers()) {
                    out.printf(Locale.ROOT, "   %s: %.1f MiB/s (median of rounds)%n", p.name(),
                            p.medianThroughput() * fileBytes / MIB);
                }
                Harness.printRatio(r, "route over raw, files/s (target >= 0.8)", CAMEL, RAW, out);
                Harness.printRatio(r, "downloadDirectory over raw, files/s", CAMEL_DIRECTORY, RAW, out);
                Harness.printCostRatio(r, CAMEL, RAW, out);
                if (Boolean.getBoolean("bench.verbose")) {
                    Harness.printRounds(r, out);
                }
                results.add(r);
            }

            Map<String, Long> heap = new LinkedHashMap<>();
            for (Map.Entry<String, Download> d : downloads.entrySet()) {
                heap.put(d.getKey(), heapHighWater(() -> d.getValue().fetch(big)));
            }
            out.println();
            out.println("== heap high-water mark of one " + heapFileBytes / MIB + " MiB download (max heap "
                        + Runtime.getRuntime().maxMemory() / MIB + " MiB): peak of the heap pools above the heap"
                        + " in use before it, garbage included");
            heap.forEach((name, bytes) -> out.printf(Locale.ROOT, "   %-34s %8.1f MiB%s%n", name, bytes / (double) MIB,
                    name.equals(RAW) ? " (baseline)"
                            : String.format(Locale.ROOT, "  (%.2fx)", bytes / (double) Math.max(1, heap.get(RAW)))));
            return new Report(results, heap, fileBytes, heapFileBytes);
        } finally {
            ExecutorGetBenchmark.stopQuietly(camel);
            if (raw != null) {
                raw.stop();
            }
            sim.stop();
        }
    }

    /** One download of a file of the simulator, checked and removed; blocks its caller until done. */
    @FunctionalInterface
    interface Download {
        void fetch(UdmFile file) throws Exception;
    }

    // ---- raw Jetty peer ------------------------------------------------------------------------------------------

    /**
     * GET /udm/v10/files/{name} with the bearer token and x-api-key, then the 303's Location without them, its body
     * streamed into a file: what a hand-written client of UDM does with Jetty.
     */
    private static Download rawDownload(HttpClient client, GenesysSimulator sim, String token, Path dir) {
        String authorization = "Bearer " + token;
        return file -> {
            URI api = URI.create(sim.baseUrl() + "/udm/v10/files/" + file.name());
            InputStreamResponseListener redirect = new InputStreamResponseListener();
            client.newRequest(api)
                    .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization).put("x-api-key",
                            sim.multicloudApiKey()))
                    .timeout(60, TimeUnit.SECONDS)
                    .send(redirect);
            Response answer = redirect.get(60, TimeUnit.SECONDS);
            String location = answer.getHeaders().get(HttpHeader.LOCATION);
            try (InputStream ignored = redirect.getInputStream()) {
                ignored.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (answer.getStatus() != 303 || location == null) {
                throw new IllegalStateException("GET " + api.getPath() + " answered " + answer.getStatus());
            }
            InputStreamResponseListener body = new InputStreamResponseListener();
            client.newRequest(api.resolve(location)).idleTimeout(60, TimeUnit.SECONDS).send(body);
            Response response = body.get(60, TimeUnit.SECONDS);
            Path target = dir.resolve(file.name());
            try (InputStream in = body.getInputStream()) {
                if (response.getStatus() != 200) {
                    throw new IllegalStateException("The storage host answered " + response.getStatus());
                }
                Files.copy(in, target);
            }
            checkAndDelete(target, file);
        };
    }

    // ---- Camel peers ---------------------------------------------------------------------------------------------

    private static CamelContext camelContext(String connection, Path streamDir, Path directoryDir) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("udm-download-bench");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // stored under the file's name (CamelFileName, set by the download)
                from("direct:stream")
                        .to("genesys-udm:downloadFile?" + connection)
                        .to("file:" + streamDir);
                from("direct:directory")
                        .to("genesys-udm:downloadFile?" + connection + "&downloadDirectory=" + directoryDir);
            }
        });
        context.start();
        return context;
    }

    /** Sends the file name into the route and checks what it wrote (the file: step's name, or the body's File). */
    private static Download camelDownload(ProducerTemplate template, String uri) {
        return file -> {
            Exchange done = template.request(uri, e -> e.getMessage().setHeader(UdmConstants.FILE_NAME, file.name()));
            if (done.getException() != null) {
                throw done.getException();
            }
            Object written = done.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED);
            Path target = written != null ? Path.of(written.toString())
                    : done.getMessage().getBody(java.io.File.class).toPath();
            checkAndDelete(target, file);
        };
    }

    private static void checkAndDelete(Path target, UdmFile file) throws IOException {
        long size = Files.size(target);
        Files.delete(target);
        if (size != file.size()) {
            throw new IllegalStateException(target + " has " + size + " bytes, " + file.name() + " " + file.size());
        }
    }

    // ---- heap ----------------------------------------------------------------------------------------------------

    /** The heap pools' peak usage during {@code download}, less the heap in use after a GC before it. */
    static long heapHighWater(Harness.BlockingCall download) throws Exception {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        download.call();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return Math.max(0, peak - before);
    }
}
