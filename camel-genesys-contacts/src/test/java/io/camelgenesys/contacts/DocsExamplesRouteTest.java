package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.core.GenesysRefusal;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route example of the genesys-contacts page (and of the repository README) is a tagged region of this class
 * or of its YAML and XML files under {@code src/test/resources/docs} ({@code <example>.yaml}, {@code <example>.xml}),
 * and runs here in each DSL against the simulator and a real H2 database: a wrong example fails the build ({@link DocExamples} checks that the page shows exactly these regions).
 * The credentials are set once on the component, as the page says, so the examples carry none.
 */
class DocsExamplesRouteTest extends ContactsTestSupport {

    private static final String SCHEMA = """
            create table crm_contact (crm_id varchar(40) primary key, first_name varchar(100), last_name varchar(100),
                work_email varchar(256), work_phone varchar(40), title varchar(100), synced_at timestamp,
                genesys_id varchar(64), sync_error varchar(2000));
            create table crm_sync_error (crm_id varchar(40), reason varchar(2000), status int,
                failed_at timestamp default current_timestamp);
            create table genesys_contact_snapshot (id varchar(64) primary key, email varchar(256));
            """;

    private final JdbcDataSource crm = new JdbcDataSource();
    private ExecutorService reconcilePool;

    @Override
    protected void doPreSetup() {
        crm.setURL("jdbc:h2:mem:docs" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected void doPostSetup() throws Exception {
        // the one DataSource of the registry: camel-sql uses it without a dataSource option
        context.getRegistry().bind("crm", crm);
        ContactsConfiguration c = context.getComponent("genesys-contacts", ContactsComponent.class).getConfiguration();
        c.setBaseUrl(sim().baseUrl());
        c.setClientId(sim().cloudClientId());
        c.setClientSecret(sim().cloudClientSecret());
        execute(SCHEMA);
    }

    @AfterEach
    void shutdownPool() {
        if (reconcilePool != null) {
            reconcilePool.shutdownNow();
        }
    }

    private void execute(String sql) throws Exception {
        try (var c = crm.getConnection(); var st = c.createStatement()) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    private List<Map<String, Object>> query(String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var c = crm.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void crmRows(int valid, String... badEmails) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= valid; i++) {
            sb.append(String.format("insert into crm_contact (crm_id, first_name, last_name, work_email, work_phone, title)"
                                    + " values ('crm-%d', 'First%d', 'Last%d', 'person%d@example.com',"
                                    + " '+1 555 010 %04d', 'Title %d');", i, i, i, i, i, i));
        }
        for (int i = 0; i < badEmails.length; i++) {
            sb.append(String.format("insert into crm_contact (crm_id, first_name, last_name, work_email)"
                                    + " values ('crm-bad-%d', 'Bad%d', 'Row%d', '%s');", i, i, i, badEmails[i]));
        }
        execute(sb.toString());
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, 20_000, condition);
    }

    private int count(String where) {
        try {
            return ((Number) query("select count(*) as n from crm_contact where " + where).get(0).get("n")).intValue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each synced row names a Genesys contact that claims the row's CRM id as its ExternalId. */
    private void assertSyncedRowsMatchGenesys() throws Exception {
        for (Map<String, Object> row : query("select crm_id, genesys_id from crm_contact where synced_at is not null")) {
            Map<String, Object> contact = sim().externalContacts().contact((String) row.get("genesys_id"))
                    .orElseThrow(() -> new AssertionError("no Genesys contact " + row.get("genesys_id")));
            assertFalse(contact.containsKey("crmId") || contact.containsKey("CRM_ID"), "the CRM id is no contact field");
            @SuppressWarnings("unchecked")
            Map<String, Object> identifier = template.requestBody(route(contacts("lookup", "outputType=map")),
                    Map.of("type", "ExternalId", "value", row.get("crm_id")), Map.class);
            assertEquals(row.get("genesys_id"), identifier.get("id"), "the contact claims " + row.get("crm_id"));
        }
    }

    // ------------------------------------------------------------------------------------------ the upsert

    /** The headline example of the page and the README: one row at a time, in Java. */
    static final class UpsertRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::upsert[]
            // a row the input checks or Genesys refuse is marked with the reason, so that it is not read again until
            // the CRM changes it; any other failure (credentials, an outage, the context stopping) leaves it unmarked
            onException(Exception.class).onWhen(GenesysRefusal::refused).handled(true)
                    .to("sql:update crm_contact set sync_error = :#${exception.message} where crm_id = :#${header.crmId}");

            from("sql:select crm_id, first_name, last_name, work_email, work_phone, title from crm_contact"
                 + " where synced_at is null and sync_error is null")
                    .setHeader("crmId", simple("${body[crm_id]}"))
                    // CRM_ID, FIRST_NAME, WORK_PHONE, ... to the contact's fields; +1 555 ... to workPhone.e164
                    .convertBodyTo(ExternalContact.class)
                    .to("genesys-contacts:enrich?action=Upsert&identifierType=ExternalId&identifierField=crmId")
                    // the body is now the Genesys contact: the row is marked by the CRM id kept in the header
                    .to("sql:update crm_contact set synced_at = current_timestamp, genesys_id = :#${body.id}"
                        + " where crm_id = :#${header.crmId}");
            // end::upsert[]
        }
    }

    private void assertUpsertSyncs(Runnable addRoutes) throws Exception {
        crmRows(3, "not-an-email");
        addRoutes.run();
        await(() -> count("synced_at is not null") == 3 && count("sync_error is not null") == 1,
                "3 rows synced and 1 refused");
        assertSyncedRowsMatchGenesys();
        Map<String, Object> bad = query("select sync_error from crm_contact where crm_id = 'crm-bad-0'").get(0);
        assertEquals("enrich: contact.workEmail must be a valid email address, was 'not-an-email'", bad.get("sync_error"));
        int sent = sim().requests().count("POST", EC + "/contacts/enrich");
        assertEquals(3, sent, "the refused row was never sent");
        Thread.sleep(1500); // three more polls
        assertEquals(sent, sim().requests().count("POST", EC + "/contacts/enrich"), "marked rows are not read again");
        // a second full run (the marks cleared) updates the same contacts: no duplicate
        int contacts = sim().externalContacts().contactCount();
        execute("update crm_contact set synced_at = null where sync_error is null");
        await(() -> count("synced_at is not null") == 3, "the second run");
        assertEquals(contacts, sim().externalContacts().contactCount(), "no duplicates");
    }

    @Test
    void upsertJava() throws Exception {
        assertUpsertSyncs(() -> {
            try {
                context.addRoutes(new UpsertRoutes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void load(String resource) {
        try {
            Resource r = ResourceHelper.resolveMandatoryResource(context, "classpath:" + resource);
            PluginHelper.getRoutesLoader(context).loadRoutes(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void upsertYaml() throws Exception {
        assertUpsertSyncs(() -> load("docs/crm-upsert.yaml"));
    }

    @Test
    void upsertXml() throws Exception {
        assertUpsertSyncs(() -> load("docs/crm-upsert.xml"));
    }

    // ------------------------------------------------------------------------------------------ patch

    /**
     * The change-list form of patch: the city changes, and the contact gets the CRM id as one more ExternalId; the
     * values come from headers.
     */
    static final class PatchRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::patch[]
            from("direct:moved")
                .setBody(simple("""
                    {"changes": [
                      {"field": "$.address.city", "value": "${header.city}", "action": "Update"},
                      {"field": "$.externalIds", "action": "AppendToCollection",
                       "value": [{"externalSource": {"id": "${header.sourceId}"}, "value": "${header.crmId}"}]}]}"""))
                .to("genesys-contacts:patch");
            // end::patch[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void patchChangesTheCityAndAppendsTheCrmId(String dsl) throws Exception {
        ExternalContact created = body("create", "", Map.of("firstName", "Ann", "address",
                Map.of("city", "Paris", "postalCode", "75001")), ExternalContact.class);
        DocExamples.addRoutes(context, dsl, new PatchRoutes(), "patch");
        ExternalContact patched = template.requestBodyAndHeaders("direct:moved", null,
                Map.of("CamelGenesysContactId", created.getId(), "city", "Lyon", "sourceId", "crm-source",
                        "crmId", "crm-42"),
                ExternalContact.class);
        assertEquals("Lyon", patched.getAddress().getCity());
        Map<String, Object> stored = sim().externalContacts().contact(created.getId()).orElseThrow();
        assertEquals("Lyon", ((Map<?, ?>) stored.get("address")).get("city"));
        assertEquals("75001", ((Map<?, ?>) stored.get("address")).get("postalCode"), "the other address fields stay");
        assertEquals(List.of(Map.of("externalSource", Map.of("id", "crm-source"), "value", "crm-42")),
                stored.get("externalIds"));
    }

    // ------------------------------------------------------------------------------------------ bulk

    static final class BulkRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::bulk[]
            from("timer:crm-sync?period=60000")
                    .to("sql:select crm_id, first_name, last_name, work_email, work_phone, title from crm_contact"
                        + " where synced_at is null and sync_error is null")
                    // the rows as they are: each is mapped to a contact and sent, 10 to a request
                    .to("genesys-contacts:bulkEnrich?action=Upsert&identifierType=ExternalId&identifierField=crmId"
                        + "&bulkFailureMode=continue")
                    // exactly the rows Genesys stored: each success holds its input row and the stored contact
                    .split(header("CamelGenesysBulkSuccesses"))
                        .to("sql:update crm_contact set synced_at = current_timestamp, genesys_id = :#${body.entity.id}"
                            + " where crm_id = :#${body.item[crm_id]}")
                    .end()
                    // exactly the rows refused, with the reason, to the error table; a failure that is not the
                    // row's fault (refused = false: an outage, the credentials) leaves the row for the next run
                    .split(header("CamelGenesysBulkFailures"))
                        .filter(simple("${body.refused}"))
                        .to("sql:insert into crm_sync_error (crm_id, reason, status)"
                            + " values (:#${body.item[crm_id]}, :#${body.error}, :#${body.status})")
                        .to("sql:update crm_contact set sync_error = :#${body.error} where crm_id = :#${body.item[crm_id]}");
            // end::bulk[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void bulkMarksExactlyTheStoredRowsAndDeadLettersTheRefusedOnes(String dsl) throws Exception {
        crmRows(23, "no-at-sign", "two@@example.com");
        DocExamples.addRoutes(context, dsl, new BulkRoutes(), "bulk");
        await(() -> count("synced_at is not null") == 23 && count("sync_error is not null") == 2,
                "23 rows synced and 2 dead-lettered");
        assertSyncedRowsMatchGenesys();
        List<Map<String, Object>> errors = query("select crm_id, reason, status from crm_sync_error order by crm_id");
        assertEquals(List.of("crm-bad-0", "crm-bad-1"), errors.stream().map(r -> r.get("crm_id")).toList());
        assertEquals("contact.workEmail must be a valid email address, was 'no-at-sign'", errors.get(0).get("reason"));
        assertEquals(400, errors.get(0).get("status"));
        assertEquals(3, sim().requests().count("POST", EC + "/bulk/contacts/enrich"), "23 valid rows, 10 a request");
    }

    // ------------------------------------------------------------------------------------------ scans

    static final class SnapshotRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::scan-snapshot[]
            from("genesys-contacts:scan?pageSize=200&delay=3600000")
                    .to("sql:insert into genesys_contact_snapshot (id, email) values (:#${body.id}, :#${body.workEmail})");
            // end::scan-snapshot[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void theScanConsumerCopiesEveryContactOnce(String dsl) throws Exception {
        sim().externalContacts().seedContacts(450);
        DocExamples.addRoutes(context, dsl, new SnapshotRoutes(), "scan-snapshot");
        await(() -> {
            try {
                return ((Number) query("select count(*) as n from genesys_contact_snapshot").get(0).get("n"))
                        .intValue() == 450;
            } catch (Exception e) {
                return false;
            }
        }, "450 contacts copied");
    }

    static final class CountRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::scan-count[]
            from("genesys-contacts:scan?pageSize=200&delay=3600000")
                    .aggregate(constant(true), AggregationStrategies.groupedBody())
                        .completionPredicate(exchangeProperty(Exchange.BATCH_COMPLETE).isEqualTo(true))
                        .eagerCheckCompletion()
                    .log("this poll read ${body.size()} contacts");
            // end::scan-count[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void aPollIsAggregatedByItsLastRecord(String dsl) throws Exception {
        sim().externalContacts().seedContacts(250);
        LogCapture log = LogCapture.install();
        try {
            DocExamples.addRoutes(context, dsl, new CountRoutes(), "scan-count");
            await(() -> log.events().stream().anyMatch(e -> e.message().contains("this poll read 250 contacts")),
                    "the count of one poll is logged");
        } finally {
            log.uninstall();
        }
    }

    static final class ThreadsRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::threads[]
            from("direct:reconcile")
                    .to("genesys-contacts:scan?pageAll=true&pageSize=200&workerPool=#reconcilePool")
                    .split(body()).streaming()
                        .to("sql:insert into genesys_contact_snapshot (id) values (:#${body.id})");
            // end::threads[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void aStreamingSplitOverAScanRunsOnTheRoutesOwnPool(String dsl) throws Exception {
        sim().externalContacts().seedContacts(420);
        reconcilePool = Executors.newFixedThreadPool(2);
        context.getRegistry().bind("reconcilePool", reconcilePool);
        DocExamples.addRoutes(context, dsl, new ThreadsRoutes(), "threads");
        template.sendBody("direct:reconcile", null);
        assertEquals(420, ((Number) query("select count(*) as n from genesys_contact_snapshot").get(0).get("n"))
                .intValue());
    }

    // ------------------------------------------------------------------------------------------ Web Services

    static final class WebServicesRoutes extends RouteBuilder {
        @Override
        public void configure() {
            // tag::web-services[]
            // every User contact named Smith (the filters are combined with AND)
            from("timer:agents?repeatCount=1")
                    .to("genesys-contacts:search?platform=webServices&baseUrl={{gws.url}}"
                        + "&username=RAW({{gws.user}})&password=RAW({{gws.password}})&type=User&lastName=Smith")
                    .split(body())
                    .log("${body.userName}: ${body.firstName} ${body.lastName} ${body.roles}");
            // end::web-services[]
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void webServicesSearchLogsTheUsers(String dsl) throws Exception {
        sim().webServicesContacts().seedDefaults();
        context.getPropertiesComponent().addInitialProperty("gws.url", sim().baseUrl());
        context.getPropertiesComponent().addInitialProperty("gws.user", sim().webServicesUsername());
        context.getPropertiesComponent().addInitialProperty("gws.password", sim().webServicesPassword());
        LogCapture log = LogCapture.install();
        try {
            DocExamples.addRoutes(context, dsl, new WebServicesRoutes(), "web-services");
            // John Smith (seed 004's sample user, who has no phone number: the page's example once read his first)
            await(() -> log.events().stream().anyMatch(e -> e.message().equals("JohnS: John Smith [ROLE_ADMIN]")),
                    "JohnS is logged");
        } finally {
            log.uninstall();
        }
    }

    // ------------------------------------------------------------------------------------------ what the page quotes

    /** The error the page shows under "Input checks" is the one a route gets for that body. */
    @Test
    void inputCheckMessage() throws Exception {
        String documented = documentedBlock("checked-by: camel-genesys-contacts/src/test/java/io/camelgenesys/contacts/"
                                            + "DocsExamplesRouteTest.java#inputCheckMessage");
        Throwable e = failure("create", "", Map.of("firstName", "Ada", "lastName", "Lovelace", "workEmail", "nope",
                "type", "Prospect"));
        assertEquals(documented, e.getMessage());
    }

    /** The block after a marker line of the page. */
    private static String documentedBlock(String marker) {
        String page = GeneratedDocs.read(java.nio.file.Path.of("src/main/docs/genesys-contacts-component.adoc"));
        int at = page.indexOf("// " + marker);
        assertTrue(at >= 0, "the page has the marker " + marker);
        int open = page.indexOf("----\n", at) + 5;
        int close = page.indexOf("\n----", open);
        return page.substring(open, close);
    }
}
