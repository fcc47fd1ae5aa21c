package io.camelgenesys.simulator.externalcontacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ExternalContacts;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.CursorScans;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.LockedMap;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The Genesys Cloud External Contacts data behind {@code /api/v2/externalcontacts} (seed 003), in memory: one store
 * per resource, each with its own lock, and the scan cursors. The HTTP side is one class per resource
 * ({@link ContactsApi}, {@link OrganizationsApi}, {@link NotesApi}, {@link RelationshipsApi},
 * {@link ExternalSourcesApi}, {@link IdentifiersApi}, {@link BulkApi}, {@link EnrichMergeApi}, {@link JourneyApi}),
 * registered by {@link #register}; each route declares the stores it reads and writes, and runs holding exactly
 * those locks ({@link StoreLock#guard}).
 * <p>
 * <b>Lock order.</b> A request that needs several stores takes their locks in this order (the ranks below), and
 * {@link StoreLock} refuses any other, so requests never deadlock: a resource before the ones that refer to it.
 * <ol>
 * <li>organizations</li>
 * <li>contacts (refer to an organization)</li>
 * <li>identifiers (claimed by contacts and organizations)</li>
 * <li>notes (of contacts and organizations)</li>
 * <li>relationships (of organizations)</li>
 * <li>journey segments (of contacts)</li>
 * <li>conversation associations (with contacts)</li>
 * <li>external sources</li>
 * </ol>
 * The scan cursors ({@link CursorScans}) have their own monitor, a leaf: taken last and never held while waiting for
 * another lock. Each request holds its locks from start to end, so it sees and leaves consistent stores; requests
 * on disjoint stores, and readers of the same stores, run in parallel.
 * <p>
 * Public only for {@link ExternalContacts}, the test-facing view ({@code sim.externalContacts()}), whose methods
 * take the same locks.
 */
public final class ExternalContactsStores {

    static final String BASE = "/api/v2/externalcontacts";

    final IdentifierStore identifiers = new IdentifierStore(new StoreLock("identifiers", 3));
    final EntityTable notes = new EntityTable(BASE + "/notes", new StoreLock("notes", 4));
    final EntityTable relationships = new EntityTable(BASE + "/relationships", new StoreLock("relationships", 5));
    /** contact id → segment assignments */
    final LockedMap<ArrayNode> journeySegments = new LockedMap<>(new StoreLock("journey segments", 6));
    /** conversation id → ConversationAssociation */
    final LockedMap<ObjectNode> conversations = new LockedMap<>(new StoreLock("conversations", 7));
    final EntityTable externalSources = new EntityTable(BASE + "/externalsources",
            new StoreLock("external sources", 8));
    final OrganizationStore organizations = new OrganizationStore(new StoreLock("organizations", 1), identifiers,
            notes, relationships);
    final ContactStore contacts = new ContactStore(new StoreLock("contacts", 2), organizations, identifiers, notes,
            journeySegments);
    /** The cursors of every scan (contacts, organizations, notes, relationships, external sources). */
    final CursorScans scans = new CursorScans();

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

    // ---- test-facing API (documented on ExternalContacts) --------------------------------------------------------

    public List<String> seedContacts(int n) {
        return contacts.lock().writing(() -> contacts.seed(n));
    }

    public int contactCount() {
        return contacts.lock().reading(() -> contacts.table().size());
    }

    public Optional<Map<String, Object>> contact(String id) {
        return contacts.lock().reading(() -> {
            ObjectNode contact = contacts.table().get(id);
            return contact == null ? Optional.empty() : Optional.of(Json.toMap(contact));
        });
    }

    public int organizationCount() {
        return organizations.lock().reading(() -> organizations.table().size());
    }

    public int noteCount(String contactId) {
        return notes.lock().reading(() -> NotesApi.notesOf(notes, "contact", contactId).size());
    }

    public int claimedIdentifierCount() {
        return identifiers.lock().reading(identifiers::size);
    }

    public int externalSourceCount() {
        return externalSources.lock().reading(externalSources::size);
    }

    public Optional<Map<String, Object>> conversation(String conversationId) {
        return conversations.lock().reading(() -> {
            ObjectNode association = conversations.get(conversationId);
            return association == null ? Optional.empty() : Optional.of(Json.toMap(association));
        });
    }

    public void scanCursorTtl(Duration ttl) {
        scans.ttl(ttl);
    }

    public void clear() {
        StoreLock.writingAll(() -> {
            contacts.clear();
            organizations.table().clear();
            notes.clear();
            relationships.clear();
            externalSources.clear();
            identifiers.clear();
            conversations.clear();
            journeySegments.clear();
        }, allLocks());
        scans.clear();
    }

    /** Every store's lock (in no particular order: {@link StoreLock} sorts them). */
    StoreLock[] allLocks() {
        return new StoreLock[] {organizations.lock(), contacts.lock(), identifiers.lock(), notes.lock(),
                relationships.lock(), journeySegments.lock(), conversations.lock(), externalSources.lock()};
    }
}
