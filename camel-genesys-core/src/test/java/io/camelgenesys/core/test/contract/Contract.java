package io.camelgenesys.core.test.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One API contract extracted from Genesys' official SDKs by {@code contract/extract.mjs} (see {@code contract/README.md}):
 * its operations and models, read from {@code /contract/<name>.json} on the test classpath (core's test-jar).
 * <p>
 * A type descriptor is a JSON object: {@code type} one of {@code string, integer, number, boolean, object, array, map};
 * {@code ref} (a model) for objects, {@code items} for arrays, {@code values} for maps, and optionally {@code enum},
 * {@code format}.
 */
public final class Contract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    private Contract(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** {@code externalcontacts} or {@code statistics}. */
    public static Contract load(String name) {
        String resource = "/contract/" + name + ".json";
        try (InputStream in = Contract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No contract " + resource + " on the test classpath (camel-genesys-core"
                                                + " test-jar); regenerate with contract/extract.mjs");
            }
            return new Contract(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract of an API no official SDK covers (UDM, messaging, Web Services): no operation, no model, so every
     * operation of a component checked against it must be listed as {@link SeedOnly}.
     */
    public static Contract none(String name) {
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.putArray("operations");
        root.putObject("models");
        root.putObject("sources").put("operationsAndModels", "no official SDK: seeds only");
        return new Contract(name, root);
    }

    public String name() {
        return name;
    }

    public JsonNode root() {
        return root;
    }

    /** What the contract was extracted from, for messages. */
    public String source() {
        return root.path("sources").path("operationsAndModels").asText(name);
    }

    public List<JsonNode> operations() {
        List<JsonNode> ops = new ArrayList<>();
        root.path("operations").forEach(ops::add);
        return ops;
    }

    /** The operation with this SDK operation id, or {@code null}. */
    public JsonNode operation(String operationId) {
        for (JsonNode op : root.path("operations")) {
            if (op.path("operationId").asText().equals(operationId)) {
                return op;
            }
        }
        return null;
    }

    /**
     * The operations with this method and path template; path variables match by position, whatever their names
     * ({@code /contacts/{contactId}} matches {@code /contacts/{id}}). Deprecated operations come last.
     */
    public List<JsonNode> operations(String method, String pathTemplate) {
        String wanted = shape(pathTemplate);
        List<JsonNode> found = new ArrayList<>();
        List<JsonNode> deprecated = new ArrayList<>();
        for (JsonNode op : root.path("operations")) {
            if (op.path("method").asText().equalsIgnoreCase(method) && shape(op.path("path").asText()).equals(wanted)) {
                (op.path("deprecated").asBoolean() ? deprecated : found).add(op);
            }
        }
        found.addAll(deprecated);
        return found;
    }

    /** The operation a concrete request path belongs to (variables match any one segment), or {@code null}. */
    public JsonNode operationForRequest(String method, String path) {
        JsonNode best = null;
        int bestLiterals = -1;
        for (JsonNode op : root.path("operations")) {
            if (!op.path("method").asText().equalsIgnoreCase(method)) {
                continue;
            }
            String[] t = op.path("path").asText().split("/");
            String[] p = path.split("/");
            if (t.length != p.length) {
                continue;
            }
            int literals = 0;
            boolean match = true;
            for (int i = 0; i < t.length && match; i++) {
                if (t[i].startsWith("{")) {
                    continue;
                }
                match = t[i].equals(p[i]);
                literals++;
            }
            // a literal segment beats a variable: /contacts/merge is not /contacts/{contactId}
            if (match && literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return best;
    }

    /** A path template with every variable written {@code {}}. */
    public static String shape(String pathTemplate) {
        return pathTemplate.replaceAll("\\{[^}]+}", "{}").toLowerCase(Locale.ROOT);
    }

    public JsonNode model(String modelName) {
        JsonNode m = root.path("models").get(modelName);
        if (m == null) {
            throw new IllegalArgumentException("No model " + modelName + " in the " + name + " contract");
        }
        return m;
    }

    public boolean hasModel(String modelName) {
        return root.path("models").has(modelName);
    }

    /** The field descriptors of a model by name. */
    public Iterator<String> fieldNames(String modelName) {
        return model(modelName).path("fields").fieldNames();
    }

    public JsonNode field(String modelName, String field) {
        return model(modelName).path("fields").get(field);
    }

    public Set<String> required(String modelName) {
        Set<String> r = new LinkedHashSet<>();
        model(modelName).path("required").forEach(n -> r.add(n.asText()));
        return r;
    }

    /** The type descriptor of a model: {@code {"type":"object","ref":model}}. */
    public static JsonNode ref(String model) {
        return JSON.createObjectNode().put("type", "object").put("ref", model);
    }

    /** The type descriptor of a list of a model. */
    public static JsonNode listOf(String model) {
        com.fasterxml.jackson.databind.node.ObjectNode t = JSON.createObjectNode().put("type", "array");
        t.set("items", ref(model));
        return t;
    }

    /** A type for messages: {@code string}, {@code array of object ContactIdentifier}, {@code map of object}. */
    public static String describe(JsonNode type) {
        if (type == null || type.isNull() || type.isMissingNode()) {
            return "nothing";
        }
        String t = type.path("type").asText();
        return switch (t) {
            case "array" -> "array of " + describe(type.get("items"));
            case "map" -> "map of " + describe(type.get("values"));
            case "object" -> type.has("ref") ? "object " + type.get("ref").asText() : "free-form object";
            default -> t + (type.has("format") ? "(" + type.get("format").asText() + ")" : "")
                       + (type.has("enum") ? " " + type.get("enum") : "");
        };
    }
}
