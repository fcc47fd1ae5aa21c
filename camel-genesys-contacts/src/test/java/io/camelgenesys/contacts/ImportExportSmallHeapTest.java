package io.camelgenesys.contacts;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.camelgenesys.contacts.model.ContactImportSettings;
import io.camelgenesys.contacts.model.CsvSettings;
import io.camelgenesys.contacts.model.ExternalSource;
import io.camelgenesys.core.http.DownloadStream;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100,000-row import and export round trip through Camel routes. Runs in its own surefire execution with
 * {@code -Xmx128m} (see the pom): the CSV is generated as it is read, spooled to a temporary file, uploaded from the
 * disk chunk by chunk, and the export is counted line by line as it streams from the storage host, so nothing of
 * either file is ever whole in the route's heap. The simulator runs in a JVM of its own (its 100,000 stored contacts
 * are Genesys' memory, not camel-genesys'), started from the test class path.
 */
class ImportExportSmallHeapTest extends CamelTestSupport {

    private static final int ROWS = 100_000;
    /** Every 10,000th row has a bad email: 10 refused rows, reported with their line numbers. */
    private static final int BAD_EVERY = 10_000;

    private static Process simulator;
    private static String baseUrl;
    private static String credentials;

    @BeforeAll
    static void startSimulator() throws Exception {
        GenesysSimulator defaults = GenesysSimulator.builder().build(); // its default credentials, never started
        credentials = "clientId=" + defaults.cloudClientId() + "&clientSecret=RAW(" + defaults.cloudClientSecret() + ")";
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        simulator = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator
                                       + "java", "-Xmx1g", "-cp", classPath,
                "io.camelgenesys.simulator.GenesysSimulatorMain", "--port", "0", "--stats-interval", "0",
                "--rate-limit", "100000").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                baseUrl = line.substring(at + "listening on ".length()).strip();
                break;
            }
        }
        assertTrue(baseUrl != null, "the simulator did not start");
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the child's output pipe from filling up
                }
            } catch (IOException ignored) {
                // the child stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        if (simulator != null) {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String uri(String operation, String options) {
        return "genesys-contacts:" + operation + "?baseUrl=" + baseUrl + "&" + credentials
               + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void aHundredThousandRowsGoInAndComeBackOutAtASmallHeap() throws Exception {
        String maxHeapMb = System.getProperty("genesys.test.maxHeapMb");
        if (maxHeapMb != null) {
            assertTrue(Runtime.getRuntime().maxMemory() <= (Long.parseLong(maxHeapMb) + 8) << 20,
                    "max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
        ExternalSource source = template.requestBody(uri("createExternalSource", ""), Map.of("name", "CRM"),
                ExternalSource.class);
        ContactImportSettings settings = template.requestBody(uri("createImportSettings", ""), Map.of("name", "bulk",
                "mergeContacts", false, "externalSourceId", source.getId(), "importFields", List.of()),
                ContactImportSettings.class);
        CsvSettings csv = template.requestBody(uri("createCsvSettings", ""), Map.of("externalSettingsId",
                settings.getId(), "mappings", List.of(Map.of("sourceField", "first", "targetField", "firstName"),
                        Map.of("sourceField", "last", "targetField", "lastName"),
                        Map.of("sourceField", "email", "targetField", "workEmail"))), CsvSettings.class);

        AtomicLong exported = new AtomicLong();
        AtomicBoolean streamed = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").to(uri("importContacts", "settingsId=" + csv.getId()
                                                                + "&waitForCompletion=true&waitPollDelay=200&waitPollMaxDelay=2000"));
                from("direct:export").to(uri("exportContacts", "waitPollDelay=200&waitPollMaxDelay=2000"))
                        .process(e -> {
                            streamed.set(e.getMessage().getBody() instanceof DownloadStream);
                            // line by line as it streams: the file is never whole in memory
                            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                                    e.getMessage().getBody(InputStream.class), StandardCharsets.UTF_8))) {
                                while (in.readLine() != null) {
                                    exported.incrementAndGet();
                                }
                            }
                        });
            }
        });
        ImportResult result = template.requestBody("direct:import", new GeneratedCsv(ROWS), ImportResult.class);
        assertEquals(ROWS, result.getRows());
        assertEquals(ROWS - ROWS / BAD_EVERY, result.getSuccessCount());
        assertEquals(ROWS / BAD_EVERY, result.getFailureCount());
        assertEquals(ROWS / BAD_EVERY, result.getFailedRows().size());
        // row i (from 1) is on line i + 1
        assertEquals(BAD_EVERY + 1, result.getFailedRows().get(0).getLineNumber());
        assertEquals("bad-" + BAD_EVERY, result.getFailedRows().get(0).getRow().get("email"));

        template.sendBody("direct:export", null);
        assertEquals(ROWS - ROWS / BAD_EVERY + 1, exported.get(), "the header and every imported contact");
        assertTrue(streamed.get(), "the export reached the route as a DownloadStream, not a buffered body");
    }

    /** {@code first,last,email} and {@code rows} rows, generated as they are read. */
    static final class GeneratedCsv extends InputStream {
        private final int rows;
        private int next;
        private byte[] line = "first,last,email\n".getBytes(StandardCharsets.US_ASCII);
        private int at;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (at == line.length && !advance()) {
                return -1;
            }
            return line[at++];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (at == line.length && !advance()) {
                    break;
                }
                int chunk = Math.min(len - n, line.length - at);
                System.arraycopy(line, at, b, off + n, chunk);
                at += chunk;
                n += chunk;
            }
            return n == 0 ? -1 : n;
        }

        private boolean advance() {
            if (next == rows) {
                return false;
            }
            int i = ++next;
            String email = i % BAD_EVERY == 0 ? "bad-" + i : "contact" + i + "@example.com";
            line = ("First" + i + ",Last" + i + "," + email + "\n").getBytes(StandardCharsets.US_ASCII);
            at = 0;
            return true;
        }
    }
}
