package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.PhoneNumber;
import io.camelgenesys.core.json.GenesysJson;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The typed check of a {@code create} body and the body sent are one JSON tree, built from the route's {@code Map}
 * without Jackson's serializers when the map holds only plain values (text, numbers, true/false, lists, maps): many
 * exchanges in flight at once, each refused with its own message naming its field, or sent as it was given, whatever
 * form the body takes (a plain map, a map holding models, a tree the route keeps).
 */
class CreateBodyCheckRouteTest extends ContactsTestSupport {

    /** The address rule as the regular expression it was written as: the oracle of the check the component makes. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private static final String CONTACTS = EC + "/contacts";

    /** Sends every body at once through the route's asynchronous producer; one exchange per body, in order. */
    private List<Exchange> inFlight(List<Object> bodies) throws Exception {
        Endpoint direct = context.getEndpoint(route(contacts("create", "")));
        AsyncProducer producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        try {
            List<Exchange> exchanges = new ArrayList<>();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (Object body : bodies) {
                Exchange exchange = direct.createExchange(ExchangePattern.InOut);
                exchange.getMessage().setBody(body);
                CompletableFuture<Void> d = new CompletableFuture<>();
                exchanges.add(exchange);
                done.add(d);
                producer.process(exchange, sync -> d.complete(null));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return exchanges;
        } finally {
            ServiceHelper.stopService(producer);
        }
    }

    private static String refusal(Exchange exchange) {
        return assertInstanceOf(IllegalArgumentException.class, exchange.getException()).getMessage();
    }

    private static ExternalContact created(Exchange exchange) {
        assertNull(exchange.getException());
        ExternalContact c = assertInstanceOf(ExternalContact.class, exchange.getMessage().getBody());
        assertNotNull(c.getId());
        return c;
    }

    @Test
    void manyCreatesInFlightAreEachCheckedAndSentAsGiven() throws Exception {
        int n = 160; // more in flight than the worker pool and the connection pool have threads and connections
        List<Object> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            switch (i % 5) {
                case 0 -> { // plain values only
                    body.put("firstName", "First" + i);
                    body.put("lastName", "Last" + i);
                    body.put("middleName", null); // a null value is not sent
                    body.put("workEmail", "a" + i + "@example.com");
                    body.put("workPhone", Map.of("e164", "+1317555" + String.format("%04d", i), "extension", i));
                    body.put("externalIds", List.of());
                }
                case 1 -> body.put("firstName", i); // wrong type
                case 2 -> body.put("workEmail", "user" + i + "@nodot"); // not an address
                case 3 -> { // a model inside the map: written by Jackson's serializers
                    PhoneNumber phone = new PhoneNumber();
                    phone.setE164("+1317666" + String.format("%04d", i));
                    body.put("firstName", "Model" + i);
                    body.put("cellPhone", phone);
                }
                default -> { // wrong type inside a nested model, and a valid field next to it
                    body.put("lastName", "Nested" + i);
                    body.put("homePhone", Map.of("countryCode", i));
                }
            }
            bodies.add(i % 5 == 0 || i % 5 == 3 ? Map.copyOf(withoutNulls(body)) : body);
        }
        int posts = sim().requests().count("POST", CONTACTS);
        List<Exchange> exchanges = inFlight(bodies);

        int sent = 0;
        for (int i = 0; i < n; i++) {
            Exchange e = exchanges.get(i);
            switch (i % 5) {
                case 0 -> {
                    ExternalContact c = created(e);
                    assertEquals("First" + i, c.getFirstName());
                    assertEquals("Last" + i, c.getLastName());
                    assertEquals("a" + i + "@example.com", c.getWorkEmail());
                    assertEquals("+1317555" + String.format("%04d", i), c.getWorkPhone().getE164());
                    assertEquals(Long.valueOf(i), c.getWorkPhone().getExtension());
                    sent++;
                }
                case 1 -> assertEquals("create: firstName must be text, was " + i, refusal(e));
                case 2 -> assertEquals("create: workEmail must be a valid email address, was 'user" + i + "@nodot'",
                        refusal(e));
                case 3 -> {
                    ExternalContact c = created(e);
                    assertEquals("Model" + i, c.getFirstName());
                    assertEquals("+1317666" + String.format("%04d", i), c.getCellPhone().getE164());
                    sent++;
                }
                default -> assertEquals("create: homePhone.countryCode must be text, was " + i, refusal(e));
            }
        }
        assertEquals(posts + sent, sim().requests().count("POST", CONTACTS), "only the valid bodies were sent");
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    @Test
    void aMapWithNullValuesIsCheckedAndCreated() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Ada");
        body.put("title", null);
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("e164", "+13175550100");
        phone.put("display", null);
        body.put("workPhone", phone);
        ExternalContact c = created(inFlight(List.of(body)).get(0));
        assertEquals("Ada", c.getFirstName());
        assertNull(c.getTitle());
        assertEquals("+13175550100", c.getWorkPhone().getE164());
        assertNull(c.getWorkPhone().getDisplay());
    }

    @Test
    void addressesAreRefusedExactlyAsTheRuleSays() throws Exception {
        List<String> addresses = List.of("a@b.c", "ada.lovelace@example.com", "@b.c", "a@.c", "a@b.", "a@bc", "a@b..c",
                "a@b.c.", "a@@b.c", "a@b.c@d.e", "a b@c.d", "a@b\tc.d", "a@b\u000Bc.d", "a\u00A0b@c.d", "\u00E9@\u00FC.de",
                "a@b.c\nx", "a@.", ".@..", "a.b@c");
        List<Object> bodies = new ArrayList<>();
        for (String a : addresses) {
            bodies.add(Map.of("workEmail", a));
        }
        List<Exchange> exchanges = inFlight(bodies);
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i);
            if (EMAIL.matcher(a).matches()) {
                assertEquals(a, created(exchanges.get(i)).getWorkEmail(), a);
            } else {
                assertEquals("create: workEmail must be a valid email address, was '" + a + "'",
                        refusal(exchanges.get(i)), a);
            }
        }
    }

    @Test
    void aTreeTheRouteKeepsIsSentUnchanged() throws Exception {
        ObjectNode tree = GenesysJson.MAPPER.createObjectNode();
        tree.put("firstName", "Tree");
        tree.putObject("workPhone").put("e164", "+13175550199");
        JsonNode before = tree.deepCopy();
        ExternalContact c = created(inFlight(List.of(tree)).get(0));
        assertEquals("Tree", c.getFirstName());
        assertEquals("+13175550199", c.getWorkPhone().getE164());
        assertEquals(before, tree, "the route's own tree is not changed");
    }

    @Test
    void textThatNeedsEscapesIsSentAsGiven() throws Exception {
        // written straight from the checked tree (quotes, backslash, control characters, 2- and 3-byte UTF-8), or by
        // Jackson when the text holds a surrogate pair; each created exactly as given, many at once
        StringBuilder controls = new StringBuilder();
        for (char c = 1; c < 0x20; c++) {
            controls.append(c);
        }
        List<String> names = List.of("O\"Brien \\ Sons", "tab\tnew\nline\r\f\b" + controls + "\u007F",
                "\u00C9lodie M\u00FCller \u20AC \u2028 \uFFFD", "emoji \uD83D\uDE00", "slash / x", "a");
        List<Object> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("firstName", names.get(i % names.size()));
            body.put("lastName", "n" + i);
            body.put("surveyOptOut", i % 2 == 0);
            body.put("workPhone", Map.of("e164", "+1317555" + String.format("%04d", i), "extension", 10_000_000_000L + i));
            body.put("externalIds", List.of(Map.of("externalSource", Map.of("id", "s" + i), "value", names.get(i % 3))));
            bodies.add(body);
        }
        List<Exchange> exchanges = inFlight(bodies);
        String get = route(contacts("get", ""));
        for (int i = 0; i < bodies.size(); i++) {
            ExternalContact c = created(exchanges.get(i));
            assertEquals(names.get(i % names.size()), c.getFirstName(), "contact " + i);
            assertEquals("n" + i, c.getLastName());
            assertEquals(i % 2 == 0, c.getSurveyOptOut());
            assertEquals(10_000_000_000L + i, c.getWorkPhone().getExtension());
            assertEquals(names.get(i % 3), c.getExternalIds().get(0).get("value"));
            // and as Genesys stored it
            ExternalContact read = template.requestBodyAndHeader(get, null,
                    ContactsConstants.CONTACT_ID, c.getId(), ExternalContact.class);
            assertEquals(names.get(i % names.size()), read.getFirstName(), "contact " + i + " read back");
        }
    }
}
