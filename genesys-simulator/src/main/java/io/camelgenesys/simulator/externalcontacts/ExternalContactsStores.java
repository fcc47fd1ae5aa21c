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

    /** Every store's lock, ranked in the lock order above. */
    static final class Locks {
        final StoreLock organizations = new StoreLock("organizations", 1);
        final StoreLock contacts = new StoreLock("contacts", 2);
        final StoreLock identifiers = new StoreLock("identifiers", 3);
        final StoreLock notes = new StoreLock("notes", 4);
        final StoreLock relationships = new StoreLock("relationships", 5);
        final StoreLock journeySegments = new StoreLock("journey segments", 6);
        final StoreLock conversations = new StoreLock("conversations", 7);
        final StoreLock externalSources = new StoreLock("external sources", 8);

        StoreLock[] all() {
            return new StoreLock[] {organizations, contacts, identifiers, notes, relationships, journeySegments,
                    conversations, externalSources};
        }
    }

    final Locks locks = new Locks();
    final IdentifierStore identifiers = new IdentifierStore(locks.identifiers);
    final EntityTable notes = new EntityTable(BASE + "/notes", locks.notes);
    final EntityTable relationships = new EntityTable(BASE + "/relationships", locks.relationships);
    /** contact id → segment assignments */
    final LockedMap<ArrayNode> journeySegments = new LockedMap<>(locks.journeySegments);
    /** conversation id → ConversationAssociation */
    final LockedMap<ObjectNode> conversations = new LockedMap<>(locks.conversations);
    final EntityTable externalSources = new EntityTable(BASE + "/externalsources", locks.externalSources);
    final OrganizationStore organizations = new OrganizationStore(locks.organizations, identifiers, notes,
            relationships);
    final ContactStore contacts = new ContactStore(locks.contacts, organizations, identifiers, notes,
            journeySegments);
    /** The cursors of every scan (contacts, organizations, notes, relationships, external sources). */
    final CursorScans scans = new CursorScans();
    /** Custom-field schemas (leaf monitors, as the scan cursors): contacts' and organizations'. */
    final SchemaStore contactSchemas = new SchemaStore("CONTACT", BASE + "/contacts/schemas");
    final SchemaStore organizationSchemas = new SchemaStore("EXTERNAL_ORGANIZATION", BASE + "/organizations/schemas");
    /** Import and export (issue 16): settings, uploads, jobs, exports and their files. */
    final ImportExportStore importExport = new ImportExportStore(this);
    /** The identity graph (issue 16): its lock ranks after every store above, as a merge writes contacts first. */
    final IdentityGraph graph = new IdentityGraph(new StoreLock("identity graph", 20));

    public ExternalContactsStores() {
        contacts.schemas(contactSchemas);
    }

    /** Registers every External Contacts route. */
    public void register(Routes routes) {
        // In this order, so that a path several routes match lists its methods as it always has (405 Allow).
        for (ResourceApi api : List.of(new ContactsApi(this), new OrganizationsApi(this), new IdentifiersApi(this),
                new EnrichMergeApi(this), new JourneyApi(this), new BulkApi(this), new NotesApi(this),
                new RelationshipsApi(this), new ExternalSourcesApi(this), new SchemasApi(this),
                new ImportExportApi(this),
                new IdentityGraphApi(this), new DivisionViewsApi(this), new EntityPatchApi(this),
                new BulkNotesRelationshipsApi(this), new ContactSearchApi(this))) {
            api.register(routes);
        }
    }

    // ---- test-facing API (documented on ExternalContacts) --------------------------------------------------------

    public List<String> seedContacts(int n) {
        return locks.contacts.writing(() -> contacts.seed(n));
    }

    public int contactCount() {
        return locks.contacts.reading(() -> contacts.table().size());
    }

    public Optional<Map<String, Object>> contact(String id) {
        return locks.contacts.reading(() -> {
            ObjectNode contact = contacts.table().get(id);
            return contact == null ? Optional.empty() : Optional.of(Json.toMap(contact));
        });
    }

    public int organizationCount() {
        return locks.organizations.reading(() -> organizations.table().size());
    }

    public int noteCount(String contactId) {
        return locks.notes.reading(() -> NotesApi.notesOf(notes, "contact", contactId).size());
    }

    public int claimedIdentifierCount() {
        return locks.identifiers.reading(identifiers::size);
    }

    public int externalSourceCount() {
        return locks.externalSources.reading(externalSources::size);
    }

    public Optional<Map<String, Object>> conversation(String conversationId) {
        return locks.conversations.reading(() -> {
            ObjectNode association = conversations.get(conversationId);
            return association == null ? Optional.empty() : Optional.of(Json.toMap(association));
        });
    }

    public void scanCursorTtl(Duration ttl) {
        scans.ttl(ttl);
    }

    public void scanEmptyPages(int n) {
        scans.emptyPages(n);
    }

    /** Runs a cluster scan of the identity graph now (Genesys runs them on its own schedule); returns its id. */
    public String runClusterScan() {
        String[] id = new String[1];
        StoreLock.writingAll(() -> id[0] = graph.run(this), locks.organizations, locks.contacts, locks.identifiers,
                graph.lock());
        return id[0];
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
        }, locks.all());
        graph.lock().writing(graph::clear);
        scans.clear();
        contactSchemas.clear();
        organizationSchemas.clear();
        importExport.clear();
    }

    public int contactSchemaCount() {
        return contactSchemas.size();
    }

    /** Import and export: the storage host's side and the test-facing controls. */
    public ImportExportStore importExport() {
        return importExport;
    }
}
