package io.camelgenesys.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * What the simulator received: every request except the {@code /simulator/**} admin paths is counted on arrival,
 * before faults, authentication and rate limiting, so rejected and faulted requests count too.
 */
public final class Requests {

    /** Header values are remembered for this many distinct paths (least recently seen forgotten first). */
    static final int MAX_PATHS_WITH_HEADERS = 1024;

    private record Seen(long sequence, String value) {
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Map<String, Seen>> headersByPath = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Seen>> eldest) {
            return size() > MAX_PATHS_WITH_HEADERS;
        }
    };

    Requests() {
    }

    /**
     * @param method      an HTTP method, or {@code *} for any
     * @param pathPattern a {@link PathPattern}
     * @return how many requests matched
     */
    public int count(String method, String pathPattern) {
        PathPattern pattern = PathPattern.compile(pathPattern);
        String wanted = method.toUpperCase(Locale.ROOT);
        long sum = 0;
        for (Map.Entry<String, LongAdder> entry : counts.entrySet()) {
            String key = entry.getKey();
            int space = key.indexOf(' ');
            if (("*".equals(wanted) || key.substring(0, space).equals(wanted)) && pattern.matches(key.substring(space + 1))) {
                sum += entry.getValue().sum();
            }
        }
        return (int) sum;
    }

    /** @return how many requests the rate limiter answered with 429 (fault-switchboard 429s are not counted) */
    public int rateLimited() {
        return rateLimited.intValue();
    }

    /** @return how many requests were received */
    public int total() {
        return total.intValue();
    }

    /**
     * @param pathPattern a {@link PathPattern}
     * @param headerName  a header name (case-insensitive)
     * @return the value of that header on the most recent matching request that carried it, or {@code null}
     */
    public String lastHeader(String pathPattern, String headerName) {
        PathPattern pattern = PathPattern.compile(pathPattern);
        String name = headerName.toLowerCase(Locale.ROOT);
        Seen latest = null;
        synchronized (headersByPath) {
            for (Map.Entry<String, Map<String, Seen>> entry : headersByPath.entrySet()) {
                if (pattern.matches(entry.getKey())) {
                    Seen seen = entry.getValue().get(name);
                    if (seen != null && (latest == null || seen.sequence() > latest.sequence())) {
                        latest = seen;
                    }
                }
            }
        }
        return latest == null ? null : latest.value();
    }

    void record(String method, String path, HttpFields headers) {
        total.increment();
        counts.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
        long seq = sequence.incrementAndGet();
        synchronized (headersByPath) {
            Map<String, Seen> seen = headersByPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
            for (HttpField field : headers) {
                seen.put(field.getLowerCaseName(), new Seen(seq, field.getValue()));
            }
        }
    }

    void recordRateLimited() {
        rateLimited.increment();
    }

    /**
     * Forgets every count and remembered header, as {@link GenesysSimulator#reset()} does, without touching anything
     * else. Counts are kept per concrete path, so a long run over many ids (a soak) clears them now and then to keep
     * the simulator's memory flat.
     */
    public void clear() {
        reset();
    }

    void reset() {
        counts.clear();
        total.reset();
        rateLimited.reset();
        synchronized (headersByPath) {
            headersByPath.clear();
        }
    }
}
