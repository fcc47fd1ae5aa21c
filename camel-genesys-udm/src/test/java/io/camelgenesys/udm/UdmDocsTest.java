package io.camelgenesys.udm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.udm.model.Job;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route example of the genesys-udm page is a tagged region of this class (Java) or of its YAML and XML files
 * under {@code src/test/resources/docs}, and runs here in each DSL against the simulator, as users deploy them: the
 * credentials set once on the component (as the page says), so the examples carry none, and the folder a property.
 * {@link DocExamples} checks that the page shows exactly these regions. One simulator for the class.
 */
class UdmDocsTest extends UdmTestSupport {

    private static final Path PAGE = Path.of("src/main/docs/genesys-udm-component.adoc");

    @TempDir
    Path exports;

    private final IdempotentRepository processedExports = MemoryIdempotentRepository.memoryIdempotentRepository(100);

    @Override
    protected void doPostSetup() {
        SimulatorSupport.multicloud(context.getComponent("genesys-udm", UdmComponent.class).getConfiguration(), sim());
        context.getRegistry().bind("processedExports", processedExports);
        Properties props = new Properties();
        props.setProperty("exports.dir", exports.toString());
        context.getPropertiesComponent().setOverrideProperties(props);
    }

    @Test
    void everyRouteExampleOfThePageIsCodeATestRuns() {
        assertEquals(List.of(), DocExamples.check(PAGE));
    }

    // ------------------------------------------------------------------------------------------ the export

    static final class ExportRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::export[]
            from("direct:export")                // a Job as the body: source UCS, type UCS, timeFrame ...
                .to("genesys-udm:createJob?waitForCompletion=true&failedStatuses=Failed,Cancelled&waitTimeout=7200000")
                .split(simple("${body.fileName}").tokenize(",")).streaming()
                    .setHeader("CamelGenesysFileName", body())
                    .to("genesys-udm:downloadFile")
                    .to("file:{{exports.dir}}"); // stored under the file's own name (CamelFileName)
            // end::export[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theExportExampleWaitsForTheJobAndStoresEveryFileOfItsRun(String dsl) throws Exception {
        udm().setRunDuration(Duration.ofMillis(300));
        udm().setExportSize(250_000);
        DocExamples.addRoutes(context, dsl, new ExportRoutes(), "export");
        Job split = job("Yesterday " + dsl);
        split.getJobParams().setFileSplitSize("100KB");

        template.requestBody("direct:export", split);

        // the route returned once every file of the run was stored, each under its own name with its own size
        List<String> stored = stored();
        assertEquals(3, stored.size(), "a split export of 250 kB in 100 kB files: " + stored);
        long total = 0;
        for (String name : stored) {
            assertEquals(udm().file(name).orElseThrow().size(), Files.size(exports.resolve(name)), name);
            total += Files.size(exports.resolve(name));
        }
        assertEquals(250_000, total);
    }

    // ------------------------------------------------------------------------------------------ the consumer

    static final class FilesRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::files[]
            from("genesys-udm:files?jobTitle=Nightly&idempotentRepository=#processedExports&deleteAfterDownload=true")
                .to("file:{{exports.dir}}");
            // end::files[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theFilesExampleStoresEachNewFileOfTheJobTitleOnceAndDeletesIt(String dsl) throws Exception {
        udm().addFile(Map.of("name", "nightly-1.csv", "size", 1_000, "uploadDate", "2024-03-01T10:00:00Z",
                "jobTitle", "Nightly"));
        udm().addFile(Map.of("name", "adhoc.csv", "size", 1_000, "uploadDate", "2024-03-01T10:00:01Z",
                "jobTitle", "Adhoc"));
        udm().addFile(Map.of("name", "nightly-2.csv", "size", 2_000, "uploadDate", "2024-03-01T10:00:02Z",
                "jobTitle", "Nightly"));

        DocExamples.addRoutes(context, dsl, new FilesRoutes(), "files");

        // a name is added to the bound repository once its exchange completed, and the file deleted from Genesys
        Await.until("both Nightly files done", 20_000,
                () -> processedExports.contains("nightly-1.csv") && processedExports.contains("nightly-2.csv"));
        Await.until("the downloaded files deleted from Genesys", 10_000, () -> udm().fileCount() == 1);
        assertEquals(List.of("nightly-1.csv", "nightly-2.csv"), stored());
        assertEquals(2_000, Files.size(exports.resolve("nightly-2.csv")));
        assertEquals(List.of("adhoc.csv"), udm().files().stream().map(f -> f.name()).toList());

        // the next poll (a restart polls at once instead of after the page's 60 s) takes only the new file
        udm().addFile(Map.of("name", "nightly-3.csv", "size", 3_000, "uploadDate", "2024-03-02T10:00:00Z",
                "jobTitle", "Nightly"));
        String route = context.getRoutes().get(0).getRouteId();
        context.getRouteController().stopRoute(route);
        context.getRouteController().startRoute(route);
        Await.until("the new Nightly file done", 20_000, () -> processedExports.contains("nightly-3.csv"));
        assertEquals(List.of("nightly-1.csv", "nightly-2.csv", "nightly-3.csv"), stored());
        assertEquals(1, sim().requests().count("GET", "/udm/v10/files/nightly-1.csv"), "downloaded once");
    }

    private List<String> stored() throws IOException {
        try (Stream<Path> files = Files.list(exports)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
