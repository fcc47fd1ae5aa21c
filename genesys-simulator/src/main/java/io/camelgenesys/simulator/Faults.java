package io.camelgenesys.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault switchboard: makes the simulator misbehave like a network or an overloaded Genesys would.
 * <p>
 * Faults are applied before authentication and rate limiting (a fault stands for the network or the server
 * failing, not for the API refusing), to every path except the {@code /simulator/**} admin paths: API paths, token
 * endpoints and CometD alike. The intercepted request is still counted by {@link Requests}. Rules are tried in the
 * order they were added; the first active matching rule wins.
 */
public final class Faults {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    Faults() {
    }

    /**
     * Adds a rule; configure it with the returned {@link FaultRule}.
     *
     * @param method      an HTTP method, or {@code *} for any
     * @param pathPattern exact, or with a trailing {@code /**} or {@code *} segment glob (see {@link PathPattern})
     * @return the new rule, already in effect
     */
    public FaultRule on(String method, String pathPattern) {
        return add(new FaultRule(method, pathPattern));
    }

    FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    /**
     * Removes one rule, e.g. to end a fault that lasts a while (a 429 storm) while other rules stay in effect.
     *
     * @return whether the rule was in effect (added and not removed or cleared since)
     */
    public boolean remove(FaultRule rule) {
        return rules.remove(rule);
    }

    /** Removes every rule. The {@link #hits} counters are kept (they are history); {@link GenesysSimulator#reset()} clears them. */
    public void clear() {
        rules.clear();
    }

    /**
     * @param method      the method the rules were added with (as given to {@link #on})
     * @param pathPattern the pattern the rules were added with (as given to {@link #on})
     * @return how many requests the rules added with that method and pattern intercepted
     */
    public int hits(String method, String pathPattern) {
        AtomicInteger count = hits.get(key(method, pathPattern));
        return count == null ? 0 : count.get();
    }

    /** @return the rules in effect (expired ones included until {@link #clear()}) */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    FaultRule.Action take(String method, String path) {
        for (FaultRule rule : rules) {
            FaultRule.Action action = rule.tryApply(method, path);
            if (action != null) {
                hits.computeIfAbsent(key(rule.method(), rule.pathPattern()), k -> new AtomicInteger()).incrementAndGet();
                return action;
            }
        }
        return null;
    }

    private static String key(String method, String pathPattern) {
        return method.toUpperCase(Locale.ROOT) + " " + pathPattern;
    }

    void reset() {
        rules.clear();
        hits.clear();
    }
}
