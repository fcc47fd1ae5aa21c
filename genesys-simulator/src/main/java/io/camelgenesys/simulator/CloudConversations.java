package io.camelgenesys.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.camelgenesys.simulator.conversations.CloudApi;
import io.camelgenesys.simulator.conversations.CloudStore;

/**
 * Genesys Cloud conversations, recordings, users, presence and queue members (issue 15), as tests see it
 * ({@code sim.cloudConversations()}): seeding, inspection, and the recording storage host. The data and the HTTP side
 * live in {@link io.camelgenesys.simulator.conversations}. Recording media is served by a storage host on its own port
 * (the same behaviour as UDM's: pre-signed links, credentials refused, 403 when expired, Range); a recording's content
 * is generated from its size, never held in memory. Thread-safe.
 */
public final class CloudConversations {

    /** Recording media on the storage host: a bucket-like first segment of its own. */
    static final String RECORDINGS_PATH = "/recordings-media/";

    private final CloudStore store = new CloudStore();
    private final UdmStorage storage;
    private final CloudApi api;

    CloudConversations(Faults faults, Requests requests) {
        this.storage = new UdmStorage("the recording storage host", RECORDINGS_PATH, this::media, faults, requests);
        this.api = new CloudApi(store, storage::presign);
    }

    private Optional<UdmFile> media(String recordingId) {
        return store.mediaSize(recordingId).map(size -> new UdmFile(recordingId, size, "recording", "recordings",
                null, null, null, Instant.EPOCH));
    }

    void register(Routes routes) {
        api.register(routes);
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

    void reset() {
        store.clear();
        storage.reset();
        api.redirectDownloads(false);
        api.mediaEntries(1);
    }

    /** The users, conversations and queues. */
    public CloudStore store() {
        return store;
    }

    /** Adds {@code n} users (see {@link CloudStore#seedUsers}). */
    public List<String> seedUsers(int n) {
        return store.seedUsers(n);
    }

    /** Adds a queue with these members. */
    public String addQueue(List<String> userIds) {
        return store.addQueue(userIds);
    }

    /** Adds a finished call with one recording per size given (bytes of media). */
    public String addConversation(String agentUserId, long... recordingSizes) {
        return store.addConversation(agentUserId, recordingSizes);
    }

    /** Adds a finished call routed through a queue, started at {@code start}, one recording per size given. */
    public String addConversation(String agentUserId, String queueId, Instant start, long... recordingSizes) {
        return store.addConversation(agentUserId, queueId, start, recordingSizes);
    }

    public List<String> recordingIds(String conversationId) {
        return store.recordingIds(conversationId);
    }

    /** See {@link CloudApi#redirectDownloads}: 307 to the link (seed 000) instead of 200 with mediaUris (SDK). */
    public void redirectDownloads(boolean redirect) {
        api.redirectDownloads(redirect);
    }

    /** See {@link CloudApi#mediaEntries}: a Recording with several mediaUris entries (a screen per entry). */
    public void mediaEntries(int n) {
        api.mediaEntries(n);
    }

    /** Expires every recording link issued so far: the storage host answers them 403 "Request has expired". */
    public void expireRecordingLinks() {
        storage.expireLinks();
    }

    /** How long links stay valid from now on (Genesys: one hour, seed 000 L317-330). */
    public void recordingLinkLifetime(Duration lifetime) {
        storage.setLinkLifetime(lifetime);
    }

    /** The storage host's base URL. */
    public String storageUrl() {
        return storage.baseUrl();
    }

    /** The first media bytes of a recording, as the storage host serves them. */
    public byte[] mediaBytes(String recordingId, int length) {
        return mediaBytes(recordingId, 0, length);
    }

    /** {@code length} media bytes of a recording from {@code position} on, as the storage host serves them. */
    public byte[] mediaBytes(String recordingId, long position, int length) {
        byte[] b = new byte[length];
        media(recordingId).orElseThrow().read(position, b, 0, length);
        return b;
    }
}
