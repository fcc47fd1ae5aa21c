package io.camelgenesys.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * External Contacts under many concurrent clients, more than the simulator has Jetty threads, so requests queue at
 * the server while every store lock is contended. Afterwards the stores are read back over HTTP: nothing lost,
 * nothing duplicated, nothing half-written, no 5xx (a store touched without its declared lock answers 500), and no
 * deadlock (every client finishes; on a timeout the test reports the JVM's deadlocked threads). The lock order these
 * rely on is documented on {@code ExternalContactsStores}.
 */
class ExternalContactsConcurrencyTest {

    static final String BASE = "/api/v2/externalcontacts";
    /** The simulator's Jetty pool is Jetty's default {@link QueuedThreadPool}. */
    static final int SERVER_THREADS = new QueuedThreadPool().getMaxThreads();
    static final int CLIENTS = SERVER_THREADS + 56;
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(
            GenesysSimulator.builder().rateLimit(10_000_000, Duration.ofMinutes(1)));

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    /** A client that really opens one connection per concurrent caller (Jetty's default is 64 per destination). */
    static final HttpClient load = new HttpClient();
    String token;
    final Queue<String> failures = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startLoadClient() throws Exception {
        load.setMaxConnectionsPerDestination(CLIENTS + 16);
        load.setMaxRequestsQueuedPerDestination(CLIENTS * 4);
        load.start();
    }

    @AfterAll
    static void stopLoadClient() throws Exception {
        load.stop();
    }

    @BeforeEach
    void token() throws Exception {
        token = http.cloudToken();
    }

    record Answer(int status, JsonNode body, String text) {
    }

    Answer call(String method, String path, String json) throws Exception {
        Request request = load.newRequest(SIM.simulator().baseUrl() + path).method(method)
                .timeout(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .headers(h -> h.put("Authorization", "Bearer " + token));
        if (json != null) {
            request.body(new StringRequestContent("application/json", json));
        }
        ContentResponse response = request.send();
        String text = response.getContentAsString();
        return new Answer(response.getStatus(), text.isEmpty() ? null : Json.parse(text), text);
    }

    /** A call that must answer {@code status}; otherwise the failure is recorded and {@code null} returned. */
    JsonNode expect(int status, String method, String path, String json) throws Exception {
        Answer answer = call(method, path, json);
        if (answer.status() != status) {
            failures.add(method + " " + path + " -> " + answer.status() + " (expected " + status + "): " + answer.text());
            return null;
        }
        return answer.body();
    }

    /** Runs {@code clients} tasks at once (all released together) and waits for every one, or reports a deadlock. */
    void runAtOnce(int clients, ClientTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.execute(() -> {
                    try {
                        start.await();
                        task.run(client);
                    } catch (Throwable e) {
                        failures.add("client " + client + ": " + e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            start.countDown();
            if (!done.await(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
                StringBuilder report = new StringBuilder();
                if (deadlocked != null) {
                    for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(deadlocked, true, true)) {
                        report.append(info);
                    }
                }
                fail(done.getCount() + " of " + clients + " clients did not finish within " + LOAD_TIMEOUT
                        + (deadlocked == null ? " (no deadlocked threads)" : "; deadlocked:\n" + report));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " unexpected answers, first ones: "
                + failures.stream().limit(5).toList());
    }

    @FunctionalInterface
    interface ClientTask {
        void run(int client) throws Exception;
    }

    /** Every entity of a scan, read to the end; fails on a duplicate. */
    Map<String, JsonNode> scanAll(String path) throws Exception {
        Map<String, JsonNode> seen = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, "GET", path + "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertNotNull(page, failures.toString());
            for (JsonNode entity : page.get("entities")) {
                assertTrue(seen.put(entity.get("id").asText(), entity) == null, "scanned twice: " + entity);
            }
            cursor = page.path("cursors").path("after").asText(null);
        } while (cursor != null);
        return seen;
    }

    static String contactBody(String first, String last, String organizationId, String externalId) {
        return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"externalOrganization\":{\"id\":\""
                + organizationId + "\"},\"identifiers\":[{\"type\":\"ExternalId\",\"value\":\"" + externalId + "\"}]}";
    }

    static String claim(String type, String value) {
        return "{\"operation\":\"Claim\",\"identifier\":{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}}";
    }

    /**
     * {@link #CLIENTS} clients each create, patch, annotate and claim for their own contacts, scan every contact
     * while the others write, and every eighth also creates and renames an organization and searches them.
     */
    @Test
    void manyClientsCreatingUpdatingAndScanningLoseAndCorruptNothing() throws Exception {
        int iterations = 3;
        int sharedOrganizations = 10;
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < sharedOrganizations; i++) {
            organizations.add(expect(200, "POST", BASE + "/organizations", "{\"name\":\"Shared " + i + "\"}")
                    .get("id").asText());
        }
        Map<String, String> contactOf = new ConcurrentHashMap<>();   // "c-k" -> contact id
        Map<String, String> renamed = new ConcurrentHashMap<>();     // organization id -> final name
        AtomicInteger scannedPages = new AtomicInteger();

        runAtOnce(CLIENTS, client -> {
            for (int k = 0; k < iterations; k++) {
                String key = client + "-" + k;
                String organization = organizations.get((client + k) % sharedOrganizations);
                JsonNode created = expect(200, "POST", BASE + "/contacts",
                        contactBody("C" + client, "K" + k, organization, "ext-" + key));
                if (created == null) {
                    return;
                }
                String id = created.get("id").asText();
                contactOf.put(key, id);
                expect(200, "PATCH", BASE + "/contacts/" + id, "{\"changes\":[{\"field\":\"$.title\",\"value\":\"t-"
                        + key + "\",\"action\":\"Update\"}]}");
                expect(200, "POST", BASE + "/contacts/" + id + "/notes", "{\"noteText\":\"n-" + key + "\"}");
                expect(200, "PATCH", BASE + "/contacts/" + id + "/identifiers", claim("Email", key + "@load.io"));
            }
            // A scan while others write: never a duplicate, never a half-written contact.
            Set<String> seen = new HashSet<>();
            String cursor = null;
            do {
                JsonNode page = expect(200, "GET", BASE + "/scan/contacts?limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor), null);
                if (page == null) {
                    return;
                }
                scannedPages.incrementAndGet();
                for (JsonNode contact : page.get("entities")) {
                    if (!seen.add(contact.get("id").asText()) || !contact.path("firstName").asText().startsWith("C")
                            || !contact.has("createDate") || !contact.has("externalOrganization")) {
                        failures.add("scan saw a duplicate or a partial contact: " + contact);
                    }
                }
                cursor = page.path("cursors").path("after").asText(null);
            } while (cursor != null);
            if (client % 8 == 0) {
                JsonNode organization = expect(200, "POST", BASE + "/organizations", "{\"name\":\"Own " + client + "\"}");
                if (organization != null) {
                    String id = organization.get("id").asText();
                    expect(200, "PUT", BASE + "/organizations/" + id, "{\"name\":\"Renamed " + client + "\"}");
                    renamed.put(id, "Renamed " + client);
                    expect(200, "GET", BASE + "/organizations?q=renamed&pageSize=100", null);
                }
            }
        });

        int expected = CLIENTS * iterations;
        ExternalContacts ec = SIM.simulator().externalContacts();
        assertEquals(expected, contactOf.size());
        assertEquals(expected, ec.contactCount(), "every create stored once");
        assertEquals(expected * 2, ec.claimedIdentifierCount(), "two identifiers per contact");
        assertEquals(sharedOrganizations + renamed.size(), ec.organizationCount());
        assertTrue(scannedPages.get() >= CLIENTS, "every client scanned");

        Map<String, JsonNode> contacts = scanAll(BASE + "/scan/contacts");
        assertEquals(expected, contacts.size());
        Map<String, JsonNode> notes = scanAll(BASE + "/scan/notes");
        assertEquals(expected, notes.size(), "one note per contact");
        Map<String, String> noteTextOf = new HashMap<>();
        notes.values().forEach(n -> noteTextOf.put(n.get("entityId").asText(), n.get("noteText").asText()));
        for (Map.Entry<String, String> e : contactOf.entrySet()) {
            String key = e.getKey();
            int client = Integer.parseInt(key.substring(0, key.indexOf('-')));
            int k = Integer.parseInt(key.substring(key.indexOf('-') + 1));
            JsonNode contact = contacts.get(e.getValue());
            assertNotNull(contact, key);
            assertEquals("C" + client, contact.get("firstName").asText(), key);
            assertEquals("K" + k, contact.get("lastName").asText(), key);
            assertEquals("t-" + key, contact.get("title").asText(), "the patch is kept: " + contact);
            assertEquals(organizations.get((client + k) % sharedOrganizations),
                    contact.get("externalOrganization").get("id").asText(), key);
            assertEquals("n-" + key, noteTextOf.get(e.getValue()), "the note is on its contact");
            JsonNode identifiers = expect(200, "GET", BASE + "/contacts/" + e.getValue() + "/identifiers", null);
            assertNotNull(identifiers, failures.toString());
            Set<String> values = new HashSet<>();
            identifiers.get("entities").forEach(i -> values.add(i.get("value").asText()));
            assertEquals(Set.of("ext-" + key, key + "@load.io"), values, key);
        }
        Map<String, JsonNode> allOrganizations = scanAll(BASE + "/scan/organizations");
        renamed.forEach((id, name) -> assertEquals(name, allOrganizations.get(id).get("name").asText()));
    }

    /**
     * Operations that span stores, at once: contacts, notes and relationships pile onto organizations that are being
     * deleted (one by one and in bulk); contacts are merged while identifiers are claimed through both sources;
     * bulk adds and bulk enriches race for the same identifiers. Afterwards: no note, relationship or identifier of a
     * deleted organization is left; every contact that was accepted exists and none that was refused does; every
     * identifier claimed through a merged contact identifies the merge result; each contested identifier has exactly
     * one holder; and the claimed identifiers are exactly those the surviving contacts and organizations list.
     */
    @Test
    void crossStoreOperationsStayConsistentAndNeverDeadlock() throws Exception {
        int doomedCount = 8;
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < doomedCount; i++) {
            String id = expect(200, "POST", BASE + "/organizations", "{\"name\":\"Doomed " + i + "\",\"identifiers\":"
                    + "[{\"type\":\"ExternalId\",\"value\":\"doomed-" + i + "\"}]}").get("id").asText();
            doomed.add(id);
        }
        String survivor = expect(200, "POST", BASE + "/organizations", "{\"name\":\"Survivor\"}").get("id").asText();
        int pairs = 24;
        List<String> seeded = SIM.simulator().externalContacts().seedContacts(pairs * 2);
        int contested = 30;

        Map<String, AtomicInteger> acceptedContactsPer = new ConcurrentHashMap<>();
        Map<String, String> mergedInto = new ConcurrentHashMap<>();            // source id -> merge result id
        Map<String, String> claimedThrough = new ConcurrentHashMap<>();        // identifier value -> source id
        Map<String, Queue<String>> contestedWinners = new ConcurrentHashMap<>(); // value -> contact ids that won it
        CountDownLatch referrersStarted = new CountDownLatch(32);

        int referrers = 96;
        int deleters = doomedCount;
        int mergers = pairs;
        int claimers = pairs * 2;
        int bulkers = CLIENTS - referrers - deleters - mergers - claimers;
        assertTrue(bulkers >= 16, "enough clients left for the bulk group: " + bulkers);

        runAtOnce(CLIENTS, client -> {
            if (client < referrers) {
                // Contacts, notes and relationships onto the doomed organizations while they are deleted.
                for (int k = 0; k < 6; k++) {
                    String organization = doomed.get((client + k) % doomedCount);
                    Answer created = call("POST", BASE + "/contacts", "{\"firstName\":\"R" + client + "\",\"lastName\""
                            + ":\"K" + k + "\",\"externalOrganization\":{\"id\":\"" + organization + "\"}}");
                    if (created.status() == 200) {
                        acceptedContactsPer.computeIfAbsent(organization, o -> new AtomicInteger()).incrementAndGet();
                    } else if (created.status() != 400 || !created.text().contains("not an existing external")) {
                        failures.add("contact onto a doomed organization: " + created.status() + " " + created.text());
                    }
                    Answer note = call("POST", BASE + "/organizations/" + organization + "/notes",
                            "{\"noteText\":\"r" + client + "\"}");
                    if (note.status() != 200 && note.status() != 404) {
                        failures.add("note onto a doomed organization: " + note.status() + " " + note.text());
                    }
                    Answer relationship = call("POST", BASE + "/relationships", "{\"user\":{\"id\":\"u" + client
                            + "\"},\"externalOrganization\":{\"id\":\"" + organization + "\"},\"relationship\":\"r\"}");
                    if (relationship.status() != 200 && relationship.status() != 400) {
                        failures.add("relationship onto a doomed organization: " + relationship.status() + " "
                                + relationship.text());
                    }
                    if (k == 0) {
                        referrersStarted.countDown();
                    }
                }
                expect(200, "POST", BASE + "/contacts", "{\"firstName\":\"S\",\"lastName\":\"" + client + "\","
                        + "\"externalOrganization\":{\"id\":\"" + survivor + "\"}}");
            } else if (client < referrers + deleters) {
                // Delete once the referrers are under way: half one by one, half in bulk.
                referrersStarted.await(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                int i = client - referrers;
                if (i % 2 == 0) {
                    expect(204, "DELETE", BASE + "/organizations/" + doomed.get(i), null);
                } else {
                    JsonNode removed = expect(200, "POST", BASE + "/bulk/organizations/remove",
                            "{\"entities\":[{\"id\":\"" + doomed.get(i) + "\"}]}");
                    if (removed != null && removed.get("errorCount").asInt() != 0) {
                        failures.add("bulk remove failed: " + removed);
                    }
                }
            } else if (client < referrers + deleters + mergers) {
                int pair = client - referrers - deleters;
                String a = seeded.get(2 * pair);
                String b = seeded.get(2 * pair + 1);
                JsonNode merged = expect(200, "POST", BASE + "/contacts/merge",
                        "{\"contactIds\":[\"" + a + "\",\"" + b + "\"]}");
                if (merged != null) {
                    mergedInto.put(a, merged.get("id").asText());
                    mergedInto.put(b, merged.get("id").asText());
                }
            } else if (client < referrers + deleters + mergers + claimers) {
                // Claims through a source contact, before, during or after its merge.
                String source = seeded.get(client - referrers - deleters - mergers);
                for (int k = 0; k < 3; k++) {
                    String value = "via-" + source + "-" + k;
                    if (expect(200, "PATCH", BASE + "/contacts/" + source + "/identifiers",
                            claim("ExternalId", value)) != null) {
                        claimedThrough.put(value, source);
                    }
                    expect(200, "POST", BASE + "/contacts/" + source + "/notes", "{\"noteText\":\"" + value + "\"}");
                }
            } else {
                // Bulk adds and bulk enriches race for the same identifiers, in different orders.
                int bulker = client - referrers - deleters - mergers - claimers;
                List<Integer> order = new ArrayList<>();
                for (int v = 0; v < contested; v++) {
                    order.add(v);
                }
                Collections.rotate(order, bulker * 7);
                StringBuilder entities = new StringBuilder();
                for (int v : order.subList(0, 10)) {
                    entities.append(entities.length() == 0 ? "" : ",");
                    if (bulker % 2 == 0) {
                        entities.append("{\"firstName\":\"B").append(bulker).append("\",\"lastName\":\"V").append(v)
                                .append("\",\"identifiers\":[{\"type\":\"ExternalId\",\"value\":\"contested-")
                                .append(v).append("\"}]}");
                    } else {
                        entities.append("{\"action\":\"Insert\",\"matchingIdentifiers\":[{\"type\":\"ExternalId\","
                                + "\"value\":\"contested-").append(v).append("\"}],\"contact\":{\"firstName\":\"E")
                                .append(bulker).append("\",\"lastName\":\"V").append(v).append("\"}}");
                    }
                }
                String path = BASE + (bulker % 2 == 0 ? "/bulk/contacts/add" : "/bulk/contacts/enrich");
                JsonNode result = expect(200, "POST", path, "{\"entities\":[" + entities + "]}");
                if (result == null) {
                    return;
                }
                for (int i = 0; i < 10; i++) {
                    JsonNode item = result.get("results").get(i);
                    String value = "contested-" + order.get(i);
                    if (item.get("success").asBoolean()) {
                        contestedWinners.computeIfAbsent(value, x -> new ConcurrentLinkedQueue<>())
                                .add(item.get("entity").get("id").asText());
                    } else if (item.get("status").asInt() != 409) {
                        failures.add("a contested identifier failed otherwise than 409: " + item);
                    }
                }
            }
        });
        // Deleted organizations took their notes, relationships and identifiers; nothing else did.
        Set<String> gone = new HashSet<>(doomed);
        for (String organization : doomed) {
            expect(404, "GET", BASE + "/organizations/" + organization, null);
        }
        for (int i = 0; i < doomedCount; i++) {
            expect(404, "POST", BASE + "/identifierlookup/organizations",
                    "{\"type\":\"ExternalId\",\"value\":\"doomed-" + i + "\"}");
        }
        for (JsonNode note : scanAll(BASE + "/scan/notes").values()) {
            assertFalse(gone.contains(note.get("entityId").asText()), "a note of a deleted organization: " + note);
        }
        for (JsonNode relationship : scanAll(BASE + "/scan/relationships").values()) {
            assertFalse(gone.contains(relationship.get("externalOrganization").get("id").asText()),
                    "a relationship of a deleted organization: " + relationship);
        }

        // Every accepted contact exists, no refused one does.
        Map<String, JsonNode> visible = scanAll(BASE + "/scan/contacts");
        Map<String, Integer> storedPer = new HashMap<>();
        visible.values().forEach(c -> storedPer.merge(c.path("externalOrganization").path("id").asText(), 1,
                Integer::sum));
        for (String organization : doomed) {
            int accepted = acceptedContactsPer.getOrDefault(organization, new AtomicInteger()).get();
            assertEquals(accepted, storedPer.getOrDefault(organization, 0).intValue(),
                    "contacts of organization " + organization);
        }
        assertEquals(referrers, storedPer.get(survivor).intValue());

        // Merges: every pair merged; the sources point at the result; what was claimed through them identifies it.
        assertEquals(pairs * 2, mergedInto.size(), failures.toString());
        for (Map.Entry<String, String> e : mergedInto.entrySet()) {
            JsonNode source = expect(200, "GET", BASE + "/contacts/" + e.getKey() + "/unresolved", null);
            assertEquals(e.getValue(), source.get("mergedTo").get("id").asText());
        }
        assertEquals(claimers * 3, claimedThrough.size());
        for (Map.Entry<String, String> e : claimedThrough.entrySet()) {
            JsonNode holder = expect(200, "POST", BASE + "/identifierlookup/contacts",
                    "{\"type\":\"ExternalId\",\"value\":\"" + e.getKey() + "\"}");
            assertNotNull(holder, failures.toString());
            assertEquals(mergedInto.get(e.getValue()), holder.get("id").asText(), e.getKey());
        }

        // Each contested identifier has exactly one holder, the one its winning request was told about.
        for (int v = 0; v < contested; v++) {
            String value = "contested-" + v;
            Queue<String> winners = contestedWinners.get(value);
            assertNotNull(winners, value + " was claimed by no one");
            assertEquals(1, winners.size(), value + " won by " + winners);
            JsonNode holder = expect(200, "POST", BASE + "/identifierlookup/contacts",
                    "{\"type\":\"ExternalId\",\"value\":\"" + value + "\"}");
            assertEquals(winners.peek(), holder.get("id").asText(), value);
        }
        // No orphaned claim: the claims are exactly what the surviving contacts and organizations list.
        int listed = 0;
        for (String contact : visible.keySet()) {
            listed += expect(200, "GET", BASE + "/contacts/" + contact + "/identifiers", null).get("entities").size();
        }
        for (String organization : scanAll(BASE + "/scan/organizations").keySet()) {
            listed += expect(200, "GET", BASE + "/organizations/" + organization + "/identifiers", null)
                    .get("entities").size();
        }
        assertEquals(SIM.simulator().externalContacts().claimedIdentifierCount(), listed);
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
