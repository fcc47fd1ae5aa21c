package io.camelgenesys.udm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.UserDataManagement.JobState;
import io.camelgenesys.udm.model.Job;
import io.camelgenesys.udm.model.JobInfo;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The same routes in a DSL file ({@code routes/udm-exports.xml} or {@code .yaml}), loaded as users deploy them, with
 * the credentials set once on the component as the page says: an export created, waited for and its files downloaded
 * into a folder, and the new-file consumer emitting each file of a job title once and deleting it from Genesys.
 */
abstract class UdmDslRoutesTestSupport extends UdmTestSupport {

    @TempDir
    Path out;

    private final IdempotentRepository processed = MemoryIdempotentRepository.memoryIdempotentRepository(100);

    /** The classpath resource of the routes. */
    abstract String routes();

    @BeforeEach
    void loadRoutes() throws Exception {
        SimulatorSupport.multicloud(context.getComponent("genesys-udm", UdmComponent.class).getConfiguration(), sim());
        context.getRegistry().bind("processedExports", processed);
        Properties props = new Properties();
        props.setProperty("exports.dir", out.toString());
        context.getPropertiesComponent().setOverrideProperties(props);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + routes()));
    }

    @Test
    void anExportIsWaitedForAndEveryFileOfItsRunDownloaded() throws Exception {
        udm().setRunDuration(Duration.ofMillis(300));
        udm().setExportSize(250_000);
        MockEndpoint completed = getMockEndpoint("mock:completed");
        MockEndpoint files = getMockEndpoint("mock:files");
        completed.expectedMessageCount(1);
        Job split = job("Yesterday");
        split.getJobParams().setFileSplitSize("100KB");

        template.sendBody("direct:export", split);

        completed.assertIsSatisfied(20_000);
        JobInfo job = completed.getReceivedExchanges().get(0).getMessage().getBody(JobInfo.class);
        assertEquals(100, job.getProgress());
        assertEquals(udm().statusName(JobState.COMPLETED), job.getStatus());
        List<String> names = List.of(job.getFileName().split(","));
        assertEquals(3, names.size(), "a split export: " + names);
        files.expectedMessageCount(3);
        files.assertIsSatisfied(20_000);
        long total = 0;
        for (String name : names) {
            assertEquals(udm().file(name).orElseThrow().size(), Files.size(out.resolve(name)), name);
            total += Files.size(out.resolve(name));
        }
        assertEquals(250_000, total);
    }

    @Test
    void theFilesConsumerEmitsEachNewFileOfTheJobTitleOnceAndDeletesIt() throws Exception {
        udm().addFile(Map.of("name", "nightly-1.csv", "size", 1_000, "uploadDate", "2024-03-01T10:00:00Z",
                "jobTitle", "Nightly"));
        udm().addFile(Map.of("name", "adhoc.csv", "size", 1_000, "uploadDate", "2024-03-01T10:00:01Z",
                "jobTitle", "Adhoc"));
        udm().addFile(Map.of("name", "nightly-2.csv", "size", 2_000, "uploadDate", "2024-03-01T10:00:02Z",
                "jobTitle", "Nightly"));
        MockEndpoint files = getMockEndpoint("mock:new-files");
        files.expectedMessageCount(2);

        context.getRouteController().startRoute("new-files");

        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, files);
        assertEquals(List.of("nightly-1.csv", "nightly-2.csv"), files.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(Exchange.FILE_NAME, String.class)).sorted().toList());
        assertEquals(2_000, Files.size(out.resolve("nightly-2.csv")));
        // a name is added to the bound repository once its exchange completed
        Await.until("both names in the bound repository", 10_000,
                () -> processed.contains("nightly-1.csv") && processed.contains("nightly-2.csv"));
        Await.until("the downloaded files deleted from Genesys", 10_000, () -> udm().fileCount() == 1);
        assertEquals(List.of("adhoc.csv"), udm().files().stream().map(f -> f.name()).toList());
        assertFalse(Files.exists(out.resolve("adhoc.csv")));
        // later polls emit nothing again
        int lists = sim().requests().count("GET", "/udm/v10/file-metadatas");
        Await.until("three more polls", 10_000,
                () -> sim().requests().count("GET", "/udm/v10/file-metadatas") >= lists + 3);
        assertEquals(2, files.getReceivedCounter());
    }
}
