package io.camelgenesys.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelgenesys.contacts.model.ContactIdentifier;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.PhoneNumber;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CRM row goes to Genesys without hand mapping: rows read by {@code sql:} from a real H2 database (upper-case keys,
 * as H2 returns unquoted columns) become contacts with {@code convertBodyTo(ExternalContact.class)} or, in a bulk
 * operation, by themselves; phone text becomes a {@code PhoneNumber}; the identifier field is used as the matching
 * identifier and, not being a contact field, not sent; the bulk result says which rows were stored.
 */
class ModelMappingRouteTest extends ContactsTestSupport {

    private static final String CREATE_TABLE = "create table crm_contact (crm_id varchar(40) primary key,"
                                               + " first_name varchar(100), last_name varchar(100),"
                                               + " work_email varchar(256), work_phone varchar(40),"
                                               + " cell_phone varchar(40), title varchar(100))";
    private final JdbcDataSource crm = new JdbcDataSource();

    @Override
    protected void doPreSetup() {
        crm.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    protected void doPostSetup() throws Exception {
        context.getRegistry().bind("crm", crm);
        try (var c = crm.getConnection(); var st = c.createStatement()) {
            st.execute(CREATE_TABLE);
            st.execute("insert into crm_contact values ('crm-1', 'Ada', 'Lovelace', 'ada@example.com',"
                       + " '+1 (555) 010-0001', '555-0100', '')");
            st.execute("insert into crm_contact values ('crm-2', 'Grace', 'Hopper', 'grace@example.com', null,"
                       + " null, 'Rear Admiral')");
            st.execute("insert into crm_contact values ('crm-3', 'Margaret', 'Hamilton',"
                       + " 'margaret.hamilton.example.com', null, null, null)");
        }
    }

    private Map<String, Object> stored(String contactId) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = template.requestBodyAndHeader(route(contacts("get", "outputType=map")), null,
                ContactsConstants.CONTACT_ID, contactId, Map.class);
        return contact;
    }

    /** A route that converts the row, as a single operation needs (bulk items are mapped by the component). */
    private String converting(String endpointUri) throws Exception {
        String from = "direct:converting" + System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).convertBodyTo(ExternalContact.class).to(endpointUri);
            }
        });
        return from;
    }

    private List<ContactIdentifier> identifiers(String contactId) throws Exception {
        @SuppressWarnings("unchecked")
        List<ContactIdentifier> list = template.requestBodyAndHeader(route(contacts("listIdentifiers", "")), null,
                ContactsConstants.CONTACT_ID, contactId, List.class);
        return list;
    }

    @Test
    void aJdbcRowConvertsToAContactAndUpsertsByItsCrmIdWithoutSendingIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync-one")
                        .to("sql:select crm_id, first_name, last_name, work_email, work_phone, cell_phone, title"
                            + " from crm_contact where crm_id = :#${body}?dataSource=#crm&outputType=SelectOne")
                        .convertBodyTo(ExternalContact.class)
                        .to(contacts("enrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"));
            }
        });
        ExternalContact upserted = template.requestBody("direct:sync-one", "crm-1", ExternalContact.class);

        Map<String, Object> contact = stored(upserted.getId());
        assertEquals("Ada", contact.get("firstName"));
        assertEquals("ada@example.com", contact.get("workEmail"));
        assertEquals(Map.of("e164", "+15550100001"), contact.get("workPhone"), "E.164 text, formatted, to e164");
        assertEquals(Map.of("display", "555-0100"), contact.get("cellPhone"), "other text to display");
        assertFalse(contact.containsKey("title"), "a blank column is no value");
        assertFalse(contact.containsKey("CRM_ID") || contact.containsKey("crmId"),
                "the identifier field is no contact field: not sent (identifierFieldMode=auto): " + contact.keySet());
        assertTrue(identifiers(upserted.getId()).stream()
                .anyMatch(i -> "ExternalId".equals(i.getType()) && "crm-1".equals(i.getValue())),
                "the CRM id is the contact's ExternalId identifier");

        // again: the same contact, nothing new
        ExternalContact again = template.requestBody("direct:sync-one", "crm-1", ExternalContact.class);
        assertEquals(upserted.getId(), again.getId());
    }

    @Test
    void identifierFieldModeKeepSendsTheFieldAndAutoKeepsAContactField() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CRM_ID", "crm-keep");
        row.put("FIRST_NAME", "Kept");
        row.put("LAST_NAME", "Field");
        row.put("WORK_EMAIL", "kept@example.com");
        String keep = converting(contacts("enrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"
                                               + "&identifierFieldMode=keep"));
        ExternalContact kept = template.requestBody(keep, row, ExternalContact.class);
        assertEquals("crm-keep", stored(kept.getId()).get("CRM_ID"), "keep: sent as the row named it");

        // identifierType=Email: the email is the identifier and a field of the contact, so auto keeps it
        String byEmail = converting(contacts("enrich", "action=Upsert&identifierType=Email&identifierField=workEmail"));
        Map<String, Object> emailRow = Map.of("first_name", "Eve", "last_name", "Mail", "work_email", "eve@example.com");
        ExternalContact byMail = template.requestBody(byEmail, emailRow, ExternalContact.class);
        assertEquals("eve@example.com", stored(byMail.getId()).get("workEmail"));

        String remove = converting(contacts("enrich", "action=Upsert&identifierType=Email&identifierField=workEmail"
                                                 + "&identifierFieldMode=remove"));
        Map<String, Object> removedRow = Map.of("first_name", "Rem", "last_name", "Oved", "work_email", "rem@example.com");
        ExternalContact removed = template.requestBody(remove, removedRow, ExternalContact.class);
        assertNull(stored(removed.getId()).get("workEmail"), "remove: not sent, even a contact field");
    }

    @Test
    void bulkEnrichTakesTheRowsAsTheyAreAndSaysWhichWereStored() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync-all")
                        .to("sql:select crm_id, first_name, last_name, work_email, work_phone, cell_phone, title"
                            + " from crm_contact order by crm_id?dataSource=#crm")
                        .to(contacts("bulkEnrich", "action=Upsert&identifierType=ExternalId&identifierField=crmId"
                                                   + "&bulkFailureMode=continue"));
            }
        });
        var exchange = template.request("direct:sync-all", e -> { });
        List<?> body = exchange.getMessage().getBody(List.class);
        @SuppressWarnings("unchecked")
        List<BulkSuccess> successes = exchange.getMessage().getHeader(ContactsConstants.BULK_SUCCESSES, List.class);
        @SuppressWarnings("unchecked")
        List<BulkFailure> failures = exchange.getMessage().getHeader(ContactsConstants.BULK_FAILURES, List.class);

        assertEquals(List.of(0, 1), successes.stream().map(BulkSuccess::index).toList());
        assertEquals(body, successes.stream().map(BulkSuccess::entity).toList(), "in the order of the body");
        assertEquals(List.of("crm-1", "crm-2"), successes.stream()
                .map(s -> ((Map<?, ?>) s.item()).get("CRM_ID")).toList(), "each success carries its row as read");
        assertEquals(1, failures.size());
        assertEquals(2, failures.get(0).index());
        assertEquals("crm-3", ((Map<?, ?>) failures.get(0).item()).get("CRM_ID"), "the failure carries its row");
        assertTrue(failures.get(0).error().contains("workEmail must be a valid email address"), failures.get(0).error());
        ExternalContact grace = assertInstanceOf(ExternalContact.class, successes.get(1).entity());
        assertEquals("Rear Admiral", grace.getTitle());
        assertFalse(stored(grace.getId()).containsKey("CRM_ID"), "the identifier column is not sent");
    }

    @Test
    void aListOfRowsConvertsToAnArrayOfContactsAndPhoneTextToAPhoneNumber() {
        List<Map<String, Object>> rows = List.of(Map.of("FIRST_NAME", "A", "HOME_PHONE", "+44 20 7946 0958"),
                Map.of("first_name", "B", "address", Map.of("ADDRESS1", "1 Main St", "postal_code", "12345")));
        ExternalContact[] contacts = context.getTypeConverter().convertTo(ExternalContact[].class, rows);
        assertEquals(2, contacts.length);
        assertEquals("+442079460958", contacts[0].getHomePhone().getE164());
        assertEquals("1 Main St", contacts[1].getAddress().getAddress1(), "a nested model is mapped the same way");
        assertEquals("12345", contacts[1].getAddress().getPostalCode());

        PhoneNumber phone = context.getTypeConverter().convertTo(PhoneNumber.class, "+1-555-010-0002");
        assertEquals("+15550100002", phone.getE164());
        assertEquals("0800 123", context.getTypeConverter().convertTo(PhoneNumber.class, "0800 123").getDisplay());
    }

    @Test
    void twoKeysForOneFieldAreRefusedNamingBoth() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("firstName", "A");
        row.put("FIRST_NAME", "B");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getTypeConverter().mandatoryConvertTo(ExternalContact.class, row));
        StringBuilder messages = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("The keys firstName and FIRST_NAME both give the field firstName of"
                                                + " ExternalContact: keep one"), messages.toString());
    }
}
