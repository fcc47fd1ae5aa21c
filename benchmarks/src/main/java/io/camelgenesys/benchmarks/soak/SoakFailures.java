package io.camelgenesys.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import io.camelgenesys.core.GenesysApiException;

/**
 * The failures of a soak, classified by type and message: an exchange's exception (or a bulk item's error) is
 * <b>clear</b> when it is a {@link GenesysApiException} or an {@link IllegalArgumentException} (or a wrapper whose
 * direct cause is one, as an {@link java.util.Iterator} must wrap a checked exception: reported as such) and its
 * message names the cause: an HTTP status, a timeout, an I/O failure or a rule. Anything else is <b>unclear</b>.
 * <p>
 * Messages are grouped after replacing what differs from one occurrence to the next (UUIDs, correlation ids, record
 * tags, the simulator's port) with placeholders, so the report lists each distinct failure once with its count. Every
 * message, raw, is also searched for the secrets the soak knows ({@link #secretsFound()}).
 */
public final class SoakFailures {

    /** What a message must say to name its cause. */
    private static final Pattern NAMES_CAUSE = Pattern.compile(
            "HTTP \\d{3}|timed out|failed before a complete response|connection was closed|no HTTP status|is required|must be|"
            + "Retry-After|refused|cannot|Cannot|not valid JSON|exceeds|limit");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("\\b[0-9a-fA-F]{16,}\\b");
    private static final Pattern TAG = Pattern.compile("\\b([cb])-\\d+-\\d+\\b");
    private static final Pattern LOCAL = Pattern.compile("127\\.0\\.0\\.1:\\d+");
    /** Jetty's description of a connection (addresses, buffers, states) in an I/O exception's message. */
    private static final Pattern JETTY_CONNECTION = Pattern.compile("HttpConnectionOverHTTP@\\S*.*", Pattern.DOTALL);
    private static final Pattern MILLIS = Pattern.compile("\\b\\d+ ?ms\\b");

    /** One kind of failure: where (component / operation), the type chain, the normalized message. */
    public record Kind(String where, String type, String message, boolean clear) implements Comparable<Kind> {
        @Override
        public int compareTo(Kind o) {
            int c = where.compareTo(o.where);
            if (c == 0) {
                c = type.compareTo(o.type);
            }
            return c != 0 ? c : message.compareTo(o.message);
        }
    }

    private final Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> anomalies = new ConcurrentHashMap<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> secretsFound = new ConcurrentHashMap<>();

    /** A secret (client secret, password, API key, a token seen on the wire) no message may contain. */
    public void addSecret(String secret) {
        if (secret != null && secret.length() >= 6) {
            secrets.add(secret);
        }
    }

    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /**
     * Records an exchange's failure.
     *
     * @return whether it is clear
     */
    public boolean record(String where, Throwable failure) {
        checkSecrets(where, failure);
        Throwable judged = failure;
        String type = failure.getClass().getSimpleName();
        if (!isClearType(failure) && failure.getCause() != null && isClearType(failure.getCause())) {
            judged = failure.getCause();
            type += " <- " + judged.getClass().getSimpleName();
        }
        boolean clear = isClearType(judged) && namesCause(failure.getMessage()) && namesCause(judged.getMessage());
        counts.computeIfAbsent(new Kind(where, type, normalize(failure.getMessage()), clear), k -> new LongAdder())
                .increment();
        return clear;
    }

    /**
     * Records a bulk item the component reported failed (CamelGenesysBulkFailures): it has no exception, its error text
     * (from Genesys or from the batch's exception) must name the cause.
     */
    public boolean recordItem(String where, String error, int status) {
        checkSecrets(where, error);
        boolean clear = namesCause(error) || status > 0;
        counts.computeIfAbsent(new Kind(where, "bulk item (status " + status + ")", normalize(error), clear),
                k -> new LongAdder()).increment();
        return clear;
    }

    /**
     * Records something that is not an exchange's failure but breaks a target: a record lost or duplicated, an answer
     * that is not the record asked for.
     */
    public void recordAnomaly(String where, String what) {
        anomalies.computeIfAbsent(where + ": " + normalize(what), k -> new LongAdder()).increment();
    }

    /** The distinct anomalies with their counts; empty is the target. */
    public Map<String, Long> anomalies() {
        Map<String, Long> sorted = new TreeMap<>();
        anomalies.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    /** Searches a log line (or any text the soak did not raise) for secrets. */
    public void checkText(String where, String text) {
        if (text == null) {
            return;
        }
        for (String s : secrets) {
            if (text.contains(s)) {
                secretsFound.computeIfAbsent(where + ": " + describeSecret(s), k -> new LongAdder()).increment();
            }
        }
    }

    private void checkSecrets(String where, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            checkText(where, t.getMessage());
            checkText(where, t.toString());
        }
    }

    private void checkSecrets(String where, String text) {
        checkText(where, text);
    }

    private static String describeSecret(String s) {
        // never print the secret itself: its length and first two characters identify it well enough
        return "a secret of " + s.length() + " characters starting with '" + s.substring(0, 2) + "'";
    }

    static boolean isClearType(Throwable t) {
        return t instanceof GenesysApiException || t instanceof IllegalArgumentException;
    }

    static boolean namesCause(String message) {
        return message != null && NAMES_CAUSE.matcher(message).find();
    }

    /** The message with what differs between occurrences replaced, so alike failures group. */
    public static String normalize(String message) {
        if (message == null) {
            return "(no message)";
        }
        String m = UUID.matcher(message).replaceAll("{uuid}");
        m = HEX.matcher(m).replaceAll("{hex}");
        m = TAG.matcher(m).replaceAll("$1-{tag}");
        m = JETTY_CONNECTION.matcher(m).replaceAll("{a Jetty connection})");
        m = LOCAL.matcher(m).replaceAll("127.0.0.1:{port}");
        m = MILLIS.matcher(m).replaceAll("{n} ms");
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    /** The distinct failures, sorted, with their counts. */
    public Map<Kind, Long> distinct() {
        Map<Kind, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long unclear() {
        return counts.entrySet().stream().filter(e -> !e.getKey().clear()).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Where a secret was found (never the secret itself), with counts; empty is the target. */
    public Map<String, Long> secretsFound() {
        Map<String, Long> sorted = new TreeMap<>();
        secretsFound.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    /** The lines of the failure list, for the report. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        distinct().forEach((k, n) -> lines.add(String.format(java.util.Locale.ROOT, "%8d  %-7s %-18s %s: %s", n,
                k.clear() ? "clear" : "UNCLEAR", k.where(), k.type(), k.message())));
        return lines;
    }
}
