package io.camelgenesys.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgenesys.contacts.ContactsConstants;
import io.camelgenesys.contacts.ContactsOperation;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Benchmark "CRM sync": push N contacts from a CRM into Genesys Cloud external contacts through genesys-contacts,
 * against the embedded simulator with its per-token rate budget set, once one call per contact and once in bulk.
 * <p>
 * Modes (each on a fresh simulator and a fresh CamelContext, so each starts with a full budget and an empty store):
 * <ul>
 * <li>{@value #SINGLE}: one exchange per contact to {@code genesys-contacts:enrich} with action {@code Upsert} and
 * the CRM key as matching identifier (the idempotent upsert a CRM sync wants);</li>
 * <li>{@value #BULK}: exchanges of {@code exchangeSize} of the same upserts to {@code genesys-contacts:bulkEnrich}
 * with {@code bulkFailureMode=continue}, which the component sends in API-sized batches (at most 10 enrich
 * operations per request) and whose failed items it reports in the {@code CamelGenesysBulkFailureCount} header;</li>
 * <li>{@value #IMPORT}: one exchange with every contact as a row to {@code genesys-contacts:importContacts} with
 * {@code waitForCompletion=true}: upload request, upload to the storage host (another host: not in the budget), job,
 * polls, report. Import settings with {@code mergeContacts} on {@code workEmail} make it an upsert too; they and the
 * CSV settings are created before the clock starts, and their requests are not counted.</li>
 * </ul>
 * When the component does not have {@code enrich} / {@code bulkEnrich} (yet), the mode falls back to
 * {@code create} / {@code bulkAdd} and the report names the operation it used.
 * <p>
 * The component's client-side limiter is set to the simulator's budget ({@code rateLimit}, {@code rateLimitPeriod}),
 * so it should keep 429s near 0; the simulator's own count of 429s is reported as seen, with the retries they cost
 * included in the request count. Exchanges are sent asynchronously with at most {@code inFlight} in flight.
 * <p>
 * Reported per mode: API requests (all {@code /api/v2/externalcontacts/**} requests the simulator received, retries
 * included), requests per contact, elapsed time (first send to last completion), contacts per minute, the share of the
 * budget used (requests over the budget of the rate-limit windows the run spanned), 429s, failed exchanges (must be
 * 0), failed bulk items, and the contacts stored in the simulator at the end.
 * <p>
 * Run: see benchmarks/README.md. Settings: {@link Settings#fromSystemProperties()}.
 */
public final class CrmSyncBenchmark {

    public static final String SINGLE = "single-call";
    public static final String BULK = "bulk";
    /** Genesys' own bulk-load path: every contact as one CSV through {@code importContacts}, waited for. */
    public static final String IMPORT = "import-job";

    private static final String CONTACTS_API = "/api/v2/externalcontacts/**";

    /** Per mode, the upsert operation it measures and the plain insert it falls back to when that is missing. */
    private static final Map<String, String> UPSERT = Map.of(SINGLE, "enrich", BULK, "bulkEnrich", IMPORT,
            "importContacts");
    private static final Map<String, String> FALLBACK = Map.of(SINGLE, "create", BULK, "bulkAdd", IMPORT,
            "importContacts");

    private CrmSyncBenchmark() {
    }

    /**
     * @param contacts        contacts to sync per mode
     * @param budgetPerMinute the simulator's per-token budget, in requests per minute
     * @param window          the simulator's fixed rate-limit window (Genesys: 1 minute); the budget per window is
     *                        {@code budgetPerMinute × window / 1 min}
     * @param inFlight        exchanges in flight at most
     * @param exchangeSize    contacts per exchange in the bulk mode
     * @param modes           {@value #SINGLE} and/or {@value #BULK}
     */
    public record Settings(int contacts, int budgetPerMinute, Duration window, int inFlight, int exchangeSize,
                           List<String> modes) {

        public Settings {
            if (contacts < 1 || inFlight < 1 || exchangeSize < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException("contacts, inFlight, exchangeSize and window must be positive: "
                                                   + contacts + ", " + inFlight + ", " + exchangeSize + ", " + window);
            }
            if (budgetPerWindow(budgetPerMinute, window) < 1) {
                throw new IllegalArgumentException("The budget must allow at least one request per window: "
                                                   + budgetPerMinute + " per minute with a window of " + window);
            }
            for (String mode : modes) {
                if (!mode.equals(SINGLE) && !mode.equals(BULK) && !mode.equals(IMPORT)) {
                    throw new IllegalArgumentException("Unknown mode " + mode + ", expected " + SINGLE + ", " + BULK
                                                       + " or " + IMPORT);
                }
            }
            modes = List.copyOf(modes);
        }

        /**
         * The full run: 10,000 contacts at 6,000 requests per minute enforced in 10-second windows (1,000 each), 16
         * exchanges in flight, 100 contacts per bulk exchange. Short windows: the single-call run spans about ten of
         * them, so its contacts per minute show the sustained rate rather than one window's burst.
         */
        public static Settings standard() {
            return new Settings(10_000, 6_000, Duration.ofSeconds(10), 16, 100, List.of(SINGLE, BULK, IMPORT));
        }

        /**
         * {@link #standard()} with {@code bench.crm.contacts}, {@code bench.crm.budgetPerMinute},
         * {@code bench.crm.windowMillis}, {@code bench.crm.inFlight}, {@code bench.crm.exchangeSize} and
         * {@code bench.crm.modes} ({@code single}, {@code bulk} or both, comma separated) applied.
         */
        public static Settings fromSystemProperties() {
            Settings d = standard();
            List<String> modes = Arrays.stream(System.getProperty("bench.crm.modes", "single,bulk,import").split(","))
                    .map(String::trim).map(m -> switch (m) {
                        case "single" -> SINGLE;
                        case "bulk" -> BULK;
                        case "import" -> IMPORT;
                        default -> throw new IllegalArgumentException("bench.crm.modes: unknown mode " + m
                                                                      + ", expected single, bulk and/or import");
                    }).toList();
            return new Settings(Integer.getInteger("bench.crm.contacts", d.contacts()),
                    Integer.getInteger("bench.crm.budgetPerMinute", d.budgetPerMinute()),
                    Duration.ofMillis(Long.getLong("bench.crm.windowMillis", d.window().toMillis())),
                    Integer.getInteger("bench.crm.inFlight", d.inFlight()),
                    Integer.getInteger("bench.crm.exchangeSize", d.exchangeSize()), modes);
        }

        /** The simulator's (and the component's) request budget per window. */
        public int budgetPerWindow() {
            return budgetPerWindow(budgetPerMinute, window);
        }

        private static int budgetPerWindow(int perMinute, Duration window) {
            return (int) (perMinute * window.toMillis() / 60_000L);
        }
    }

    /**
     * One mode's run.
     *
     * @param requests         {@code /api/v2/externalcontacts/**} requests the simulator received (retries included)
     * @param rateLimited      of those, answered 429 by the simulator's rate limiter
     * @param failedExchanges  exchanges that ended with an exception
     * @param failedItems      bulk items the API reported as failed (0 in the single-call mode)
     * @param stored           contacts in the simulator's store at the end
     * @param firstFailure     the first failure seen, or {@code null}
     * @param completionsPerSecond exchanges completed in each second of the run
     */
    public record SyncResult(String mode, String operation, int contacts, long elapsedNanos, int requests,
                             int rateLimited, int failedExchanges, int failedItems, int stored, int budgetPerWindow,
                             Duration window, String firstFailure, int[] completionsPerSecond) {

        public double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }

        public double contactsPerMinute() {
            return contacts * 60e9 / elapsedNanos;
        }

        public double requestsPerContact() {
            return (double) requests / contacts;
        }

        /** The rate-limit windows the run spanned: its elapsed time in windows, rounded up. */
        public long windowsSpanned() {
            return Math.max(1, (elapsedNanos + window.toNanos() - 1) / window.toNanos());
        }

        /** Requests over the budget of the windows the run spanned (1 = every request the budget allowed). */
        public double budgetUsed() {
            return (double) requests / ((double) budgetPerWindow * windowsSpanned());
        }
    }

    public static void main(String[] args) throws Exception {
        run(Settings.fromSystemProperties(), System.out);
    }

    /**
     * Runs every mode of the settings, prints the report, and returns one result per mode measured; a mode whose
     * operations the component does not have is reported as not measured and left out.
     */
    public static List<SyncResult> run(Settings settings, PrintStream out) throws Exception {
        out.println("CRM sync: " + String.format(Locale.ROOT, "%,d", settings.contacts()) + " contacts through"
                    + " genesys-contacts, single-call upsert vs bulk vs import job, against the embedded simulator");
        out.println(Harness.environment());
        List<SyncResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String mode : settings.modes()) {
            String operation = operation(mode);
            if (operation == null) {
                notes.add(mode + ": not measured, genesys-contacts has neither " + UPSERT.get(mode) + " nor "
                          + FALLBACK.get(mode));
            } else {
                if (!operation.equals(UPSERT.get(mode))) {
                    notes.add(mode + ": genesys-contacts has no " + UPSERT.get(mode) + " operation yet, so this mode"
                              + " used " + operation + " (no upsert: a second sync would duplicate the contacts)");
                }
                results.add(runMode(settings, mode, operation));
            }
        }
        print(settings, results, notes, out);
        return results;
    }

    /**
     * The operation a mode uses: the upsert operation when the component has it, else its insert fallback, else
     * {@code null}.
     */
    public static String operation(String mode) {
        return hasOperation(UPSERT.get(mode)) ? UPSERT.get(mode)
                : hasOperation(FALLBACK.get(mode)) ? FALLBACK.get(mode) : null;
    }

    private static boolean hasOperation(String name) {
        return Arrays.stream(ContactsOperation.values()).anyMatch(op -> op.name().equals(name));
    }

    private static SyncResult runMode(Settings s, String mode, String operation) throws Exception {
        GenesysSimulator sim = GenesysSimulator.builder().rateLimit(s.budgetPerWindow(), s.window()).build();
        CamelContext camel = null;
        try {
            sim.start();
            String base = "?baseUrl=" + sim.baseUrl() + "&clientId=" + sim.cloudClientId() + "&clientSecret=RAW("
                          + sim.cloudClientSecret() + ")&rateLimit=" + s.budgetPerWindow() + "&rateLimitPeriod="
                          + s.window().toMillis();
            String uri = "genesys-contacts:" + operation + base
                         // a sync goes on past a bad record and dead-letters it: failed items come in a header
                         + (mode.equals(BULK) ? "&bulkFailureMode=continue" : "")
                         + (mode.equals(IMPORT) ? "&waitForCompletion=true&waitPollDelay=100&waitPollMaxDelay=1000"
                                                  + "&settingsId=" + importSettings(sim, base) : "");
            camel = new DefaultCamelContext();
            camel.getCamelContextExtension().setName("crm-sync-" + operation);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sync").to(uri);
                }
            });
            camel.start();
            Endpoint direct = camel.getEndpoint("direct:sync");
            AsyncProducer producer = direct.createAsyncProducer();
            ServiceHelper.startService(producer);
            camel.addService(producer, true);

            List<Object> bodies = bodies(s, mode, operation);
            // the settings of the import mode are made before the clock starts: their requests are not the sync's
            int before = sim.requests().count("*", CONTACTS_API);
            Semaphore inFlight = new Semaphore(s.inFlight());
            CountDownLatch finished = new CountDownLatch(bodies.size());
            AtomicInteger failedExchanges = new AtomicInteger();
            AtomicInteger failedItems = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            AtomicLongArray completedAt = new AtomicLongArray(bodies.size());
            AtomicInteger completions = new AtomicInteger();
            System.gc();
            long start = System.nanoTime();
            for (Object body : bodies) {
                inFlight.acquire();
                Exchange exchange = direct.createExchange(ExchangePattern.InOut);
                exchange.getMessage().setBody(body);
                producer.process(exchange, doneSync -> {
                    try {
                        Exception e = exchange.getException();
                        if (e != null) {
                            failedExchanges.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        } else {
                            int failed = failedItems(exchange);
                            if (failed > 0) {
                                failedItems.addAndGet(failed);
                                firstFailure.compareAndSet(null, failed + " failed item(s): " + exchange.getMessage()
                                        .getHeader(ContactsConstants.BULK_FAILURES));
                            }
                        }
                    } finally {
                        completedAt.set(completions.getAndIncrement(), System.nanoTime() - start);
                        inFlight.release();
                        finished.countDown();
                    }
                });
            }
            long timeout = 10 * 60;
            if (!finished.await(timeout, TimeUnit.SECONDS)) {
                throw new IllegalStateException(mode + ": exchanges still in flight after " + timeout + " s");
            }
            long elapsed = System.nanoTime() - start;
            return new SyncResult(mode, operation, s.contacts(), elapsed,
                    sim.requests().count("*", CONTACTS_API) - before,
                    sim.requests().rateLimited(), failedExchanges.get(), failedItems.get(),
                    sim.externalContacts().contactCount(), s.budgetPerWindow(), s.window(), firstFailure.get(),
                    timeline(completedAt));
        } finally {
            ExecutorGetBenchmark.stopQuietly(camel);
            sim.stop();
        }
    }

    /** Exchanges completed in each second of the run, from their completion times in nanoseconds since the start. */
    private static int[] timeline(AtomicLongArray completedAt) {
        long last = 0;
        for (int i = 0; i < completedAt.length(); i++) {
            last = Math.max(last, completedAt.get(i));
        }
        int[] perSecond = new int[(int) (last / 1_000_000_000L) + 1];
        for (int i = 0; i < completedAt.length(); i++) {
            perSecond[(int) (completedAt.get(i) / 1_000_000_000L)]++;
        }
        return perSecond;
    }

    /** What the route receives: one body per exchange (a contact or enrich request, or a list of them). */
    private static List<Object> bodies(Settings s, String mode, String operation) {
        List<Object> records = new ArrayList<>(s.contacts());
        for (int i = 0; i < s.contacts(); i++) {
            records.add(operation.toLowerCase(Locale.ROOT).endsWith("enrich") ? enrichRequest(i) : crmContact(i));
        }
        if (mode.equals(SINGLE)) {
            return records;
        }
        if (mode.equals(IMPORT)) {
            return List.of(records); // every contact in one CSV
        }
        List<Object> exchanges = new ArrayList<>();
        for (int from = 0; from < records.size(); from += s.exchangeSize()) {
            exchanges.add(List.copyOf(records.subList(from, Math.min(records.size(), from + s.exchangeSize()))));
        }
        return exchanges;
    }

    /** Contact {@code i} of the CRM, as the External Contacts API takes it (seed 003 field names). */
    static Map<String, Object> crmContact(int i) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("firstName", "Crm");
        c.put("lastName", "Contact " + i);
        c.put("workEmail", "crm.contact." + i + "@example.com");
        return c;
    }

    /**
     * Upsert contact {@code i}, matched by its CRM key: {@code action} and {@code matchingIdentifiers} as in seed 003
     * (genesys_contacts_post_enrich); {@code Upsert} is one of the SDK's ContactEnrichRequest actions.
     */
    static Map<String, Object> enrichRequest(int i) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", "ExternalId");
        identifier.put("value", "crm-" + i);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("action", "Upsert");
        r.put("matchingIdentifiers", List.of(identifier));
        r.put("contact", crmContact(i));
        return r;
    }

    /** The bulk items or import rows an exchange's response reports as failed; 0 for a single-call exchange. */
    private static int failedItems(Exchange exchange) {
        Integer failed = exchange.getMessage().getHeader(ContactsConstants.BULK_FAILURE_COUNT, Integer.class);
        if (failed == null) {
            failed = exchange.getMessage().getHeader(ContactsConstants.IMPORT_FAILURE_COUNT, Integer.class);
        }
        return failed == null ? 0 : failed;
    }

    /**
     * The import mode's settings, through the component: an external source, import settings that merge by
     * {@code workEmail} (an upsert, as the other modes'), and CSV settings mapping {@link #crmContact}'s columns.
     *
     * @return the CSV settings id
     */
    @SuppressWarnings("unchecked")
    private static String importSettings(GenesysSimulator sim, String base) throws Exception {
        CamelContext setup = new DefaultCamelContext();
        try {
            setup.start();
            org.apache.camel.ProducerTemplate template = setup.createProducerTemplate();
            Map<String, Object> source = template.requestBody("genesys-contacts:createExternalSource" + base
                                                              + "&outputType=map", Map.of("name", "CRM"), Map.class);
            Map<String, Object> settings = template.requestBody("genesys-contacts:createImportSettings" + base
                                                                + "&outputType=map", Map.of("name", "CRM sync",
                    "mergeContacts", true, "externalSourceId", source.get("id"), "matchingCriteria",
                    List.of("workEmail"), "importFields", List.of()), Map.class);
            Map<String, Object> csv = template.requestBody("genesys-contacts:createCsvSettings" + base
                                                           + "&outputType=map", Map.of("externalSettingsId",
                    settings.get("id"), "mappings", List.of(Map.of("sourceField", "firstName", "targetField",
                            "firstName"), Map.of("sourceField", "lastName", "targetField", "lastName"),
                            Map.of("sourceField", "workEmail", "targetField", "workEmail"))), Map.class);
            return (String) csv.get("id");
        } finally {
            ExecutorGetBenchmark.stopQuietly(setup);
        }
    }

    // ---- report --------------------------------------------------------------------------------------------------

    static void print(Settings s, List<SyncResult> results, List<String> notes, PrintStream out) {
        String row = "%-12s %-17s %9s %8s %9s %13s %8s %6s %8s %8s %8s%n";
        out.println();
        out.printf(Locale.ROOT, "== CRM sync of %,d contacts; simulator budget %,d requests/min per token, enforced as"
                                + " %,d per %s window (component: rateLimit=%d, rateLimitPeriod=%d); %d exchange(s)"
                                + " in flight, %d contacts per bulk exchange; %s%n", s.contacts(),
                s.budgetPerMinute(), s.budgetPerWindow(), seconds(s.window()), s.budgetPerWindow(),
                s.window().toMillis(), s.inFlight(), s.exchangeSize(), Harness.load());
        out.printf(Locale.ROOT, row, "mode", "operation", "requests", "req/cont", "elapsed s", "contacts/min",
                "budget", "429s", "failed", "items", "stored");
        for (SyncResult r : results) {
            String operation = r.operation().endsWith("nrich") ? r.operation() + " Upsert" : r.operation();
            out.printf(Locale.ROOT, row, r.mode(), operation, grouped(r.requests()),
                    String.format(Locale.ROOT, "%.2f", r.requestsPerContact()),
                    String.format(Locale.ROOT, "%.1f", r.elapsedSeconds()), grouped(r.contactsPerMinute()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * r.budgetUsed()), grouped(r.rateLimited()),
                    grouped(r.failedExchanges()), grouped(r.failedItems()), grouped(r.stored()));
            if (Boolean.getBoolean("bench.verbose")) {
                out.println("   " + r.mode() + ", exchanges completed per second: "
                            + Arrays.toString(r.completionsPerSecond()));
            }
            if (r.firstFailure() != null) {
                out.println("   first failure of " + r.mode() + ": " + r.firstFailure());
            }
        }
        notes.forEach(note -> out.println("   note: " + note));
        SyncResult single = results.stream().filter(r -> r.mode().equals(SINGLE)).findFirst().orElse(null);
        for (String other : List.of(BULK, IMPORT)) {
            SyncResult r = results.stream().filter(x -> x.mode().equals(other)).findFirst().orElse(null);
            if (single != null && r != null) {
                out.printf(Locale.ROOT, "   %s over single-call: contacts/min x%.1f, requests per contact x%.4f%n",
                        other, r.contactsPerMinute() / single.contactsPerMinute(),
                        r.requestsPerContact() / single.requestsPerContact());
            }
        }
        out.println("   requests: /api/v2/externalcontacts/** requests the simulator received, retries included."
                    + " elapsed: first send to last completion.");
        out.println("   budget: requests over the budget of the rate-limit windows the run spanned. 429s: answered by"
                    + " the simulator's limiter. failed: exchanges");
        out.println("   that ended with an exception (must be 0). items: bulk items or import rows reported failed."
                    + " stored: contacts in the simulator at the end.");
        out.println("   import-job: its storage-host requests (the upload, the report) are not Genesys API requests and"
                    + " not in the budget; the settings made before the clock started are not counted.");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String grouped(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }
}
