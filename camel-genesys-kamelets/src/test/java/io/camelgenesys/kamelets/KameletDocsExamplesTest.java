package io.camelgenesys.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.contacts.ContactsComponent;
import io.camelgenesys.contacts.ContactsConfiguration;
import io.camelgenesys.conversations.UsersComponent;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The Kamelet examples of the genesys-contacts, genesys-stats, genesys-udm, genesys-users and genesys-messaging pages, exactly as the pages show them (Java here,
 * YAML and XML under {@code src/test/resources/docs}; the pages' docs tests check that they are these regions), run
 * in each DSL against the simulator. There is no Kafka broker in the build: {@code kafka:} is a {@code seda:}
 * component here, so the examples' queues are in-memory; the Kamelets and the Genesys side are the real ones.
 */
class KameletDocsExamplesTest extends CamelTestSupport {

    /*
     * Credentials with the characters a URI gives a meaning to (+ a space, & the next option, # a fragment, %25 an
     * escape): the examples must keep them as they are in every DSL (the YAML ones failed before they wrapped them in
     * RAW). The simulator accepts only these. The Multicloud ones, given to source Kamelets, hold no percent escape:
     * Camel 4.14's kamelet component decodes one before a source's template gets it (the Kamelets README says so).
     */
    static final String CLOUD_SECRET = "cl+ou&d%25#s=1";
    static final String MC_SECRET = "mc+se&c#r=2";
    static final String MC_API_KEY = "ap+i&k#y=3";
    static final String MC_PASSWORD = "ag+en&t#p=4";

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder()
            .cloudClient("cloud-client", CLOUD_SECRET).multicloudClient("mc-client", MC_SECRET)
            .multicloudApiKey(MC_API_KEY).multicloudUser("agent1", MC_PASSWORD));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path exports;

    @Override
    protected void doPostSetup() {
        context.addComponent("kafka", new SedaComponent());
    }

    /** The pages' placeholders; a Genesys Cloud and a Multicloud CX application each have their own client. */
    private void credentials(String clientId, String clientSecret) {
        Properties props = new Properties();
        props.setProperty("genesys.client-id", clientId);
        props.setProperty("genesys.client-secret", clientSecret);
        props.setProperty("genesys.base-url", SIM.simulator().baseUrl());
        props.setProperty("genesys.api-key", MC_API_KEY);
        props.setProperty("genesys.username", "agent1");
        props.setProperty("genesys.password", MC_PASSWORD);
        props.setProperty("exports.dir", exports.toString());
        context.getPropertiesComponent().setOverrideProperties(props);
    }

    static final class ContactsSinkRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::contacts-sink[]
            from("kafka:crm-contacts")
                .to("kamelet:genesys-contacts-sink?region=mypurecloud.ie&clientId={{genesys.client-id}}"
                    + "&clientSecret=RAW({{genesys.client-secret}})");
            // end::contacts-sink[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theContactsSinkExampleUpsertsWhatArrives(String dsl) throws Exception {
        // the page's region is Genesys Cloud's; camel.component.genesys-contacts.baseUrl (set here to the
        // simulator) overrides a region, as it would a proxy
        ContactsConfiguration c = context.getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
        c.setBaseUrl(SIM.simulator().baseUrl());
        c.setClientId("cloud-client"); // for the lookup below; the Kamelet passes its own
        c.setClientSecret(CLOUD_SECRET);
        credentials("cloud-client", CLOUD_SECRET);
        DocExamples.addRoutes(context, dsl, new ContactsSinkRoutes(), "contacts-sink");
        int before = SIM.simulator().externalContacts().contactCount();
        // one record after the other: two upserts of one id in flight at once race in Genesys too
        template.sendBodyAndHeader("kafka:crm-contacts",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"workEmail\":\"ada@example.com\"}", "externalId",
                "crm-" + dsl);
        assertEquals("Lovelace", awaitLastName("crm-" + dsl, "Lovelace"), "the first record created the contact");
        template.sendBodyAndHeader("kafka:crm-contacts",
                "{\"firstName\":\"Ada\",\"lastName\":\"King\",\"workEmail\":\"ada@example.com\"}", "externalId",
                "crm-" + dsl);
        assertEquals("King", awaitLastName("crm-" + dsl, "King"), "the second record updated the first");
        assertEquals(before + 1, SIM.simulator().externalContacts().contactCount(), "one contact, upserted twice");
    }

    /** The queue is asynchronous: waits until the contact that claims the id has the name, or 20 s. */
    private String awaitLastName(String externalId, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String lastName = lookupLastName(externalId);
        while (!wanted.equals(lastName) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lastName = lookupLastName(externalId);
        }
        return lastName;
    }

    /** The last name of the contact that claims the ExternalId, {@code null} while none does. */
    private String lookupLastName(String externalId) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> contact = template.requestBody("genesys-contacts:lookup?outputType=map",
                    Map.of("type", "ExternalId", "value", externalId), Map.class);
            return (String) contact.get("lastName");
        } catch (CamelExecutionException notYet) {
            return null;
        }
    }

    static final class StatsSourceRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::stats-source[]
            from("kamelet:genesys-stats-source?baseUrl={{genesys.base-url}}&apiKey=RAW({{genesys.api-key}})"
                    + "&clientId={{genesys.client-id}}&clientSecret=RAW({{genesys.client-secret}})"
                    + "&username={{genesys.username}}&password=RAW({{genesys.password}})"
                    + "&statistics=CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2")
                .to("kafka:agent-states");
            // end::stats-source[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theStatsSourceExampleEmitsOneJsonObjectPerStatistic(String dsl) throws Exception {
        credentials("mc-client", MC_SECRET);
        DocExamples.addRoutes(context, dsl, new StatsSourceRoutes(), "stats-source");
        for (int i = 0; i < 2; i++) {
            Exchange value = consumer().receive("kafka:agent-states", 20_000);
            assertNotNull(value, "the initial value of each statistic");
            JsonNode json = JSON.readTree(value.getMessage().getBody(String.class));
            assertEquals("agent2", json.get("objectId").asText(), json.toString());
        }
    }

    static final class UdmFilesSourceRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::udm-files-source[]
            from("kamelet:genesys-udm-files-source?baseUrl={{genesys.base-url}}&apiKey=RAW({{genesys.api-key}})"
                    + "&clientId={{genesys.client-id}}&clientSecret=RAW({{genesys.client-secret}})"
                    + "&username={{genesys.username}}&password=RAW({{genesys.password}})"
                    + "&jobTitle=Nightly&idempotentRepository=#processedExports")
                .to("file:{{exports.dir}}");
            // end::udm-files-source[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theUdmFilesSourceExampleStoresEachNightlyFileOnce(String dsl) throws Exception {
        credentials("mc-client", MC_SECRET);
        IdempotentRepository processed = MemoryIdempotentRepository.memoryIdempotentRepository(100);
        context.getRegistry().bind("processedExports", processed);
        SIM.simulator().udm().addFile(Map.of("name", "nightly-1.csv", "size", 1_000,
                "uploadDate", "2024-03-01T10:00:00Z", "jobTitle", "Nightly"));
        SIM.simulator().udm().addFile(Map.of("name", "adhoc.csv", "size", 1_000,
                "uploadDate", "2024-03-01T10:00:01Z", "jobTitle", "Adhoc"));
        SIM.simulator().udm().addFile(Map.of("name", "nightly-2.csv", "size", 2_000,
                "uploadDate", "2024-03-01T10:00:02Z", "jobTitle", "Nightly"));
        DocExamples.addRoutes(context, dsl, new UdmFilesSourceRoutes(), "udm-files-source");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(processed.contains("nightly-1.csv") && processed.contains("nightly-2.csv"))
               && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("nightly-1.csv", "nightly-2.csv"), stored(), "the Nightly files, in the bound repository");
        assertEquals(2_000, Files.size(exports.resolve("nightly-2.csv")));
        assertEquals(3, SIM.simulator().udm().fileCount(), "nothing deleted unless asked");
    }

    private List<String> stored() throws IOException {
        try (var files = Files.list(exports)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theUsersPresenceSinkExampleSetsThePresenceOfTheUserOfTheHeader() throws Exception {
        // the page's region is Genesys Cloud's; the component's baseUrl (the simulator) overrides it, as for contacts
        GenesysConfiguration c = context.getComponent("genesys-users", UsersComponent.class).getConfiguration();
        c.setBaseUrl(SIM.simulator().baseUrl());
        credentials("cloud-client", CLOUD_SECRET);
        DocExamples.addRoutes(context, "yaml", null, "users-presence-sink");
        String agent = SIM.simulator().cloudConversations().seedUsers(1).get(0);

        template.sendBodyAndHeader("kafka:shift-events", "{\"presenceDefinition\": {\"id\": \"presence-on-queue\"}}",
                "userId", agent);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"presence-on-queue".equals(SIM.simulator().cloudConversations().store().presenceOf(agent).orElse(null))
               && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("presence-on-queue", SIM.simulator().cloudConversations().store().presenceOf(agent).orElseThrow());
    }
}
