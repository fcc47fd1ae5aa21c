package io.camelgenesys.conversations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelgenesys.conversations.model.User;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.test.docs.DocExamples;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every route example of the genesys-conversations, genesys-users and genesys-notifications pages is a tagged region
 * of this class (Java) or of its YAML and XML files under {@code src/test/resources/docs}, and runs here in each DSL
 * the page shows against the simulator (and, for the presence table, a real H2 database), as users deploy them: the
 * credentials set once on each component (as the pages say), so the examples carry none, and the folder a property.
 * {@link DocExamples} checks that the pages show exactly these regions. One simulator for the class.
 */
class ConversationsDocsTest extends CloudTestSupport {

    private static final List<Path> PAGES = List.of(Path.of("src/main/docs/genesys-conversations-component.adoc"),
            Path.of("src/main/docs/genesys-users-component.adoc"),
            Path.of("src/main/docs/genesys-notifications-component.adoc"), Path.of("README.md"));

    @TempDir
    Path recordings;

    private final JdbcDataSource agents = new JdbcDataSource();

    @Override
    protected void doPostSetup() throws Exception {
        for (GenesysConfiguration c : List.of(
                context.getComponent("genesys-conversations", ConversationsComponent.class).getConfiguration(),
                context.getComponent("genesys-users", UsersComponent.class).getConfiguration())) {
            c.setBaseUrl(sim().baseUrl());
            c.setClientId(sim().cloudClientId());
            c.setClientSecret(sim().cloudClientSecret());
        }
        Properties props = new Properties();
        props.setProperty("recordings.dir", recordings.toString());
        context.getPropertiesComponent().setOverrideProperties(props);
        // the one DataSource of the registry: camel-sql uses it without a dataSource option
        agents.setURL("jdbc:h2:mem:agents" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        context.getRegistry().bind("agents", agents);
    }

    @Test
    void everyRouteExampleOfThePagesAndTheReadmeIsCodeATestRuns() {
        List<String> problems = new ArrayList<>();
        PAGES.forEach(page -> problems.addAll(DocExamples.check(page)));
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------------------------------ recordings

    static final class RecordingsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::recordings[]
            // every recording of the conversation in CamelGenesysConversationId into a folder, one file each, never in memory
            from("direct:recordings")
                .to("genesys-conversations:listRecordings?formatId=WAV")
                .split(body()).streaming()
                    .setHeader("CamelGenesysRecordingId", simple("${body.id}"))
                    .to("genesys-conversations:downloadRecording?formatId=WAV")
                    .toD("file:{{recordings.dir}}?fileName=${header.CamelGenesysRecordingId}.wav");
            // end::recordings[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theRecordingsExampleStreamsEveryRecordingOfAConversationIntoAFolder(String dsl) throws Exception {
        DocExamples.addRoutes(context, dsl, new RecordingsRoutes(), "recordings");
        String agent = cloud().seedUsers(1).get(0);
        String conversation = cloud().addConversation(agent, 40_000, 1_234_567);
        List<String> ids = cloud().recordingIds(conversation);

        template.sendBodyAndHeader("direct:recordings", null, ConversationsConstants.CONVERSATION_ID, conversation);

        long[] sizes = { 40_000, 1_234_567 };
        for (int i = 0; i < 2; i++) {
            Path file = recordings.resolve(ids.get(i) + ".wav");
            assertEquals(sizes[i], Files.size(file), file.toString());
            assertArrayEquals(cloud().mediaBytes(ids.get(i), 64), Arrays.copyOf(Files.readAllBytes(file), 64),
                    "the recording's own bytes");
        }
        assertNull(sim().requests().lastHeader("/recordings-media/**", "Authorization"), "storage got no token");
    }

    // ------------------------------------------------------------------------------------------ users

    static final class PresenceTableRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::presence-table[]
            // an agent's presence into a table when a route is told of it
            from("direct:presence")
                .to("genesys-users:get?expand=presence")
                .setBody(simple("${body.presence.presenceDefinition.systemPresence}"))
                .to("sql:update agent set presence = :#${body} where id = :#${header.CamelGenesysUserId}");
            // end::presence-table[]
        }
    }

    @Test
    void thePresenceTableExampleWritesTheAgentsSystemPresence() throws Exception {
        List<String> ids = cloud().seedUsers(2);
        try (var c = agents.getConnection(); var st = c.createStatement()) {
            st.execute("create table agent (id varchar(64) primary key, presence varchar(40))");
            st.execute("insert into agent values ('" + ids.get(0) + "', null), ('" + ids.get(1) + "', null)");
        }
        context.addRoutes(new PresenceTableRoutes());

        template.sendBodyAndHeader("direct:presence", null, UsersConstants.USER_ID, ids.get(0));
        assertEquals(Map.of(ids.get(0), "Offline"), presences(), "a seeded agent is Offline, the other row untouched");

        body("users", "setPresence", "userId=" + ids.get(0), Map.of("presenceDefinition", Map.of("id", "presence-on-queue")), Object.class);
        template.sendBodyAndHeader("direct:presence", null, UsersConstants.USER_ID, ids.get(0));
        assertEquals(Map.of(ids.get(0), "On Queue"), presences());
    }

    private Map<String, String> presences() throws Exception {
        Map<String, String> rows = new java.util.HashMap<>();
        try (var c = agents.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select id, presence from agent where presence is not null")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    static final class OnQueueRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::on-queue[]
            from("direct:on-queue")
                .setBody(simple("{\"presenceDefinition\": {\"id\": \"${header.presenceId}\"}, \"message\": \"${header.reason}\"}"))
                .to("genesys-users:setPresence")
                .to("genesys-users:get?expand=presence")
                .setHeader("systemPresence", simple("${body.presence.presenceDefinition.systemPresence}"));   // On Queue
            // end::on-queue[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theOnQueueExamplePutsAnAgentOnQueueAndReadsThePresenceBack(String dsl) throws Exception {
        DocExamples.addRoutes(context, dsl, new OnQueueRoutes(), "on-queue");
        String agent = cloud().seedUsers(1).get(0);

        Exchange done = template.request("direct:on-queue", e -> e.getMessage().setHeaders(Map.of(
                UsersConstants.USER_ID, agent, "presenceId", "presence-on-queue", "reason", "shift start")));

        assertNull(done.getException());
        assertEquals("On Queue", done.getMessage().getHeader("systemPresence"));
        assertEquals(agent, done.getMessage().getBody(User.class).getId());
        assertEquals("presence-on-queue", cloud().store().presenceOf(agent).orElseThrow());
    }
}
