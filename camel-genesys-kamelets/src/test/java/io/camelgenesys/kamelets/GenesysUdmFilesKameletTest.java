package io.camelgenesys.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.UserDataManagement;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML routes from kamelet:genesys-udm-files-source against the simulator's UDM API and storage host. */
class GenesysUdmFilesKameletTest extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @TempDir
    Path out;

    private UserDataManagement udm() {
        return SIM.simulator().udm();
    }

    private void addFile(String name, long size, String uploadDate, String jobTitle) {
        udm().addFile(Map.of("name", name, "size", size, "uploadDate", uploadDate, "jobTitle", jobTitle));
    }

    /** The Kamelet with the simulator's Multicloud credentials, then {@code extra} parameters, into file: and mock:. */
    private void filesRoute(String extra) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", """
                - route:
                    id: exports
                    from:
                      uri: kamelet:genesys-udm-files-source
                      parameters:
                        baseUrl: "%s"
                        apiKey: mc-api-key
                        clientId: mc-client
                        clientSecret: mc-secret
                        username: agent1
                        password: agent1-password
                        delay: 100
                %s
                      steps:
                        - to: "file:%s"
                        - to: mock:files
                """.formatted(SIM.simulator().baseUrl(), extra.indent(8).stripTrailing(), out)));
    }

    @Test
    void theSourceEmitsEachFileOnceAsItsBytesUnderItsOwnName() throws Exception {
        addFile("a.csv", 10_000, "2024-03-01T10:00:00Z", "Nightly");
        addFile("b.csv", 20_000, "2024-03-01T10:00:01Z", "Nightly");
        // the storage host answers the first download 503: tried again, the file still comes once
        SIM.simulator().faults().on("GET", "/udm-exports/**").status(503).times(1);
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(2);
        filesRoute("");
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, files);

        for (String name : List.of("a.csv", "b.csv")) {
            assertEquals(udm().file(name).orElseThrow().size(), Files.size(out.resolve(name)), name);
        }
        assertEquals(List.of("a.csv", "b.csv"), files.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Exchange.FILE_NAME, String.class)).sorted().toList());

        // a new file on a later poll, and nothing again
        files.reset();
        files.expectedMessageCount(1);
        addFile("c.csv", 5_000, "2024-03-01T11:00:00Z", "Nightly");
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, files);
        awaitPolls(3);
        assertEquals(1, files.getReceivedCounter());
        assertEquals("c.csv", files.getReceivedExchanges().get(0).getMessage().getHeader(Exchange.FILE_NAME));
        assertEquals(5_000, Files.size(out.resolve("c.csv")));
        assertEquals(3, udm().fileCount(), "nothing deleted unless asked");
    }

    @Test
    void jobTitleDeleteAfterDownloadAndARepositoryBeanReachTheConsumer() throws Exception {
        IdempotentRepository processed = MemoryIdempotentRepository.memoryIdempotentRepository(100);
        context.getRegistry().bind("processedExports", processed);
        addFile("nightly-1.csv", 1_000, "2024-03-01T10:00:00Z", "Nightly");
        addFile("adhoc.csv", 1_000, "2024-03-01T10:00:01Z", "Adhoc");
        addFile("nightly-2.csv", 2_000, "2024-03-01T10:00:02Z", "Nightly");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(2);
        filesRoute("""
                jobTitle: Nightly
                deleteAfterDownload: true
                idempotentRepository: "#processedExports"
                """);
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, files);
        awaitPolls(3);

        assertEquals(2, files.getReceivedCounter(), "the Adhoc job's file is not emitted");
        assertTrue(processed.contains("nightly-1.csv") && processed.contains("nightly-2.csv"), "the bound repository");
        assertFalse(processed.contains("adhoc.csv"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (udm().fileCount() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("adhoc.csv"), udm().files().stream().map(f -> f.name()).toList(),
                "the downloaded files are deleted from Genesys, the other stays");
        assertFalse(Files.exists(out.resolve("adhoc.csv")));
    }

    /** Waits until the consumer has listed at least {@code polls} more times. */
    private void awaitPolls(int polls) throws InterruptedException {
        int target = SIM.simulator().requests().count("GET", "/udm/v10/file-metadatas") + polls;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SIM.simulator().requests().count("GET", "/udm/v10/file-metadatas") < target
               && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(SIM.simulator().requests().count("GET", "/udm/v10/file-metadatas") >= target,
                "the consumer stopped polling");
    }
}
