package io.camelgenesys.examples;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import io.camelgenesys.simulator.GenesysSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CRM database sync of the example application ({@link CrmDatabaseSyncRoute}) as a user runs it, against the
 * embedded simulator and a real database: the default embedded H2, and PostgreSQL (zonky's embedded PostgreSQL, a
 * real server process) by the documented property. The figures of the README's table are the ones these runs
 * assert.
 */
class CrmDatabaseSyncTest {

    static final String BULK_ENRICH = "/api/v2/externalcontacts/bulk/contacts/enrich";

    private LogCapture log;
    private GenesysExamples app;

    @BeforeEach
    void captureLog() {
        log = LogCapture.install();
    }

    @AfterEach
    void stop() {
        try {
            if (app != null) {
                app.main().stop();
            }
        } finally {
            log.uninstall();
        }
    }

    @Test
    void h2() throws Exception {
        fullIncrementalAndIdempotentRuns("jdbc:h2:mem:crm-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void postgresql() throws Exception {
        // as root (CI here) zonky runs initdb and pg_ctl under 'unshare -U', as PostgreSQL refuses root
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            fullIncrementalAndIdempotentRuns(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
            app.main().stop();   // while PostgreSQL still runs: the pool closes its connections
            app = null;
        }
    }

    /** The route the examples README shows is the one the application runs. */
    @Test
    void theReadmeShowsTheRouteThatRuns() {
        Path readme = GeneratedDocs.repositoryRoot().resolve("examples/README.md");
        assertEquals(List.of(), DocExamples.check(readme));
    }

    /**
     * 2,000 CRM rows, 20 with an email the component refuses: the full run stores 1,980 in 198 requests and writes the
     * 20 to the error table; after 100 rows change in the CRM, the next run sends exactly those 100 (10 requests);
     * a run with nothing changed sends nothing; a refused row corrected in the CRM is sent by the next run. Genesys
     * never holds two contacts for one CRM row.
     */
    void fullIncrementalAndIdempotentRuns(String url, String username, String password) throws Exception {
        app = new GenesysExamples();
        Main main = app.main();
        main.addOverrideProperty("example.crm-db.url", url);
        main.addOverrideProperty("example.crm-db.username", username);
        main.addOverrideProperty("example.crm-db.password", password);
        main.addOverrideProperty("example.crm-db.timer", "false");   // the test starts each run
        main.addOverrideProperty("example.crm-sync", "false");
        main.addOverrideProperty("camel.main.routes-exclude-pattern", "**/*.yaml");
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            // the SMS bridge's webhook listens on this port: never the default 8080, which may be taken
            main.addOverrideProperty("example.http-port", String.valueOf(free.getLocalPort()));
        }
        main.start();
        GenesysSimulator sim = app.simulator().orElseThrow();
        DataSource crm = main.getCamelContext().getRegistry().lookupByNameAndType("crm", DataSource.class);
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        // the full run
        long started = System.nanoTime();
        template.sendBody("direct:crm-db-sync", null);
        long fullMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1980, sim.externalContacts().contactCount());
        assertEquals(198, sim.requests().count("POST", BULK_ENRICH), "1,980 valid rows, 10 a request");
        assertEquals(1980, count(crm, "crm_contact where genesys_id is not null and sync_error is null"));
        assertEquals(20, count(crm, "crm_contact where sync_error is not null and genesys_id is null"));
        List<Map<String, Object>> errors = query(crm, "select crm_id, reason, status from crm_sync_error order by crm_id");
        assertEquals(20, errors.size());
        assertEquals("crm-00100", errors.get(0).get("crm_id"));
        assertEquals("contact.workEmail must be a valid email address, was 'person100@'", errors.get(0).get("reason"));
        assertEquals(400, ((Number) errors.get(0).get("status")).intValue());
        assertSyncedRowsAreTheirContacts(crm, template, "crm-00001", "crm-01999");
        ExternalContact first = lookup(template, "crm-00001");
        assertEquals("+15550000001", first.getWorkPhone().getE164(), "the phone text became a PhoneNumber");
        assertTrue(first.getAdditionalProperties().isEmpty(), "no CRM column went to Genesys as an unknown field: "
                                                              + first.getAdditionalProperties());

        // 100 rows change in the CRM: the next run sends exactly those
        execute(crm, "update crm_contact set title = 'Director', updated_at = localtimestamp"
                     + " where crm_id in (select crm_id from crm_contact where sync_error is null order by crm_id"
                     + " fetch first 100 rows only)");
        started = System.nanoTime();
        template.sendBody("direct:crm-db-sync", null);
        long incrementalMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(208, sim.requests().count("POST", BULK_ENRICH), "100 changed rows, 10 requests");
        assertEquals(1980, sim.externalContacts().contactCount(), "updated in place, no duplicate");
        assertEquals("Director", lookup(template, "crm-00001").getTitle());
        assertEquals(0, count(crm, "crm_contact where synced_at < updated_at"));

        // nothing changed: nothing is sent
        template.sendBody("direct:crm-db-sync", null);
        assertEquals(208, sim.requests().count("POST", BULK_ENRICH));
        assertTrue(log.matching(e -> e.message().equals("CRM database sync: nothing changed")).size() == 1);

        // a refused row corrected in the CRM goes with the next run, and its error mark is cleared
        execute(crm, "update crm_contact set work_email = 'person100@example.com', updated_at = localtimestamp"
                     + " where crm_id = 'crm-00100'");
        template.sendBody("direct:crm-db-sync", null);
        assertEquals(209, sim.requests().count("POST", BULK_ENRICH));
        assertEquals(1981, sim.externalContacts().contactCount());
        Map<String, Object> fixed = query(crm, "select genesys_id, sync_error from crm_contact where crm_id = 'crm-00100'")
                .get(0);
        assertNull(fixed.get("sync_error"));
        assertEquals(fixed.get("genesys_id"), lookup(template, "crm-00100").getId());

        System.out.printf("CRM database sync (%s): full run of 2,000 rows %d ms, incremental run of 100 rows %d ms%n",
                url.substring(0, url.indexOf(':', 5)), fullMs, incrementalMs);
    }

    private static ExternalContact lookup(ProducerTemplate template, String crmId) {
        return template.requestBody("genesys-contacts:lookup", Map.of("type", "ExternalId", "value", crmId),
                ExternalContact.class);
    }

    /** Each marked row names the Genesys contact that claims the row's CRM id. */
    private static void assertSyncedRowsAreTheirContacts(DataSource crm, ProducerTemplate template, String... crmIds)
            throws Exception {
        for (String crmId : crmIds) {
            Object genesysId = query(crm, "select genesys_id from crm_contact where crm_id = '" + crmId + "'").get(0)
                    .get("genesys_id");
            assertNotNull(genesysId, crmId + " is marked");
            assertEquals(genesysId, lookup(template, crmId).getId(), crmId + " is its contact");
        }
    }

    static void execute(DataSource crm, String sql) throws Exception {
        try (Connection c = crm.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static int count(DataSource crm, String from) throws Exception {
        return ((Number) query(crm, "select count(*) as n from " + from).get(0).get("n")).intValue();
    }

    static List<Map<String, Object>> query(DataSource crm, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = crm.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
