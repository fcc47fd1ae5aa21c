package io.camelgenesys.core.test.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What one contract check of one component found: operations matched, seed-only and mismatched, fields and values
 * checked, and every difference under a stable key. {@link #assertOnly} fails on any difference not in the reviewed
 * list and on any listed one no longer found, and logs the summary.
 */
public final class ContractReport {

    private static final Logger LOG = LoggerFactory.getLogger(ContractReport.class);

    private final String title;
    private final Map<String, String> mismatches = new TreeMap<>();
    private final Map<String, Set<String>> mismatchOperations = new TreeMap<>();
    private final Set<String> matched = new TreeSet<>();
    private final Map<String, SeedOnly> seedOnly = new TreeMap<>();
    private final Set<String> usedSeedOnly = new LinkedHashSet<>();
    private final Map<String, SdkAmendment> amendments = new TreeMap<>();
    private final Set<String> usedAmendments = new LinkedHashSet<>();
    private final Set<String> mismatchedOperations = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private int fieldsChecked;
    private int valuesChecked;
    private int exchanges;

    /** @param title e.g. {@code genesys-contacts (cloud) operation specs} */
    public ContractReport(String title) {
        this.title = title;
    }

    /** Declares the reviewed seed-only items; an item declared but never used fails the report (stale entry). */
    public ContractReport seedOnly(Collection<SeedOnly> items) {
        items.forEach(s -> seedOnly.put(s.what(), s));
        return this;
    }

    /** The seed-only justification of an item, or {@code null}; marks it used. */
    public SeedOnly seedOnly(String what) {
        SeedOnly s = seedOnly.get(what);
        if (s != null) {
            usedSeedOnly.add(what);
        }
        return s;
    }

    /** Declares the reviewed amendments of the contract; one declared but never used fails the report. */
    public ContractReport amendments(Collection<SdkAmendment> items) {
        items.forEach(a -> amendments.put(a.what(), a));
        return this;
    }

    /** The amendment of an item, or {@code null}; marks it used. */
    public SdkAmendment amendment(String what) {
        SdkAmendment a = amendments.get(what);
        if (a != null) {
            usedAmendments.add(what);
        }
        return a;
    }

    public void matched(String operation) {
        matched.add(operation);
    }

    /** A difference: {@code key} is stable (what differs, no run-specific values), {@code detail} explains it. */
    public void mismatch(String operation, String key, String detail) {
        mismatches.putIfAbsent(key, detail);
        if (operation != null) {
            mismatchedOperations.add(operation);
            mismatchOperations.computeIfAbsent(key, k -> new TreeSet<>()).add(operation);
        }
    }

    public void fieldChecked() {
        fieldsChecked++;
    }

    public void valueChecked() {
        valuesChecked++;
    }

    public void exchangeChecked() {
        exchanges++;
    }

    public void note(String note) {
        notes.add(note);
    }

    public Map<String, String> mismatches() {
        return mismatches;
    }

    public int fieldsChecked() {
        return fieldsChecked;
    }

    public int valuesChecked() {
        return valuesChecked;
    }

    /** One line per figure: operations matched / only in seeds / mismatched, fields and values checked. */
    public String summary() {
        Set<String> seedOnlyOperations = new TreeSet<>();
        for (String s : usedSeedOnly) {
            if (!s.contains(".")) {
                seedOnlyOperations.add(s);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("Contract check: ").append(title).append('\n');
        b.append("  operations matched: ").append(matched.size())
                .append(", only in seeds: ").append(seedOnlyOperations.size())
                .append(", with mismatches: ").append(mismatchedOperations.size()).append('\n');
        b.append("  model fields checked: ").append(fieldsChecked);
        if (exchanges > 0) {
            b.append(", exchanges validated: ").append(exchanges).append(", JSON values checked: ").append(valuesChecked);
        }
        b.append('\n');
        b.append("  mismatches: ").append(mismatches.size()).append('\n');
        mismatches.forEach((k, v) -> b.append("    ").append(k).append("  --  ").append(v)
                .append(mismatchOperations.containsKey(k) ? "  [" + String.join(", ", mismatchOperations.get(k)) + "]" : "")
                .append('\n'));
        if (!usedSeedOnly.isEmpty()) {
            b.append("  seed-only: ").append(String.join(", ", usedSeedOnly)).append('\n');
        }
        if (!usedAmendments.isEmpty()) {
            b.append("  amended by a Genesys SDK: ").append(String.join(", ", usedAmendments)).append('\n');
        }
        notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * Fails unless the differences found are exactly the {@code known} ones whose key starts with {@code prefix}, and
     * every declared seed-only item was used and its seed line checks out.
     */
    public void assertOnly(Collection<KnownMismatch> known, String prefix) {
        String summary = summary();
        LOG.info("\n{}", summary);
        System.out.println(summary);
        Map<String, String> expected = new TreeMap<>();
        for (KnownMismatch k : known) {
            if (k.key().startsWith(prefix)) {
                expected.put(k.key(), k.note());
            }
        }
        List<String> problems = new ArrayList<>();
        mismatches.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                problems.add("NEW mismatch (fix it, or add it to KNOWN_MISMATCHES after review): " + k + "  --  " + v);
            }
        });
        expected.forEach((k, v) -> {
            if (!mismatches.containsKey(k)) {
                problems.add("FIXED or gone (delete it from KNOWN_MISMATCHES): " + k + "  --  " + v);
            }
        });
        Path seeds = SeedOnly.seedsFolder();
        for (SeedOnly s : seedOnly.values()) {
            if (!usedSeedOnly.contains(s.what())) {
                problems.add("Seed-only entry not used (delete it): " + s);
            }
            String wrong = s.verify(seeds);
            if (wrong != null) {
                problems.add("Seed-only justification does not hold: " + wrong);
            }
        }
        Path nodeModules = SdkAmendment.nodeModules();
        for (SdkAmendment a : amendments.values()) {
            if (!usedAmendments.contains(a.what())) {
                problems.add("Amendment not used (delete it): " + a);
            }
            String wrong = a.verify(nodeModules);
            if (wrong != null) {
                problems.add("Amendment does not hold: " + wrong);
            }
        }
        if (!problems.isEmpty()) {
            fail(title + ": " + problems.size() + " contract problem(s):\n  " + String.join("\n  ", problems)
                 + "\n" + summary);
        }
    }
}
