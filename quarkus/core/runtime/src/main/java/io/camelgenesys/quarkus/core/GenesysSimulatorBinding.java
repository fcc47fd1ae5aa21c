package io.camelgenesys.quarkus.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * How a genesys-* component is pointed at the genesys-simulator, through Camel's generic component properties
 * ({@code camel.component.<scheme>.<option>}), and how to tell that the user has already pointed it somewhere.
 * <p>
 * The simulator is started with one set of credentials that is valid on every platform (the same OAuth client for
 * Genesys Cloud and Multicloud CX, the same user for the Multicloud password grant and Web Services Basic
 * authentication), so the same properties work for every component whatever its {@code platform}: a module added
 * later needs nothing here.
 */
public final class GenesysSimulatorBinding {

    /** The OAuth client the simulator accepts on both token endpoints (Cloud and Multicloud). */
    public static final String CLIENT_ID = "genesys-dev-client";
    public static final String CLIENT_SECRET = "genesys-dev-secret";
    /** The Multicloud {@code x-api-key}. */
    public static final String API_KEY = "genesys-dev-api-key";
    /** The Multicloud user (password grant) and the Web Services Basic user. */
    public static final String USERNAME = "agent1";
    public static final String PASSWORD = "agent1-password";

    /**
     * The component options that say where Genesys is or who the client is (normalised: lower case, no dashes).
     * Any of them set for a component means that the user chose a Genesys for it, and Dev Services leave it alone.
     */
    static final Set<String> CONNECTION_OPTIONS = Set.of("baseurl", "region", "loginurl", "clientid", "clientsecret",
            "apikey", "username", "password", "accesstoken", "refreshtoken", "authorizationtoken");

    private GenesysSimulatorBinding() {
    }

    /** The properties that point each scheme's component at the simulator at {@code baseUrl}. */
    public static Map<String, String> componentProperties(Collection<String> schemes, String baseUrl) {
        Map<String, String> properties = new TreeMap<>();
        for (String scheme : schemes) {
            String prefix = "camel.component." + scheme + ".";
            properties.put(prefix + "base-url", baseUrl);
            properties.put(prefix + "client-id", CLIENT_ID);
            properties.put(prefix + "client-secret", CLIENT_SECRET);
            properties.put(prefix + "api-key", API_KEY);
            properties.put(prefix + "username", USERNAME);
            properties.put(prefix + "password", PASSWORD);
        }
        return properties;
    }

    /**
     * The schemes whose component has no connection option configured, in the given order; {@code leftAlone} hears of
     * each other one with the property that configures it.
     */
    public static List<String> targets(Collection<String> schemes, Iterable<String> propertyNames,
                                       BiConsumer<String, String> leftAlone) {
        List<String> targets = new ArrayList<>();
        for (String scheme : schemes) {
            configuredBy(scheme, propertyNames).ifPresentOrElse(p -> leftAlone.accept(scheme, p), () -> targets.add(scheme));
        }
        return targets;
    }

    /**
     * The first (in name order) configured property that points the component of {@code scheme} at a Genesys of the
     * user's choice: {@code camel.component.<scheme>.<option>} or {@code camel.component.<scheme>.configuration.<option>}
     * for a connection option, in any of Camel's spellings ({@code base-url}, {@code baseUrl}).
     */
    public static Optional<String> configuredBy(String scheme, Iterable<String> propertyNames) {
        String prefix = "camel.component." + scheme + ".";
        TreeSet<String> hits = new TreeSet<>();
        for (String name : propertyNames) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String option = name.substring(prefix.length());
            if (option.startsWith("configuration.")) {
                option = option.substring("configuration.".length());
            }
            if (CONNECTION_OPTIONS.contains(option.replace("-", "").toLowerCase(Locale.ROOT))) {
                hits.add(name);
            }
        }
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.first());
    }
}
