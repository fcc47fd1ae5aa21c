package io.camelgenesys.statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.docs.CatalogDocs;
import io.camelgenesys.core.test.docs.ComponentReference;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import io.camelgenesys.core.test.docs.ModelReference;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.statistics.model.PeekedStatisticValue;
import io.camelgenesys.statistics.model.Statistic;
import io.camelgenesys.statistics.model.StatisticData;
import io.camelgenesys.statistics.model.StatisticDefinition;
import io.camelgenesys.statistics.model.StatisticValue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genesys-stats page is kept true by the build: its options and headers tables are the component JSON's, its
 * models page is the model classes', every route example is a tagged region of this class (Java) or of its YAML
 * and XML files under {@code src/test/resources/docs} that runs here in each DSL against the simulator, and every endpoint URI and component property of the page passes Camel's catalog, loaded the way
 * tooling loads a component from its jar. Run with {@code -Dgenesys.docs.update=true} to rewrite the generated parts.
 * The credentials are set once on the component, as the page says, so the examples carry none.
 */
class StatisticsDocsTest extends GenesysRouteTestSupport {

    private static final Path PAGE = Path.of("src/main/docs/genesys-stats-component.adoc");
    private static final Path MODELS = Path.of("src/main/docs/genesys-stats-models.adoc");
    private static final Path JSON = Path.of("src/generated/resources/META-INF/io/camelgenesys/statistics/genesys-stats.json");

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    @TempDir
    Path sharedLocks;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Override
    protected void doPostSetup() {
        StatisticsConfiguration c = context.getComponent("genesys-stats", StatisticsComponent.class).getConfiguration();
        c.setPlatform(GenesysPlatform.multicloud);
        c.setBaseUrl(sim().baseUrl());
        c.setApiKey("mc-api-key");
        c.setClientId("mc-client");
        c.setClientSecret("mc-secret");
        c.setUsername("agent1");
        c.setPassword("agent1-password");
    }

    // ------------------------------------------------------------------------------------------ the page itself

    @Test
    void theOptionsAndHeadersTablesAreTheComponentJsons() throws Exception {
        ComponentReference.of(Files.readString(JSON)).check(PAGE);
    }

    @Test
    void theModelsPageListsEachModelsFields() {
        GeneratedDocs.file(MODELS, ModelReference.page("genesys-stats", Path.of("src/main/java"),
                List.of(Statistic.class, StatisticDefinition.class, PeekedStatisticValue.class, StatisticValue.class,
                        StatisticData.class)));
    }

    @Test
    void everyRouteExampleOfThePageIsCodeATestRuns() {
        assertEquals(List.of(), DocExamples.check(PAGE));
    }

    @Test
    void theCatalogFindsTheComponentInItsJarAndAcceptsEveryUriOfThePage() {
        CatalogDocs catalog = CatalogDocs.fromClasspath();
        assertTrue(catalog.schemes().contains("genesys-stats"), "component.properties names genesys-stats");
        List<String> uris = catalog.uris(PAGE);
        assertTrue(uris.contains("genesys-stats:getValues?statistics=CurrentAgentState:Agent:agent2,"
                                 + "TimeInCurrentState:Agent:agent2"), "the page's URIs: " + uris);
        List<String> problems = new ArrayList<>(catalog.validateUris(PAGE));
        problems.addAll(catalog.validateProperties(PAGE));
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------------------------------ the examples

    static final class ProducerRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::producers[]
            // one value
            from("timer:poll?period=10000")
                    .to("genesys-stats:getValue?statistics=CurrentAgentState:Agent:agent2")
                    .log("agent2 is ${body.value}");

            // several values: a List<PeekedStatisticValue>, one element per statistic
            from("direct:dashboard")
                    .to("genesys-stats:getValues?statistics=CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2")
                    .split(body())
                    .to("seda:agent-figures");   // or kafka:, jms:, ...

            // a subscription managed by the route itself
            from("direct:open")
                    .setHeader("CamelGenesysOperationId", constant("crm-sync"))
                    .to("genesys-stats:createSubscription?statistics=AverageHandlingTime:Queue:queue1");
            from("direct:read")
                    .to("genesys-stats:getSubscriptionValues?subscriptionId=crm-sync");
            from("direct:close")
                    .to("genesys-stats:deleteSubscription?subscriptionId=crm-sync");
            // end::producers[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theProducerExamples(String dsl) throws Exception {
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "Ready"));
        LogCapture log = LogCapture.install();
        try {
            DocExamples.addRoutes(context, dsl, new ProducerRoutes(), "producers");
            await(() -> log.events().stream().anyMatch(e -> e.message().equals("agent2 is {state=Ready}")),
                    "the timer route logs agent2's state");
        } finally {
            log.uninstall();
        }

        template.sendBody("direct:dashboard", null);
        Exchange first = consumer().receive("seda:agent-figures", 10_000);
        Exchange second = consumer().receive("seda:agent-figures", 10_000);
        assertNotNull(first);
        assertNotNull(second);
        assertInstanceOf(PeekedStatisticValue.class, first.getMessage().getBody());

        template.sendBody("direct:open", null);
        assertTrue(sim().statistics().subscriptionIds().contains("crm-sync"), "the route's operationId names it");
        StatisticData read = template.requestBody("direct:read", null, StatisticData.class);
        assertEquals("crm-sync", read.getSubscriptionId());
        assertEquals(1, read.getStatistics().size());
        assertEquals("AverageHandlingTime", read.getStatistics().get(0).getName());
        template.sendBody("direct:close", null);
        assertEquals(0, sim().statistics().subscriptionCount());
    }

    static final class ConsumerRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::consumer[]
            from("genesys-stats:subscribe?statistics=CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2")
                    .to("seda:agent-states");   // or kafka:, jms:, ...
            // end::consumer[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theConsumerExample(String dsl) throws Exception {
        DocExamples.addRoutes(context, dsl, new ConsumerRoutes(), "consumer");
        // the current values first: one exchange per statistic
        assertNotNull(consumer().receive("seda:agent-states", 20_000));
        assertNotNull(consumer().receive("seda:agent-states", 20_000));
        await(() -> sim().statistics().subscriptionCount() == 1, "one subscription");
    }

    static final class MasterRoutes extends RouteBuilder {
        private final String sharedLocks;

        MasterRoutes(String sharedLocks) {
            this.sharedLocks = sharedLocks;
        }

        @Override
        public void configure() throws Exception {
            // tag::master[]
            FileLockClusterService cluster = new FileLockClusterService();   // camel-file; or Kubernetes, ZooKeeper...
            cluster.setRoot(sharedLocks);                                    // a directory every instance shares
            getContext().addService(cluster);

            from("master:agent-states:genesys-stats:subscribe?statistics=CurrentAgentState:Agent:agent2")
                    .to("seda:agent-states");
            // end::master[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theMasterExample(String dsl) throws Exception {
        // the shared connection is opened first, by a producer: camel-master 4.14 interrupts a consumer start that
        // outlasts its background task's budget and does not try again, and on a machine at a load of 30 the first
        // start of the connection's HTTP client did (StatisticsMasterTest starts the routes with the context)
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "Ready"));
        template.requestBody("genesys-stats:getValue?statistics=CurrentAgentState:Agent:agent2", (Object) null);
        if (!dsl.equals("java")) {
            // the YAML and XML forms leave the cluster service to the application (camel.cluster.file.*)
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(sharedLocks.toString());
            context.addService(cluster);
        }
        DocExamples.addRoutes(context, dsl, new MasterRoutes(sharedLocks.toString()), "master");
        // this instance takes the lock, so it subscribes (StatisticsMasterTest has two instances and a take-over)
        assertNotNull(consumer().receive("seda:agent-states", 30_000), "the leader subscribes");
        assertEquals(1, sim().statistics().subscriptionCount());
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, 20_000, condition);
    }
}
