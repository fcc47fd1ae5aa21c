package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelgenesys.simulator.externalcontacts.ExternalContactsStores;

/**
 * The Genesys Cloud External Contacts simulated behind {@code /api/v2/externalcontacts} (seed 003), as tests see it
 * ({@code sim.externalContacts()}): seeding and inspection. The data and the HTTP side live in
 * {@link io.camelgenesys.simulator.externalcontacts}. Thread-safe.
 */
public final class ExternalContacts {

    private final ExternalContactsStores stores = new ExternalContactsStores();

    ExternalContacts() {
    }

    void register(Routes routes) {
        stores.register(routes);
    }

    /**
     * Adds {@code n} curated contacts with deterministic data: for the i-th seeded contact (counting from 1 across
     * calls until {@link #clear()}) {@code firstName} {@code First<i>}, {@code lastName} {@code Last<i>},
     * {@code workEmail} {@code contact<i>@example.com} and {@code workPhone.e164} {@code +1555000<i, 4+ digits>}.
     *
     * @return the new contacts' ids, in order
     */
    public List<String> seedContacts(int n) {
        return stores.seedContacts(n);
    }

    /** @return how many contacts the store holds (contacts merged into another one included) */
    public int contactCount() {
        return stores.contactCount();
    }

    /** @return the stored contact (unresolved: a merged contact is returned as is), as maps and lists */
    public Optional<Map<String, Object>> contact(String id) {
        return stores.contact(id);
    }

    public int organizationCount() {
        return stores.organizationCount();
    }

    /** @return how many notes the contact has (0 for an unknown contact) */
    public int noteCount(String contactId) {
        return stores.noteCount(contactId);
    }

    /** @return how many identifiers are claimed, by contacts and organizations together */
    public int claimedIdentifierCount() {
        return stores.claimedIdentifierCount();
    }

    /** @return how many external sources exist */
    public int externalSourceCount() {
        return stores.externalSourceCount();
    }

    /** @return the association stored by {@code PUT /conversations/{conversationId}}, as maps */
    public Optional<Map<String, Object>> conversation(String conversationId) {
        return stores.conversation(conversationId);
    }

    /**
     * Sets how long scan cursors (contacts, organizations, notes, relationships, external sources) stay valid after
     * they are issued; default 24 hours, as the SDK documents. Applies to cursors issued from now on.
     */
    public void scanCursorTtl(Duration ttl) {
        stores.scanCursorTtl(ttl);
    }

    /**
     * Runs a cluster scan of the identity graph now, as Genesys does on its own schedule: the visible contacts of one
     * division that share an email address, an E.164 phone number or an external id form a cluster (merged at once
     * when the graph settings enable automatic merging). Returns the scan's id.
     */
    public String runClusterScan() {
        return stores.runClusterScan();
    }

    /** Empties the store, forgets every cursor and restores the default cursor TTL. */
    public void clear() {
        stores.clear();
    }
}
