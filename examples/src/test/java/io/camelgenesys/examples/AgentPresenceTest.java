package io.camelgenesys.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.GenesysSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent presence example ({@link AgentPresenceRoute}) as the application runs it, against the embedded simulator
 * and the default embedded H2: each presence change an agent makes through the API reaches the agent_presence table;
 * after the notification socket drops, the next change is written with the presence read again and gap_since set.
 */
class AgentPresenceTest {

    private GenesysExamples app;
    private LogCapture log;

    @AfterEach
    void stop() {
        try {
            if (app != null) {
                app.main().stop();
            }
        } finally {
            if (log != null) {
                log.uninstall();
            }
        }
    }

    @Test
    void presenceChangesAreWrittenToTheTableAndAGapIsReadAgain() throws Exception {
        // the test changes the presences itself: the simulated supervisor waits an hour
        Main main = presenceOnly("presence", Map.of("example.presence.change-delay", "3600000"));
        main.start();
        GenesysSimulator sim = app.simulator().orElseThrow();
        DataSource db = main.getCamelContext().getRegistry().lookupByNameAndType("crm", DataSource.class);
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        List<String> agents = List.of(main.getCamelContext().resolvePropertyPlaceholders("{{example.presence.agents}}")
                .split(","));
        assertEquals(3, agents.size());
        agents.forEach(a -> awaitUp(main, "agent-presence-" + a));
        assertEquals(1, sim.notifications().channelIds().size(), "the three consumers share one channel");

        for (String agent : agents) {
            setPresence(template, agent, "presence-busy");
        }
        Await.until("three rows", 20_000, () -> rows(db).size() == 3);
        for (String agent : agents) {
            Map<String, Object> row = rows(db).get(agent);
            assertTrue("busy".equalsIgnoreCase((String) row.get("SYSTEM_PRESENCE")), String.valueOf(row));
            assertEquals("presence-busy", row.get("PRESENCE_ID"));
            assertEquals(1, ((Number) row.get("CHANGES")).intValue());
            assertNotNull(row.get("MODIFIED_DATE"));
            assertNull(row.get("GAP_SINCE"));
        }

        setPresence(template, agents.get(0), "presence-meeting");
        Await.until("the change", 20_000,
                () -> "meeting".equalsIgnoreCase((String) rows(db).get(agents.get(0)).get("SYSTEM_PRESENCE")));
        assertEquals(2, ((Number) rows(db).get(agents.get(0)).get("CHANGES")).intValue());

        // the socket drops: the next event comes after a gap, and the route reads the presence again
        // the dropped channel may still look connected for a moment: wait for the channel that replaces it (an event
        // published before it is subscribed is lost in the gap, as on Genesys, and nothing would read that agent again)
        java.util.Set<String> before = java.util.Set.copyOf(sim.notifications().channelIds());
        sim.notifications().dropSockets();
        Await.until("the channel is back", 20_000, () -> agents.stream().allMatch(a -> up(main, "agent-presence-" + a))
                                                         && sim.notifications().channelIds().stream().anyMatch(
                                                                 c -> !before.contains(c)
                                                                      && sim.notifications().isConnected(c)
                                                                      && sim.notifications().subscriptions(c).size() == 3));
        setPresence(template, agents.get(1), "presence-away");
        Await.until("the change after the gap", 20_000,
                () -> "away".equalsIgnoreCase((String) rows(db).get(agents.get(1)).get("SYSTEM_PRESENCE")));
        assertNotNull(rows(db).get(agents.get(1)).get("GAP_SINCE"), "written with the gap's start");
        log.assertNoneContains(List.of("cloud-secret"));
    }

    /**
     * With the embedded simulator the example's simulated supervisor changes the agents' presences (one per tick, in
     * turn), and the changes reach the table: the run a user starts shows the route at work.
     */
    @Test
    void theSimulatedSupervisorsChangesReachTheTable() throws Exception {
        // a change every 200 ms, to each agent in turn with a presence of the five in turn: changes published before
        // an agent's consumer subscribed are lost (as on Genesys), the next ones reach the table
        Main main = presenceOnly("supervisor", Map.of("example.presence.change-delay", "0",
                "example.presence.change-interval", "200"));
        main.start();
        DataSource db = main.getCamelContext().getRegistry().lookupByNameAndType("crm", DataSource.class);
        List<String> agents = List.of(main.getCamelContext().resolvePropertyPlaceholders("{{example.presence.agents}}")
                .split(","));
        assertEquals("true", main.getCamelContext().resolvePropertyPlaceholders("{{example.presence.simulate}}"));

        Await.until("a row for each of the three agents", 20_000, () -> rows(db).keySet().containsAll(agents));
        assertTrue(log.matching(e -> e.all().contains("NullPointerException")).isEmpty(),
                "the simulated supervisor failed");
    }

    /**
     * The application as it runs, with the embedded simulator, the presence route and nothing else, on a database and
     * an HTTP port of its own.
     */
    private Main presenceOnly(String database, Map<String, String> properties) throws Exception {
        log = LogCapture.install();
        app = new GenesysExamples();
        Main main = app.main();
        main.addOverrideProperty("example.crm-db.url", "jdbc:h2:mem:" + database + "-" + System.nanoTime()
                                                       + ";DB_CLOSE_DELAY=-1");
        main.addOverrideProperty("example.crm-db.seed-rows", "0");
        main.addOverrideProperty("example.crm-db.timer", "false");
        main.addOverrideProperty("example.crm-sync", "false");
        main.addOverrideProperty("example.udm-export", "false");
        main.addOverrideProperty("example.sms-bridge", "false");
        main.addOverrideProperty("example.crm-cases", "false");
        main.addOverrideProperty("example.queue-id", "none");
        main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/*.yaml");
        properties.forEach(main::addOverrideProperty);
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            main.addOverrideProperty("example.http-port", String.valueOf(free.getLocalPort()));
        }
        return main;
    }

    private static void setPresence(ProducerTemplate template, String agent, String presenceId) {
        template.sendBodyAndHeader("genesys-users:setPresence", Map.of("presenceDefinition", Map.of("id", presenceId)),
                "CamelGenesysUserId", agent);
    }

    private static boolean up(Main main, String routeId) {
        return HealthCheckHelper.invoke(main.getCamelContext(), "consumer:" + routeId, Map.of())
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false);
    }

    private static void awaitUp(Main main, String routeId) {
        Await.until(routeId + " UP", 20_000, () -> up(main, routeId));
    }

    private static Map<String, Map<String, Object>> rows(DataSource db) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("select * from agent_presence");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), rs.getObject(i));
                }
                rows.put((String) row.get("USER_ID"), row);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
