package io.camelgenesys.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The schema versions custom fields were validated against, per shared connection (so per Genesys organization and
 * credentials): schema versions are immutable, so a version read once stays right for good. Bounded (least recently
 * used out). One read per version however many exchanges ask at once: the first one starts the read, the others wait
 * for its future; a failed read is not kept, so the next exchange reads again.
 */
final class SchemaVersionCache implements AutoCloseable {

    /** The connection attachment key. */
    static final String KEY = "genesys-contacts-schema-versions";
    /** Versions kept per connection: an organization has at most a few dozen schemas, each with a few versions. */
    static final int CAPACITY = 256;

    private final Map<String, CompletableFuture<CustomFieldSchema>> versions;

    SchemaVersionCache(int capacity) {
        this.versions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CustomFieldSchema>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The version under {@code key}, read with {@code read} unless it is cached or being read. {@code read} runs
     * outside the lock, at most once per key at a time.
     */
    CompletableFuture<CustomFieldSchema> get(String key, Supplier<CompletableFuture<CustomFieldSchema>> read) {
        CompletableFuture<CustomFieldSchema> mine;
        synchronized (versions) {
            CompletableFuture<CustomFieldSchema> known = versions.get(key);
            if (known != null) {
                return known;
            }
            mine = new CompletableFuture<>();
            versions.put(key, mine);
        }
        CompletableFuture<CustomFieldSchema> reading;
        try {
            reading = read.get();
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        reading.whenComplete((schema, failure) -> {
            if (failure != null) {
                synchronized (versions) {
                    versions.remove(key, mine);
                }
                mine.completeExceptionally(failure);
            } else {
                mine.complete(schema);
            }
        });
        return mine;
    }

    int size() {
        synchronized (versions) {
            return versions.size();
        }
    }

    @Override
    public void close() {
        synchronized (versions) {
            versions.clear();
        }
    }
}
