package io.camelgenesys.simulator.externalcontacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ExternalContacts;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.RouteHandler;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.CursorScans;
import io.camelgenesys.simulator.store.EntityTable;

/**
 * The Genesys Cloud External Contacts data behind {@code /api/v2/externalcontacts} (seed 003), in memory: contacts,
 * organizations, notes, relationships, external sources, claimed identifiers, scan cursors, conversation associations
 * and journey segment assignments. The HTTP side is one class per resource ({@link ContactsApi},
 * {@link OrganizationsApi}, {@link NotesApi}, {@link RelationshipsApi}, {@link ExternalSourcesApi},
 * {@link IdentifiersApi}, {@link BulkApi}, {@link EnrichMergeApi}, {@link JourneyApi}), registered by
 * {@link #register}.
 * <p>
 * Public only for {@link ExternalContacts}, the test-facing view ({@code sim.externalContacts()}). The public methods
 * are thread-safe like the HTTP side, which holds this object's monitor for each request.
 */
public final class ExternalContactsStores {

    static final String BASE = "/api/v2/externalcontacts";

    /** Who claimed an identifier: {@code kind} is {@code contact} or {@code organization}. */
    record Claim(String kind, String entityId, ObjectNode identifier) {
    }

    final EntityTable contacts = new EntityTable(BASE + "/contacts");
    final EntityTable organizations = new EntityTable(BASE + "/organizations");
    final EntityTable notes = new EntityTable(BASE + "/notes");
    final EntityTable relationships = new EntityTable(BASE + "/relationships");
    final EntityTable externalSources = new EntityTable(BASE + "/externalsources");
    /** identifier key ({@link #identifierKey}) → claim */
    final Map<String, Claim> claims = new HashMap<>();
    final Map<String, ObjectNode> conversations = new HashMap<>();
    /** contact id → segment assignments */
    final Map<String, ArrayNode> journeySegments = new HashMap<>();
    /** The cursors of every scan (contacts, organizations, notes, relationships, external sources). */
    final CursorScans scans = new CursorScans();
    private int seeded;

    public ExternalContactsStores() {
    }

    /** Registers every External Contacts route. */
    public void register(Routes routes) {
        ContactsApi.register(routes, this);
        OrganizationsApi.register(routes, this);
        IdentifiersApi.register(routes, this);
        EnrichMergeApi.register(routes, this);
        JourneyApi.register(routes, this);
        BulkApi.register(routes, this);
        NotesApi.register(routes, this);
        RelationshipsApi.register(routes, this);
        ExternalSourcesApi.register(routes, this);
    }

    /** Runs a handler holding this object's monitor. */
    RouteHandler locked(RouteHandler handler) {
        return request -> {
            synchronized (this) {
                return handler.handle(request);
            }
        };
    }

    // ---- test-facing API (see ExternalContacts) ------------------------------------------------------------------

    /**
     * Adds {@code n} curated contacts with deterministic data: for the i-th seeded contact (counting from 1 across
     * calls until {@link #clear()}) {@code firstName} {@code First<i>}, {@code lastName} {@code Last<i>},
     * {@code workEmail} {@code contact<i>@example.com} and {@code workPhone.e164} {@code +1555000<i, 4+ digits>}.
     *
     * @return the new contacts' ids, in order
     */
    public synchronized List<String> seedContacts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<String> ids = new ArrayList<>(n);
        String now = Json.timestamp(Instant.now());
        for (int k = 0; k < n; k++) {
            int i = ++seeded;
            ObjectNode contact = Json.object();
            contact.put("firstName", "First" + i);
            contact.put("lastName", "Last" + i);
            contact.put("workEmail", "contact" + i + "@example.com");
            String phone = String.format("+1555000%04d", i);
            contact.putObject("workPhone").put("e164", phone).put("display", phone);
            contact.put("type", "Curated");
            contact.put("createDate", now);
            contact.put("modifyDate", now);
            ids.add(contacts.insert(contact).get("id").asText());
        }
        return ids;
    }

    /** @return how many contacts the store holds (contacts merged into another one included) */
    public synchronized int contactCount() {
        return contacts.size();
    }

    /** @return the stored contact (unresolved: a merged contact is returned as is), as maps and lists */
    public synchronized Optional<Map<String, Object>> contact(String id) {
        ObjectNode contact = contacts.get(id);
        return contact == null ? Optional.empty() : Optional.of(Json.toMap(contact));
    }

    public synchronized int organizationCount() {
        return organizations.size();
    }

    /** @return how many notes the contact has (0 for an unknown contact) */
    public synchronized int noteCount(String contactId) {
        return notesOf("contact", contactId).size();
    }

    /** @return how many identifiers are claimed, by contacts and organizations together */
    public synchronized int claimedIdentifierCount() {
        return claims.size();
    }

    /** @return how many external sources exist */
    public synchronized int externalSourceCount() {
        return externalSources.size();
    }

    /** @return the association stored by {@code PUT /conversations/{conversationId}}, as maps */
    public synchronized Optional<Map<String, Object>> conversation(String conversationId) {
        ObjectNode association = conversations.get(conversationId);
        return association == null ? Optional.empty() : Optional.of(Json.toMap(association));
    }

    /**
     * Sets how long scan cursors (contacts, organizations, notes, relationships, external sources) stay valid after
     * they are issued; default 24 hours, as the SDK documents. Applies to cursors issued from now on.
     */
    public synchronized void scanCursorTtl(Duration ttl) {
        scans.ttl(ttl);
    }

    /** Empties the store, forgets every cursor and restores the default cursor TTL. */
    public synchronized void clear() {
        contacts.clear();
        organizations.clear();
        notes.clear();
        relationships.clear();
        externalSources.clear();
        claims.clear();
        conversations.clear();
        journeySegments.clear();
        scans.clear();
        seeded = 0;
    }

    // ---- used by the HTTP side (callers hold the monitor) --------------------------------------------------------

    List<ObjectNode> notesOf(String entityType, String entityId) {
        return notes.filter(n -> entityType.equals(n.path("entityType").asText())
                && entityId.equals(n.path("entityId").asText()));
    }

    /**
     * Contacts and organizations claim identifiers separately (two SDK models, {@code ContactIdentifier} and
     * {@code ExternalOrganizationIdentifier}, two lookup paths); within each, one identifier has one holder.
     */
    static String identifierKey(String kind, com.fasterxml.jackson.databind.JsonNode identifier) {
        String type = identifier.get("type").asText();
        String value = identifier.get("value").asText();
        // Email addresses are not case sensitive; other identifier values are compared exactly.
        return kind + "\u0000" + type + "\u0000"
                + ("Email".equals(type) ? value.toLowerCase(java.util.Locale.ROOT) : value);
    }
}
