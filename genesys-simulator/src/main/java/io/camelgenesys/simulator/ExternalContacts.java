package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelgenesys.simulator.externalcontacts.ExternalContactsStores;
import io.camelgenesys.simulator.externalcontacts.ImportExportStore;

/**
 * The Genesys Cloud External Contacts simulated behind {@code /api/v2/externalcontacts} (seed 003), as tests see it
 * ({@code sim.externalContacts()}): seeding and inspection. The data and the HTTP side live in
 * {@link io.camelgenesys.simulator.externalcontacts}. Thread-safe.
 */
public final class ExternalContacts {

    /** Import uploads, import reports and exports on the storage host: a bucket-like first segment of their own. */
    static final String FILES_PATH = "/contacts-files/";

    private final ExternalContactsStores stores = new ExternalContactsStores();
    /** The storage host of CSV uploads, import reports and exports: UDM's behaviour (no credentials, signed links). */
    private final UdmStorage storage;

    ExternalContacts(Faults faults, Requests requests) {
        this.storage = new UdmStorage("the contacts storage host", FILES_PATH, name -> stores.importExport().file(name)
                .map(path -> UdmFile.stored(name, path, "contacts", java.time.Instant.now())), faults, requests)
                .uploads(new UdmStorage.Uploads() {
                    @Override
                    public java.nio.file.Path target(String name) {
                        return stores.importExport().uploadTarget(name);
                    }

                    @Override
                    public String check(String name, org.eclipse.jetty.http.HttpFields headers) {
                        return stores.importExport().checkUpload(name, headers);
                    }

                    @Override
                    public void uploaded(String name, java.nio.file.Path file, long size) {
                        stores.importExport().uploaded(name, file, size);
                    }
                });
        stores.importExport().storage(new ImportExportStore.Storage() {
            @Override
            public String presign(String name) {
                return storage.presign(name);
            }

            @Override
            public String presignUpload(String name) {
                return storage.presignUpload(name);
            }
        });
    }

    void register(Routes routes) {
        stores.register(routes);
    }

    void started() {
        storage.start();
    }

    void releasePort() {
        storage.releasePort();
    }

    void stopped() {
        storage.stop();
    }

    // ---- import and export (issue 16) ----

    /**
     * Sets how long an import job or an export waits before it starts (status InProgress) and again before it does
     * its work; default 100 ms.
     */
    public void jobProcessingDelay(Duration delay) {
        stores.importExport().processingDelay(delay);
    }

    /** The next import job or export created ends Failed, with these statusDetails (import jobs). */
    public void failNextJob(String statusDetails) {
        stores.importExport().failNextJob(statusDetails);
    }

    /** @return how many import jobs exist */
    public int importJobCount() {
        return stores.importExport().importJobCount();
    }

    /** Expires every link to the contacts storage host issued so far (uploads, reports, exports): 403 from now on. */
    public void expireStorageLinks() {
        storage.expireLinks();
    }

    /** @return the contacts storage host's base URL ({@code http://127.0.0.1:PORT}) */
    public String storageBaseUrl() {
        return storage.baseUrl();
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

    /** @return how many contact custom-field schemas exist (each counted once, whatever its versions) */
    public int contactSchemaCount() {
        return stores.contactSchemaCount();
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
     * The next {@code n} pages of any scan or cursor listing answer no entities with a cursor that goes on where the
     * page would have started, as Genesys may ("The response may contain an empty entities array in certain
     * conditions (congestion on database, contacts deleted before the request was performed, ...)": the Genesys
     * Developer Center's external contacts scan tutorial, which scans on while {@code cursors.after} is present).
     */
    public void scanEmptyPages(int n) {
        stores.scanEmptyPages(n);
    }

    /**
     * Runs a cluster scan of the identity graph now, as Genesys does on its own schedule: the visible contacts of one
     * division that share an email address, an E.164 phone number or an external id form a cluster (merged at once
     * when the graph settings enable automatic merging). Returns the scan's id.
     */
    public String runClusterScan() {
        return stores.runClusterScan();
    }

    /**
     * Empties the store, forgets every cursor and restores the default cursor TTL; forgets import and export settings,
     * uploads, jobs, exports and files, and renews the storage host's link secret.
     */
    public void clear() {
        stores.clear();
        storage.reset();
    }
}
