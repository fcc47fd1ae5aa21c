package io.camelgenesys.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.OpenMedia;
import io.camelgenesys.simulator.UdmFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the example application (Camel Main, its Java and YAML routes) as a user would, and checks that data moved:
 * CRM rows became Genesys contacts once (idempotent upsert), bad rows were dead-lettered, the reconciliation scan
 * counted the contacts, agent states streamed in, and yesterday's interactions were exported from UDM and downloaded.
 */
class GenesysExamplesTest {

    /** Waits are for the application to do its work on a loaded machine; nothing here measures speed. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * The sample file has 10 rows; crm-1008 (bad email) is refused; crm-1009 (no last name) is stored, as Genesys
     * requires no name (seed 003, the SDK).
     */
    private static final int VALID_ROWS = 9;

    /** A simulator of the test's own, standing in for "real Genesys" in the configured mode. */
    @RegisterExtension
    static final GenesysSimulatorExtension GENESYS = new GenesysSimulatorExtension();

    @TempDir
    Path workDir;

    private LogCapture log;
    private GenesysExamples app;

    /** A new application on a free HTTP port (its webhooks are served there). */
    private Main newApp() throws IOException {
        app = new GenesysExamples();
        Main main = app.main();
        main.addOverrideProperty("example.crm-db", "false");   // CrmDatabaseSyncTest's; the counts here are the CSV's
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            main.addOverrideProperty("example.http-port", String.valueOf(free.getLocalPort()));
        }
        return main;
    }

    @BeforeEach
    void captureLog() {
        log = LogCapture.install();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (app != null) {
                app.main().stop();
            }
        } finally {
            log.uninstall();
        }
    }

    @Test
    void byDefaultTheRoutesRunAgainstTheEmbeddedSimulator() throws Exception {
        Main main = newApp();
        main.addOverrideProperty("example.work-dir", workDir.toString());
        main.addOverrideProperty("example.sample-csv", "false");   // the test drops the files itself
        main.addOverrideProperty("example.scan.initial-delay", "500");
        // longer than the aggregator's 1 s inactivity completion (checked every second), so each poll counts alone
        main.addOverrideProperty("example.scan.delay", "3000");
        main.addOverrideProperty("genesys.simulator.stats-interval", "100");
        main.start();
        CamelContext camel = main.getCamelContext();
        GenesysSimulator sim = app.simulator().orElseThrow();
        assertEquals(0, GENESYS.simulator().requests().total(), "the embedded simulator, not another one, is used");
        NotifyBuilder agentState = new NotifyBuilder(camel).fromRoute("agent-states").whenDone(1).create();

        drop("crm-contacts.csv", sampleCsv());
        awaitDone("crm-contacts.csv");
        assertEquals(VALID_ROWS, sim.externalContacts().contactCount());
        List<String> rejected = Files.readAllLines(workDir.resolve("crm-errors/crm-contacts-rejected.csv"));
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("crm-1008,") && rejected.get(0).contains("workEmail"), rejected.get(0));

        // the same export again, with one title changed in the CRM: updated in place, nothing duplicated
        drop("crm-contacts-again.csv", sampleCsv().replace(",Analyst\n", ",Chief Analyst\n"));
        awaitDone("crm-contacts-again.csv");
        assertEquals(VALID_ROWS, sim.externalContacts().contactCount());
        ExternalContact ada = camel.createProducerTemplate().requestBody("genesys-contacts:lookup",
                Map.of("type", "ExternalId", "value", "crm-1001"), ExternalContact.class);
        assertEquals("Lovelace", ada.getLastName());
        assertEquals("Chief Analyst", ada.getTitle());

        // a file that is not CSV is not dead-lettered row by row: it moves to .failed as a whole
        drop("broken.csv", "crm_id,first_name,last_name\n\"crm-2001,Unterminated,Quote\n");
        Path failed = workDir.resolve("crm-inbox/.failed/broken.csv");
        await(failed + " moved", () -> Files.exists(failed));
        assertFalse(Files.exists(workDir.resolve("crm-errors/broken-rejected.csv")));
        assertEquals(VALID_ROWS, sim.externalContacts().contactCount());

        await("a reconciliation poll that counted the " + VALID_ROWS + " contacts",
                () -> !log.matching(e -> e.message().equals(
                        "Reconciliation: the scan read " + VALID_ROWS + " contacts from Genesys")).isEmpty());
        assertTrue(agentState.matches(WAIT.toSeconds(), TimeUnit.SECONDS), "no agent state arrived");
        assertFalse(log.matching(e -> e.logger().equals("agent-states")
                && e.message().startsWith("Agent state: agent1 CurrentAgentState = {state=")).isEmpty());
        // yesterday's recordings of the seeded queue, four files, each whole; today's call is not among them
        Path recordings = workDir.resolve("recordings");
        await("yesterday's 4 recordings", () -> !log.matching(e -> e.message().startsWith("Queue recordings: saved"))
                .isEmpty() && count(recordings) == 4 && log.matching(
                        e -> e.message().startsWith("Queue recordings: saved")).size() == 4);
        long bytes = 0;
        try (var files = Files.list(recordings)) {
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
        }
        assertEquals(48_000 + 96_000 + 64_000 + 32_000, bytes);
        assertNull(sim.requests().lastHeader("/recordings-media/**", "Authorization"));
        assertExportDownloaded(sim);
        assertNoCredentialLogged();

        main.stop();
        assertTrue(app.simulator().isEmpty(), "the embedded simulator stops with the application");
    }

    @Test
    void withGenesysSimulatorFalseTheComponentPropertiesChooseGenesys() throws Exception {
        GenesysSimulator genesys = GENESYS.simulator();
        genesys.statistics().setUpdateInterval(Duration.ofMillis(100));
        Main main = newApp();
        main.addOverrideProperty("genesys.simulator", "false");
        main.addOverrideProperty("example.work-dir", workDir.toString());   // the bundled sample is dropped
        // the documented properties for real Genesys, here pointed at the test's simulator
        main.addOverrideProperty("camel.component.genesys-contacts.base-url", genesys.baseUrl());
        main.addOverrideProperty("camel.component.genesys-contacts.client-id", "cloud-client");
        main.addOverrideProperty("camel.component.genesys-contacts.client-secret", "cloud-secret");
        multicloudProperties(main, genesys, List.of("genesys-stats", "genesys-udm", "genesys-messaging",
                "genesys-openmedia"));
        main.addOverrideProperty("camel.component.genesys-messaging.contact-center-id",
                Messaging.DEFAULT_CONTACT_CENTER_ID);
        main.addOverrideProperty("camel.component.genesys-messaging.channel-id", Messaging.DEFAULT_SMS_CHANNEL);
        main.addOverrideProperty("camel.component.genesys-messaging.secret", Messaging.DEFAULT_SMS_SECRET);
        main.addOverrideProperty("camel.component.genesys-openmedia.open-media-service", OpenMedia.DEFAULT_SERVICE);
        main.start();
        NotifyBuilder agentState
                = new NotifyBuilder(main.getCamelContext()).fromRoute("agent-states").whenDone(1).create();

        assertTrue(app.simulator().isEmpty(), "no embedded simulator with genesys.simulator=false");
        awaitDone("crm-contacts.csv");
        assertEquals(VALID_ROWS, genesys.externalContacts().contactCount());
        assertTrue(agentState.matches(WAIT.toSeconds(), TimeUnit.SECONDS), "no agent state arrived");
        assertEquals(1, genesys.statistics().subscriptionCount());
        await("the sample case as a workitem",
                () -> genesys.digitalChannels().openMedia().interactionByExternalId(OpenMedia.DEFAULT_SERVICE,
                        "CASE-00042").isPresent());
        assertExportDownloaded(genesys);
        assertNoCredentialLogged();
    }

    @Test
    void genesysSimulatorMayBeTheUrlOfARunningSimulator() throws Exception {
        GenesysSimulator standalone = GENESYS.simulator();
        Main main = newApp();
        main.addOverrideProperty("genesys.simulator", standalone.baseUrl());
        main.addOverrideProperty("example.work-dir", workDir.toString());
        main.start();

        assertTrue(app.simulator().isEmpty(), "no embedded simulator when genesys.simulator is a URL");
        awaitDone("crm-contacts.csv");
        assertEquals(VALID_ROWS, standalone.externalContacts().contactCount());
        await("the agent-state subscription", () -> standalone.statistics().subscriptionCount() == 1);
        assertExportDownloaded(standalone);
    }

    @Test
    void theUdmExportCanBeLeftOut() throws Exception {
        Main main = newApp();
        main.addOverrideProperty("example.work-dir", workDir.toString());
        main.addOverrideProperty("example.udm-export", "false");
        main.start();
        assertNull(main.getCamelContext().getRoute("udm-export"));
        awaitDone("crm-contacts.csv");
        assertEquals(0, app.simulator().orElseThrow().udm().jobCount());
    }

    /**
     * One export job of yesterday (UTC) was created, ran, and each of its files was downloaded into udm-exports/
     * with the content Genesys served.
     */
    private void assertExportDownloaded(GenesysSimulator genesys) throws Exception {
        await("an export file", () -> !genesys.udm().files().isEmpty());
        List<UdmFile> files = genesys.udm().files();
        for (UdmFile file : files) {
            Path downloaded = workDir.resolve("udm-exports").resolve(file.name());
            await(downloaded + " downloaded", () -> Files.exists(downloaded) && sizeOf(downloaded) == file.size());
            try (InputStream expected = file.openStream()) {
                assertArrayEquals(expected.readAllBytes(), Files.readAllBytes(downloaded), file.name());
            }
        }
        assertEquals(1, genesys.udm().jobCount());
        JsonNode job = genesys.udm().job(files.get(0).jobId()).orElseThrow();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertEquals(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), job.path("dateFrom").asText());
        await("the download logged", () -> !log.matching(
                e -> e.message().startsWith("UDM export: downloaded " + files.get(0).name())).isEmpty());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The README's flags for an organization on Genesys Cloud only: with nothing but the Cloud properties the
     * application starts, no endpoint of a Multicloud CX component is created, and the CSV rows reach Genesys.
     */
    @Test
    void theReadmesGenesysCloudOnlyFlagsNeedOnlyCloudCredentials() throws Exception {
        GenesysSimulator genesys = GENESYS.simulator();
        Main main = onePlatformApp("Genesys Cloud", "cloud-only");
        main.addOverrideProperty("camel.component.genesys-contacts.base-url", genesys.baseUrl());
        main.addOverrideProperty("camel.component.genesys-contacts.client-id", "cloud-client");
        main.addOverrideProperty("camel.component.genesys-contacts.client-secret", "cloud-secret");
        main.start();

        assertNoEndpointOf(main.getCamelContext(), List.of("genesys-stats", "genesys-udm", "genesys-messaging",
                "genesys-openmedia", "genesys-interactions", "genesys-securemail"));
        awaitDone("crm-contacts.csv");
        assertEquals(VALID_ROWS, genesys.externalContacts().contactCount());
    }

    /**
     * The README's flags for an organization on Genesys Multicloud CX only: with nothing but the Multicloud
     * properties the application starts, no endpoint of a Genesys Cloud component is created (the CRM database sync
     * upserts into Genesys Cloud external contacts too), and agent states stream in.
     */
    @Test
    void theReadmesMulticloudOnlyFlagsNeedOnlyMulticloudCredentials() throws Exception {
        GenesysSimulator genesys = GENESYS.simulator();
        genesys.statistics().setUpdateInterval(Duration.ofMillis(100));
        Main main = onePlatformApp("Multicloud CX", "multicloud-only");
        multicloudProperties(main, genesys, List.of("genesys-stats", "genesys-udm", "genesys-openmedia"));
        main.addOverrideProperty("camel.component.genesys-openmedia.open-media-service", OpenMedia.DEFAULT_SERVICE);
        main.start();
        NotifyBuilder agentState
                = new NotifyBuilder(main.getCamelContext()).fromRoute("agent-states").whenDone(1).create();

        assertNoEndpointOf(main.getCamelContext(), List.of("genesys-contacts", "genesys-conversations", "genesys-users",
                "genesys-notifications"));
        assertTrue(agentState.matches(WAIT.toSeconds(), TimeUnit.SECONDS), "no agent state arrived");
        assertEquals(0, genesys.requests().count("*", "/api/v2/externalcontacts/**"), "a request to Genesys Cloud");
    }

    /**
     * The application against "real Genesys" (the test's simulator) with the README's flags for one platform, the
     * CRM database as shipped (its own in-memory database, no demo rows), and no credentials yet.
     */
    private Main onePlatformApp(String platform, String database) throws IOException {
        app = new GenesysExamples();
        Main main = app.main();
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            main.addOverrideProperty("example.http-port", String.valueOf(free.getLocalPort()));
        }
        main.addOverrideProperty("genesys.simulator", "false");
        main.addOverrideProperty("example.work-dir", workDir.toString());
        main.addOverrideProperty("example.crm-db.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        main.addOverrideProperty("example.crm-db.seed-rows", "0");
        readmeFlags(platform).forEach(main::addOverrideProperty);
        return main;
    }

    /** The documented Multicloud CX properties (API key, password grant) of these components, at the simulator. */
    private static void multicloudProperties(Main main, GenesysSimulator genesys, List<String> schemes) {
        for (String scheme : schemes) {
            String prefix = "camel.component." + scheme + ".";
            main.addOverrideProperty(prefix + "base-url", genesys.baseUrl());
            main.addOverrideProperty(prefix + "api-key", "mc-api-key");
            main.addOverrideProperty(prefix + "client-id", "mc-client");
            main.addOverrideProperty(prefix + "client-secret", "mc-secret");
            main.addOverrideProperty(prefix + "username", "agent1");
            main.addOverrideProperty(prefix + "password", "agent1-password");
        }
    }

    /** The -D flags the examples README gives for "with <platform> only". */
    private static Map<String, String> readmeFlags(String platform) throws IOException {
        String readme = Files.readString(GeneratedDocs.repositoryRoot().resolve("examples/README.md"));
        String marker = "with " + platform + " only, `";
        int start = readme.indexOf(marker);
        assertTrue(start >= 0, "the README has no '" + marker + "'");
        start += marker.length();
        String flags = readme.substring(start, readme.indexOf('`', start));
        Map<String, String> result = new LinkedHashMap<>();
        Matcher flag = Pattern.compile("-D([\\w.-]+)=(?:'([^']*)'|(\\S+))").matcher(flags);
        while (flag.find()) {
            result.put(flag.group(1), flag.group(2) != null ? flag.group(2) : flag.group(3));
        }
        assertFalse(result.isEmpty(), "no -D flag in '" + flags + "'");
        return result;
    }

    private static void assertNoEndpointOf(CamelContext context, List<String> schemes) {
        List<String> uris = context.getEndpoints().stream().map(Endpoint::getEndpointUri)
                .filter(uri -> schemes.stream().anyMatch(s -> uri.startsWith(s + ":"))).toList();
        assertTrue(uris.isEmpty(), "endpoints that need the other platform's credentials: " + uris);
    }

    @Test
    void anUnknownGenesysSimulatorValueStopsTheStart() throws Exception {
        Main main = newApp();
        main.addOverrideProperty("genesys.simulator", "yes");
        Exception e = assertThrows(Exception.class, main::start);
        assertEquals("genesys.simulator must be true (start the simulator in this JVM), false (use the"
                     + " camel.component.genesys-* properties) or the http(s) URL of a running simulator, was 'yes'",
                rootCause(e).getMessage());
        assertEquals(0, GENESYS.simulator().requests().total());
    }

    private static long count(Path dir) {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void theSmsBridgeAndTheCrmCasesRunAgainstTheEmbeddedSimulator() throws Exception {
        Main main = newApp();
        main.addOverrideProperty("example.work-dir", workDir.toString());
        main.addOverrideProperty("example.sms.agent-delay", "2000");
        main.addOverrideProperty("example.sms.agent-interval", "1000");
        main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/agent-states.yaml");
        main.start();
        GenesysSimulator sim = app.simulator().orElseThrow();
        String ada = "+1 555 0100 1001";

        // the bundled CSV makes Ada a Genesys contact; the simulated agent writes to her number every second
        awaitDone("crm-contacts.csv");
        await("an SMS for Ada in the outbox, with her name from the reverse lookup", () -> outbox().stream()
                .anyMatch(text -> text.startsWith("To " + ada + " (Ada Lovelace): Hello, your order has shipped (")
                                  && text.matches("(?s).*shipped \\(\\d+\\)$")));
        await("a Delivered receipt and Ada's answer in Genesys", () -> sim.digitalChannels().messaging().receipts()
                .stream().anyMatch(r -> r.status().equals("Delivered"))
                && sim.digitalChannels().messaging().received(Messaging.DEFAULT_SMS_CHANNEL).stream()
                        .anyMatch(m -> m.message().path("text").asText().equals(
                                "Thanks, this is Ada Lovelace: message received")
                                       && m.message().path("channel").path("from").path("id").asText().equals(ada)));
        // every receipt is for an SMS Genesys delivered to the webhook once, and that delivery is answered with its id
        // (the receipt is sent within the route, so the answer of the latest SMS may still be on its way)
        for (Messaging.Receipt receipt : sim.digitalChannels().messaging().receipts()) {
            await("the answer to " + receipt.messageId(), () -> sim.digitalChannels().webhooks()
                    .deliveriesOf(receipt.messageId()).stream().allMatch(d -> d.answeredMessageId() != null));
            List<io.camelgenesys.simulator.WebhookDelivery> deliveries
                    = sim.digitalChannels().webhooks().deliveriesOf(receipt.messageId());
            assertEquals(1, deliveries.size(), receipt.messageId());
            assertEquals(receipt.messageId(), deliveries.get(0).answeredMessageId());
        }

        // the sample case became a workitem; the same case exported again is the same workitem
        await("CASE-00042 as a workitem", () -> sim.digitalChannels().openMedia()
                .interactionByExternalId(OpenMedia.DEFAULT_SERVICE, "CASE-00042").isPresent());
        String workitem = sim.digitalChannels().openMedia().interactionByExternalId(OpenMedia.DEFAULT_SERVICE,
                "CASE-00042").orElseThrow().path("id").asText();
        assertEquals("ACME Corp", sim.digitalChannels().openMedia().interaction(OpenMedia.DEFAULT_SERVICE, workitem)
                .orElseThrow().path("userData").path("account").asText());
        Path done = workDir.resolve("crm-cases/.done/CASE-00042.json");
        await(done + " processed", () -> Files.exists(done));
        Files.delete(done);
        Path tmp = Files.writeString(workDir.resolve("again.tmp"), CrmCasesRoute.sample());
        Files.move(tmp, Files.createDirectories(workDir.resolve("crm-cases")).resolve("CASE-00042.json"),
                StandardCopyOption.ATOMIC_MOVE);
        await("the re-exported case processed", () -> Files.exists(done));
        assertEquals(1, sim.digitalChannels().openMedia().count(OpenMedia.DEFAULT_SERVICE), "one workitem per case");
        assertFalse(log.matching(e -> e.message().contains("Open media: case CASE-00042 is workitem " + workitem)
                                      && e.message().contains("existed already: true")).isEmpty());
        assertNoCredentialLogged();
    }

    private List<String> outbox() {
        Path dir = workDir.resolve("sms-outbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void assertNoCredentialLogged() {
        for (String secret : List.of("cloud-secret", "mc-secret", "mc-api-key", "agent1-password",
                Messaging.DEFAULT_SMS_SECRET)) {
            assertTrue(log.matching(e -> e.all().contains(secret)).isEmpty(), secret + " was logged");
        }
    }

    private static String sampleCsv() throws IOException {
        try (InputStream in = GenesysExamplesTest.class.getResourceAsStream("/crm/crm-contacts.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Written aside, then moved in, so the file consumer never reads half a file. */
    private void drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(workDir.resolve("crm-inbox"));
        Path tmp = Files.writeString(workDir.resolve(name + ".tmp"), content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file consumer moves a file to .done once the whole file went through the route. */
    private void awaitDone(String name) throws InterruptedException {
        Path done = workDir.resolve("crm-inbox/.done/" + name);
        await(done + " processed", () -> Files.exists(done));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
