package io.camelgenesys.core.test.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;
import io.camelgenesys.core.operation.QueryRule;

/**
 * Checks a component's operation table against a contract, statically: every {@link OperationSpec} of a platform
 * matches a contract operation (method; path, variables compared by position; query parameter names, paging ones
 * included), and its body and response models are compatible with the contract's: every property Jackson sees on
 * our model (the same introspection that reads and writes it) is a field of the contract model with a compatible JSON
 * type, nested models recursively; contract-required fields of request bodies exist in ours.
 * <p>
 * Keys of the differences start with {@code "spec "}. Query parameter formats (repeated or comma-joined) are a matter
 * of the wire and are checked by {@link WireContractCheck}.
 */
public final class SpecContractCheck {

    private final Contract contract;
    private final ContractReport report;

    public SpecContractCheck(Contract contract, ContractReport report) {
        this.contract = contract;
        this.report = report;
    }

    /** Checks every operation of {@code operations} that exists on {@code platform}. */
    public <O extends Enum<O> & GenesysOperation> ContractReport check(Class<O> operations, GenesysPlatform platform) {
        for (O op : operations.getEnumConstants()) {
            OperationSpec spec = op.spec(platform);
            if (spec != null) {
                check(op.name(), spec);
            }
        }
        return report;
    }

    /**
     * Compares a model class that is no row's body or response (e.g. the event of a notification topic) with a contract
     * model, as response models are compared.
     */
    public ContractReport checkModel(String name, Class<?> ours, String contractModel) {
        report.matched(name);
        compare(name, "model", GenesysJson.MAPPER.constructType(ours), Contract.ref(contractModel), "", false,
                new LinkedHashSet<>());
        return report;
    }

    /** The query parameters a spec sends: its own and those of its paging style. */
    public static List<String> queryNames(OperationSpec spec) {
        List<String> names = new ArrayList<>(spec.queryParams());
        switch (spec.paging()) {
            case PAGE_NUMBER -> names.addAll(List.of("pageSize", "pageNumber"));
            case CURSOR -> names.addAll(List.of("limit", "cursor"));
            case OFFSET -> names.addAll(List.of("from", "size"));
            case INDEX -> names.add("count");
            case NONE -> {
            }
        }
        return names;
    }

    /** A consumer-only CometD row: its channel must be one the contract's notifications side lists. */
    private void checkChannel(String name, String channel) {
        JsonNode channels = contract.root().path("notifications").path("channels");
        for (JsonNode c : channels) {
            if (c.asText().equals(channel)) {
                return;
            }
        }
        if (report.seedOnly(name) == null) {
            report.mismatch(name, "spec " + name + ": CometD channel " + channel + " is not among the contract's channels "
                                  + channels, "the " + contract.name() + " contract (" + contract.source()
                                                + ") lists the channels its official client subscribes to");
        }
    }

    /** The contract operation a spec stands for, or {@code null} when the contract has none. */
    public JsonNode contractOperation(OperationSpec spec) {
        List<JsonNode> candidates = contract.operations(spec.method(), spec.pathTemplate());
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private void check(String name, OperationSpec spec) {
        if (OperationSpec.COMETD.equals(spec.method())) {
            checkChannel(name, spec.pathTemplate());
            return;
        }
        JsonNode op = contractOperation(spec);
        if (op == null) {
            if (report.seedOnly(name) == null) {
                report.mismatch(name, "spec " + name + ": no " + spec.method() + " " + spec.pathTemplate() + " in the contract",
                        "the " + contract.name() + " contract (" + contract.source() + ") has no such operation;"
                                                                                           + " if only a seed documents it, list it as seed-only with the seed line");
            }
            return;
        }
        report.matched(name);
        String id = op.path("operationId").asText();
        if (op.path("deprecated").asBoolean()) {
            report.mismatch(name, "spec " + name + ": " + id + " is deprecated", "the SDK marks the operation deprecated");
        }
        Set<String> ours = new LinkedHashSet<>(queryNames(spec));
        Set<String> theirs = new LinkedHashSet<>();
        op.path("queryParams").forEach(q -> theirs.add(q.path("name").asText()));
        for (String q : ours) {
            if (!theirs.contains(q) && report.seedOnly(name + ".query." + q) == null) {
                report.mismatch(name, "spec " + name + ": query parameter " + q + " not in " + id,
                        id + " takes " + theirs);
            }
        }
        for (String q : theirs) {
            if (!ours.contains(q)) {
                report.mismatch(name, "spec " + name + ": does not send query parameter " + q + " of " + id,
                        "the SDK operation has it; the spec cannot set it");
            }
        }
        checkPathVariables(name, id, spec, op);
        checkBody(name, id, spec, op.get("body"));
        checkResponse(name, id, spec, op.get("response"));
        checkQueryValuesAccepted(name, id, spec, op);
        checkBodyRules(name, id, spec, op.get("body"));
    }

    /**
     * The options a route sets the path variables with, by position, against the SDK's names: the same name, or a
     * more specific one of the same variable ({@code subscriptionId} for the SDK's {@code id}). Path variables are
     * not on the wire; the names are what a user reads in Genesys' documentation and sets on the endpoint.
     */
    private void checkPathVariables(String name, String id, OperationSpec spec, JsonNode op) {
        List<String> theirs = new ArrayList<>();
        op.path("pathParams").forEach(p -> theirs.add(p.asText()));
        List<String> ours = spec.pathVariables();
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            String option = spec.parameter(ours.get(i)).option();
            String sdk = theirs.get(i);
            boolean same = option.equals(sdk) || option.endsWith(Character.toUpperCase(sdk.charAt(0)) + sdk.substring(1));
            if (!same && report.seedOnly(name + ".path." + option) == null) {
                report.mismatch(name, "spec " + name + ": path variable " + (i + 1) + " is the option " + option + ", "
                                      + id + " names it " + sdk, "the endpoint option should carry the SDK's name");
            }
        }
    }

    /**
     * Every value the contract enumerates for a query parameter passes the row's query rules: a value Genesys takes
     * must not be refused before it is sent.
     */
    private void checkQueryValuesAccepted(String name, String id, OperationSpec spec, JsonNode op) {
        for (JsonNode q : op.path("queryParams")) {
            String qn = q.path("name").asText();
            for (JsonNode value : q.path("enum")) {
                report.fieldChecked();
                for (QueryRule rule : spec.queryRules()) {
                    if (!rule.param().equals(qn)) {
                        continue;
                    }
                    try {
                        rule.check(name, Map.of(qn, value.asText()));
                    } catch (IllegalArgumentException e) {
                        report.mismatch(name, "spec " + name + ": refuses query " + qn + "=" + value.asText() + " that "
                                              + id + " takes", e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * The row's body rules against the contract's body model: every enum value the contract lists for a field of the
     * body (nested fields included) passes the rules, and every field the rules require of an empty body is one the
     * contract requires too (unless a seed line says it is required: seed-only {@code <operation>.required.<field>};
     * an {@code id} that names the entity a bulk item updates, gets or removes is taken as given).
     * For an execution that checks each item of the message body (bulk batches), the rules are compared with the
     * items of the contract's {@code entities}.
     */
    private void checkBodyRules(String name, String id, OperationSpec spec, JsonNode body) {
        BodyRules rules = spec.bodyRules();
        if (rules == null || body == null || body.isNull()) {
            return;
        }
        JsonNode type = body;
        if ("array".equals(type.path("type").asText())) {
            type = type.path("items");
        } else if (!spec.execution().sendsMessageBody() && type.has("ref")) {
            JsonNode entities = contract.field(type.get("ref").asText(), "entities");
            if (entities != null && entities.has("items")) {
                type = entities.get("items");
            }
        }
        if (!type.has("ref")) {
            return;
        }
        String model = type.get("ref").asText();
        List<String[]> enumFields = new ArrayList<>();
        enumFields(model, "", enumFields, new LinkedHashSet<>(), 0);
        for (String[] f : enumFields) {
            String path = f[0];
            String owner = f[1];
            for (JsonNode value : contract.field(owner.substring(0, owner.indexOf('.')), owner.substring(owner.indexOf('.') + 1))
                    .path("enum")) {
                report.fieldChecked();
                String v = value.asText();
                for (String violation : rules.violations(sample(path, v))) {
                    if (violation.contains("'" + v + "'")) {
                        report.mismatch(name, "spec " + name + ": refuses " + owner + "=" + v + " that " + id + " takes",
                                violation);
                    }
                }
            }
        }
        Set<String> required = contract.required(model);
        for (String violation : rules.violations(GenesysJson.MAPPER.createObjectNode())) {
            java.util.regex.Matcher m = REQUIRED.matcher(violation);
            // an id the rules require names the existing entity the body (a bulk item) is about: the SDK shares the
            // model with creation, where Genesys assigns the id, so it cannot mark it required
            if (m.lookingAt() && !required.contains(m.group(1)) && !"id".equals(m.group(1))
                && report.seedOnly(name + ".required." + m.group(1)) == null) {
                report.mismatch(name, "spec " + name + ": requires " + m.group(1) + ", " + model + " does not ("
                                      + id + ")", violation);
            }
        }
    }

    private static final java.util.regex.Pattern REQUIRED = java.util.regex.Pattern.compile("(\\w+) is required");

    /** The fields with enum values under a model, as a sample path ({@code query[].type}) and {@code Model.field}. */
    private void enumFields(String model, String prefix, List<String[]> out, Set<String> visiting, int depth) {
        if (depth > 4 || !contract.hasModel(model) || !visiting.add(model)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.model(model).path("fields").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            String path = prefix + e.getKey();
            if (t.has("enum")) {
                out.add(new String[] { path, model + "." + e.getKey() });
            } else if (t.has("ref")) {
                enumFields(t.get("ref").asText(), path + ".", out, visiting, depth + 1);
            } else if (t.path("items").has("ref")) {
                enumFields(t.get("items").get("ref").asText(), path + "[].", out, visiting, depth + 1);
            } else if (t.path("items").has("enum")) {
                out.add(new String[] { path + "[]", model + "." + e.getKey() });
            }
        }
        visiting.remove(model);
    }

    /** A JSON body with only {@code value} at {@code path} ({@code a.b[].c}: {@code {"a":{"b":[{"c":value}]}}}). */
    static JsonNode sample(String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            boolean list = part.endsWith("[]");
            if (list) {
                node = GenesysJson.MAPPER.createArrayNode().add(node);
                part = part.substring(0, part.length() - 2);
            }
            com.fasterxml.jackson.databind.node.ObjectNode parent = GenesysJson.MAPPER.createObjectNode();
            parent.set(part, node);
            node = parent;
        }
        return node;
    }

    private void checkBody(String name, String id, OperationSpec spec, JsonNode body) {
        boolean theirs = body != null && !body.isNull();
        if (!spec.hasBody()) {
            if (theirs && body.path("required").asBoolean()) {
                report.mismatch(name, "spec " + name + ": sends no body, " + id + " requires " + Contract.describe(body),
                        "the SDK operation requires a body");
            }
            return;
        }
        if (!theirs) {
            report.mismatch(name, "spec " + name + ": sends a body, " + id + " takes none", "the SDK operation has no body");
            return;
        }
        Class<?> type = spec.requestType();
        if (isUntyped(type)) {
            report.note(name + ": request body is untyped (" + type.getSimpleName() + "); checked on the wire");
            return;
        }
        compare(name, "request body", GenesysJson.MAPPER.constructType(type), body, "", true, new LinkedHashSet<>());
    }

    private void checkResponse(String name, String id, OperationSpec spec, JsonNode response) {
        Class<?> type = spec.responseType();
        if (type == null) {
            return;
        }
        if (response == null || response.isNull()) {
            report.mismatch(name, "spec " + name + ": returns " + type.getSimpleName() + ", " + id + " returns nothing",
                    "the SDK operation has no response body");
            return;
        }
        if (isUntyped(type)) {
            report.note(name + ": response is untyped (" + type.getSimpleName() + "); checked on the wire");
            return;
        }
        JavaType ours = GenesysJson.MAPPER.constructType(type);
        JsonNode target = unwrap(ours, response, spec.paging() != PagingStyle.NONE);
        compare(name, "response", ours, target, "", false, new LinkedHashSet<>());
    }

    /**
     * The part of the contract response our model stands for: the whole response; the items of its {@code entities}
     * (a paged operation returns one item per page entry; an unpaged one may return its entity list); or, in a
     * Multicloud envelope, {@code data} or a field of it. The candidate holding all our properties wins, else the one
     * holding most.
     */
    private JsonNode unwrap(JavaType ours, JsonNode response, boolean paged) {
        List<JsonNode> candidates = new ArrayList<>();
        if (!paged) {
            // an array of the model is answered as a List of it (GenesysJson.convert): compare with its items
            candidates.add("array".equals(response.path("type").asText()) && !ours.isContainerType()
                    && response.has("items") ? response.get("items") : response);
        }
        String ref = response.path("ref").asText(null);
        if (ref != null && contract.hasModel(ref)) {
            JsonNode entities = contract.field(ref, "entities");
            if (entities != null && entities.has("items")) {
                candidates.add(entities.get("items"));
            }
            JsonNode data = contract.field(ref, "data");
            if (!paged && data != null && data.has("ref")) {
                candidates.add(data);
                for (Iterator<Map.Entry<String, JsonNode>> it = contract.model(data.get("ref").asText()).path("fields").fields();
                     it.hasNext();) {
                    JsonNode f = it.next().getValue();
                    candidates.add(f.has("items") ? f.get("items") : f);
                }
            }
        }
        if (candidates.isEmpty()) {
            return response;
        }
        Set<String> names = propertyNames(ours);
        JsonNode best = candidates.get(0);
        int bestOverlap = -1;
        for (JsonNode c : candidates) {
            Set<String> fields = fieldNames(c);
            int overlap = (int) names.stream().filter(fields::contains).count();
            if (overlap == names.size()) {
                return c;
            }
            if (overlap > bestOverlap) {
                best = c;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private Set<String> fieldNames(JsonNode type) {
        Set<String> names = new LinkedHashSet<>();
        String ref = type.path("ref").asText(null);
        if (ref != null && contract.hasModel(ref)) {
            contract.fieldNames(ref).forEachRemaining(names::add);
        }
        return names;
    }

    private static Set<String> propertyNames(JavaType type) {
        Set<String> names = new LinkedHashSet<>();
        for (BeanPropertyDefinition p : properties(type)) {
            names.add(p.getName());
        }
        return names;
    }

    /** Our model's JSON properties as Jackson sees them (the any-getter of unknown fields is not one). */
    static List<BeanPropertyDefinition> properties(JavaType type) {
        BeanDescription d = GenesysJson.MAPPER.getSerializationConfig().introspect(type);
        List<BeanPropertyDefinition> result = new ArrayList<>();
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (!"additionalProperties".equals(p.getName()) && (p.hasGetter() || p.hasField() || p.hasSetter())) {
                result.add(p);
            }
        }
        return result;
    }

    static boolean isUntyped(Class<?> type) {
        return type == Object.class || JsonNode.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    static boolean isModel(JavaType t) {
        Class<?> c = t.getRawClass();
        return !c.isPrimitive() && !c.isEnum() && !c.getName().startsWith("java.") && !isUntyped(c)
               && !Collection.class.isAssignableFrom(c) && !c.isArray();
    }

    /**
     * Compares our type with a contract type at {@code path}; {@code request} adds the contract's required fields
     * check. {@code visiting} stops recursion through cyclic models.
     */
    private void compare(String op, String where, JavaType ours, JsonNode theirs, String path, boolean request,
                         Set<String> visiting) {
        String at = where + (path.isEmpty() ? "" : " " + path);
        String kind = theirs.path("type").asText();
        Class<?> raw = ours.getRawClass();
        if (isUntyped(raw)) {
            // a free-form Map/Object/JsonNode carries whatever the contract has
            return;
        }
        if (isModel(ours)) {
            if (!"object".equals(kind) || !theirs.has("ref")) {
                if (!"object".equals(kind)) {
                    mismatch(op, at, "ours object " + raw.getSimpleName() + ", contract " + Contract.describe(theirs));
                }
                return;
            }
            String ref = theirs.get("ref").asText();
            String key = raw.getName() + "->" + ref;
            if (!visiting.add(key)) {
                return;
            }
            List<BeanPropertyDefinition> props = properties(ours);
            Set<String> fields = new LinkedHashSet<>();
            contract.fieldNames(ref).forEachRemaining(fields::add);
            long overlap = props.stream().filter(p -> fields.contains(p.getName())).count();
            if (!props.isEmpty() && overlap * 2 < props.size()) {
                // not a field-by-field difference: a different model altogether
                mismatch(op, at, "ours " + raw.getSimpleName() + ", contract " + ref + " " + fields);
                visiting.remove(key);
                return;
            }
            for (BeanPropertyDefinition p : props) {
                JsonNode field = contract.field(ref, p.getName());
                String fieldPath = path.isEmpty() ? p.getName() : path + "." + p.getName();
                report.fieldChecked();
                if (field == null) {
                    if (report.seedOnly(ref + "." + p.getName()) == null) {
                        modelMismatch(op, raw, ref, p.getName(), "ours " + simple(p.getPrimaryType()) + ", not a field of " + ref);
                    }
                    continue;
                }
                String problem = fieldProblem(p.getPrimaryType(), field);
                if (problem != null) {
                    modelMismatch(op, raw, ref, p.getName(), problem);
                    continue;
                }
                compare(op, where, p.getPrimaryType(), field, fieldPath, request, visiting);
            }
            if (request) {
                Set<String> names = new LinkedHashSet<>();
                props.forEach(p -> names.add(p.getName()));
                for (String r : contract.required(ref)) {
                    if (!names.contains(r)) {
                        modelMismatch(op, raw, ref, r, "required by " + ref + " in requests, not a property of ours");
                    }
                }
            }
            visiting.remove(key);
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!"array".equals(kind)) {
                mismatch(op, at, "ours array, contract " + Contract.describe(theirs));
                return;
            }
            compare(op, where, ours.getContentType(), theirs.get("items"), path + "[]", request, visiting);
            return;
        }
        String problem = fieldProblem(ours, theirs);
        if (problem != null) {
            mismatch(op, at, problem);
            return;
        }
        if (raw.isEnum() && theirs.has("enum")) {
            Set<String> values = new LinkedHashSet<>();
            theirs.get("enum").forEach(v -> values.add(v.asText()));
            for (Object constant : raw.getEnumConstants()) {
                String v = GenesysJson.MAPPER.convertValue(constant, String.class);
                if (!values.contains(v)) {
                    mismatch(op, at, "ours enum value " + v + " not in contract " + values);
                }
            }
        }
    }

    /**
     * The kind-level difference of one field ({@code null} when the kinds agree; nested models and array items are
     * then compared by recursion).
     */
    private static String fieldProblem(JavaType ours, JsonNode theirs) {
        Class<?> raw = ours.getRawClass();
        String kind = theirs.path("type").asText();
        if (isUntyped(raw)) {
            return null;
        }
        if (isModel(ours)) {
            return "object".equals(kind) ? null : "ours object " + raw.getSimpleName() + ", contract " + Contract.describe(theirs);
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!"array".equals(kind)) {
                return "ours array, contract " + Contract.describe(theirs);
            }
            JavaType item = ours.getContentType();
            return item == null ? null : fieldProblem(item, theirs.get("items")) == null ? null
                    : "ours array of " + simple(item) + ", contract " + Contract.describe(theirs);
        }
        String json = jsonType(raw);
        boolean ok = switch (kind) {
            case "string" -> "string".equals(json);
            case "integer" -> "integer".equals(json) && !("int64".equals(theirs.path("format").asText()) && isInt32(raw));
            // a number of unknown integer-ness (JavaScript declares only "number") may be modelled as an integer
            case "number" -> "number".equals(json) || "integer".equals(json) && !theirs.has("format") && !theirs.has("source");
            case "boolean" -> "boolean".equals(json);
            default -> false;
        };
        if (!ok) {
            return "ours " + simple(ours) + " (" + json + "), contract " + Contract.describe(theirs);
        }
        return null;
    }

    /** A difference of one field of a model pair: reported once, whichever operation reaches it. */
    private void modelMismatch(String op, Class<?> ours, String ref, String field, String what) {
        report.mismatch(op, "spec model " + ours.getSimpleName() + " as " + ref + "." + field + ": " + what,
                "static comparison of our model with the contract");
    }

    private void mismatch(String op, String at, String what) {
        report.mismatch(op, "spec " + op + ": " + at + ": " + what, "static comparison of our model with the contract");
    }

    private static boolean isInt32(Class<?> c) {
        return c == Integer.class || c == int.class || c == Short.class || c == short.class;
    }

    private static String simple(JavaType t) {
        return t.getRawClass().getSimpleName();
    }

    /** The JSON type our Java type is written as. */
    static String jsonType(Class<?> c) {
        if (c == String.class || c.isEnum() || CharSequence.class.isAssignableFrom(c)
            || java.time.temporal.Temporal.class.isAssignableFrom(c) || java.util.Date.class.isAssignableFrom(c)
            || c == java.util.UUID.class || c == java.net.URI.class) {
            return "string";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class || c == Short.class
            || c == short.class || c == java.math.BigInteger.class) {
            return "integer";
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class
            || c == java.math.BigDecimal.class) {
            return "number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        return "object";
    }
}
