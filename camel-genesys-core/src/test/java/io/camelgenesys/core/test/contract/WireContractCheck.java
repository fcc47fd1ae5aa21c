package io.camelgenesys.core.test.contract;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * Checks what really went over the wire between a component and the simulator against a contract. A test drives each
 * operation through a Camel route whose endpoint talks to the simulator through a {@link ContractRecorder}, inside
 * {@link #drive}; every recorded exchange of that operation is then validated:
 * <ul>
 * <li>query parameters: names the contract operation has; a {@code multi} parameter given several values must be
 * repeated, a {@code single}/{@code csv} one must not;</li>
 * <li>an accepted (2xx) request body validates against the contract's body model, a 2xx response body against its
 * response model: JSON types, enum values, contract-required fields, no field the model lacks.</li>
 * </ul>
 * {@link #expectAccepted} also sends a body cut down to the contract-required fields ({@link #minimal}): a body the
 * contract allows must not be refused. Keys of the differences start with {@code "wire "}.
 */
public final class WireContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Contract contract;
    private final ContractReport report;
    private final ContractRecorder recorder;
    private final SpecContractCheck specs;
    private final Set<String> validated = new TreeSet<>();
    private final Map<String, Set<String>> multiExercised = new LinkedHashMap<>();

    public WireContractCheck(Contract contract, ContractReport report, ContractRecorder recorder) {
        this.contract = contract;
        this.report = report;
        this.recorder = recorder;
        this.specs = new SpecContractCheck(contract, report);
    }

    /**
     * Runs {@code call} (one or more exchanges through a route) and validates every recorded exchange whose path is
     * the operation's. Returns what the call returned; an exception of the call propagates.
     */
    public <T> T drive(String operation, OperationSpec spec, Callable<T> call) throws Exception {
        int before = recorder.exchanges().size();
        T result = call.call();
        List<ContractRecorder.Exchange> all = recorder.exchanges();
        for (ContractRecorder.Exchange ex : all.subList(before, all.size())) {
            if (matches(spec, ex)) {
                check(operation, spec, ex);
            }
        }
        return result;
    }

    /**
     * Sends {@code body} cut down to the fields the contract requires, through {@code call}; a refusal, by the
     * component before sending or by the simulator, is a difference (unless seed-only {@code <operation>.minimal}).
     */
    public void expectAccepted(String operation, OperationSpec spec, JsonNode fullBody,
                               java.util.function.Function<JsonNode, Object> call) {
        JsonNode op = specs.contractOperation(spec);
        if (op == null || op.path("body").isNull() || op.path("body").isMissingNode()) {
            return;
        }
        expectAccepted(operation, spec, fullBody, op.get("body"), call);
    }

    /**
     * As {@link #expectAccepted(String, OperationSpec, JsonNode, java.util.function.Function)}, for an input whose
     * shape is {@code inputType} rather than the operation's body (e.g. the list of contacts a bulk operation
     * batches into {@code {"entities":[...]}}).
     */
    public void expectAccepted(String operation, OperationSpec spec, JsonNode fullBody, JsonNode inputType,
                               java.util.function.Function<JsonNode, Object> call) {
        JsonNode minimal = minimal(fullBody, inputType);
        int before = recorder.exchanges().size();
        String refusal = null;
        try {
            call.apply(minimal);
        } catch (Exception e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            refusal = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        List<ContractRecorder.Exchange> all = recorder.exchanges();
        boolean sent = all.subList(before, all.size()).stream().anyMatch(ex -> matches(spec, ex));
        if (refusal != null && report.seedOnly(operation + ".minimal") == null) {
            report.mismatch(operation, "wire " + operation + ": refuses a body with only the contract-required fields"
                                       + " (" + (sent ? "the simulator answered an error" : "the component refused it before sending") + ")",
                    "sent " + minimal + " -> " + refusal);
        }
    }

    /**
     * {@code body} with only the fields the contract requires (of the body, or of each item when it is a list); the
     * values of those fields are kept whole, as required-ness is not applied to nested references.
     */
    public JsonNode minimal(JsonNode body, JsonNode type) {
        if (body == null || type == null) {
            return body;
        }
        String kind = type.path("type").asText();
        if ("array".equals(kind) && body.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            body.forEach(item -> out.add(minimal(item, type.get("items"))));
            return out;
        }
        if ("object".equals(kind) && type.has("ref") && body.isObject()) {
            String ref = type.get("ref").asText();
            ObjectNode out = JSON.createObjectNode();
            for (String r : contract.required(ref)) {
                if (body.has(r)) {
                    out.set(r, body.get(r));
                }
            }
            return out;
        }
        return body;
    }

    private static boolean matches(OperationSpec spec, ContractRecorder.Exchange ex) {
        if (!spec.method().equalsIgnoreCase(ex.method())) {
            return false;
        }
        String[] t = spec.pathTemplate().split("/");
        String[] p = ex.path().split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private void check(String name, OperationSpec spec, ContractRecorder.Exchange ex) {
        JsonNode op = specs.contractOperation(spec);
        if (op == null) {
            if (report.seedOnly(name) == null) {
                report.mismatch(name, "wire " + name + ": no contract operation for " + ex.method() + " " + spec.pathTemplate(),
                        ex.toString());
            }
            return;
        }
        report.matched(name);
        report.exchangeChecked();
        Map<String, JsonNode> params = new LinkedHashMap<>();
        op.path("queryParams").forEach(q -> params.put(q.path("name").asText(), q));
        for (Map.Entry<String, List<String>> q : ex.query().entrySet()) {
            JsonNode param = params.get(q.getKey());
            if (param == null) {
                if (report.seedOnly(name + ".query." + q.getKey()) == null) {
                    report.mismatch(name, "wire " + name + ": sends query parameter " + q.getKey() + " that "
                                          + op.path("operationId").asText() + " does not have", ex.toString());
                }
                continue;
            }
            String format = param.path("format").asText("single");
            List<String> values = q.getValue();
            if ("multi".equals(format)) {
                if (values.size() > 1) {
                    multiExercised.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(q.getKey());
                } else if (values.get(0).contains(",")) {
                    multiExercised.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(q.getKey());
                    report.mismatch(name, "wire query " + q.getKey() + ": sent as one comma-joined value, contract format"
                                          + " multi (the parameter repeated)", ex.toString());
                }
            } else if (values.size() > 1) {
                report.mismatch(name, "wire query " + q.getKey() + ": repeated, contract format " + format, ex.toString());
            }
            if (param.has("enum")) {
                Set<String> allowed = new LinkedHashSet<>();
                param.get("enum").forEach(v -> allowed.add(v.asText()));
                for (String v : values) {
                    if (!allowed.contains(v)) {
                        report.mismatch(name, "wire query " + q.getKey() + ": value '" + v + "' not in " + allowed, ex.toString());
                    }
                }
            }
            report.valueChecked();
        }
        if (ex.status() < 200 || ex.status() > 299) {
            return;
        }
        validated.add(name);
        JsonNode body = op.get("body");
        if (ex.requestBody().length > 0 && body != null && !body.isNull()) {
            validate(name, "request", parse(name, "request", ex.requestBody()), body, "$", name + " body");
        }
        JsonNode response = op.get("response");
        if (ex.responseBody().length > 0) {
            JsonNode value = parse(name, "response", ex.responseBody());
            if (response == null || response.isNull()) {
                if (value != null && !(value.isObject() && value.isEmpty())) {
                    report.mismatch(name, "wire " + name + ": response has a body, contract none", ex.toString());
                }
            } else {
                validate(name, "response", value, response, "$", name + " response");
            }
        }
    }

    private JsonNode parse(String name, String what, byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (Exception e) {
            report.mismatch(name, "wire " + name + ": " + what + " is not JSON", e.getMessage());
            return null;
        }
    }

    /**
     * Validates a JSON value against a contract type. A difference is keyed by {@code owner} (the model field the
     * value is in, {@code Model.field}, or the operation's body/response at the root) and the direction (request:
     * the component sent it; response: the simulator produced it), so one difference is one entry, whichever
     * operations show it.
     */
    public void validate(String name, String what, JsonNode value, JsonNode type, String path, String owner) {
        if (value == null || value.isNull() || type == null) {
            return;
        }
        report.valueChecked();
        String kind = type.path("type").asText();
        String problem = switch (kind) {
            case "string" -> value.isTextual() ? enumProblem(value, type) : "a " + value.getNodeType() + ", contract string";
            case "integer" -> !value.isIntegralNumber() ? "a " + value.getNodeType() + ", contract integer"
                    : "int32".equals(type.path("format").asText()) && !value.canConvertToInt() ? "out of int32 range" : null;
            case "number" -> value.isNumber() ? null : "a " + value.getNodeType() + ", contract number";
            case "boolean" -> value.isBoolean() ? null : "a " + value.getNodeType() + ", contract boolean";
            case "array" -> value.isArray() ? null : "a " + value.getNodeType() + ", contract " + Contract.describe(type);
            case "map" -> value.isObject() ? null : "a " + value.getNodeType() + ", contract " + Contract.describe(type);
            case "object" -> type.has("ref") && !value.isObject() ? "a " + value.getNodeType() + ", contract " + Contract.describe(type) : null;
            default -> null;
        };
        if (problem != null) {
            if (problem.startsWith("value '") && (report.seedOnly(owner + "=" + value.asText()) != null
                                                  || report.amendment(owner + "=" + value.asText()) != null)) {
                return;
            }
            report.mismatch(name, "wire " + what + " " + owner + ": " + problem, path + " = " + abbreviate(value));
            return;
        }
        switch (kind) {
            case "array" -> value.forEach(item -> validate(name, what, item, type.get("items"), path + "[]", owner));
            case "map" -> value.fields().forEachRemaining(e -> validate(name, what, e.getValue(), type.get("values"), path + ".*", owner));
            case "object" -> {
                if (type.has("ref")) {
                    validateModel(name, what, value, type.get("ref").asText(), path);
                }
            }
            default -> {
            }
        }
    }

    private void validateModel(String name, String what, JsonNode value, String ref, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode field = contract.field(ref, e.getKey());
            if (field == null) {
                if (report.seedOnly(ref + "." + e.getKey()) == null) {
                    report.mismatch(name, "wire " + what + " " + ref + "." + e.getKey() + ": not a field of " + ref,
                            path + "." + e.getKey() + " = " + abbreviate(e.getValue()));
                }
                continue;
            }
            validate(name, what, e.getValue(), field, path + "." + e.getKey(), ref + "." + e.getKey());
        }
        // Required fields are checked on the body itself and on the items of its top-level lists (entities,
        // results): the SDK models mark fields required for whole entities, which Genesys does not apply to the
        // references nested in them (a Relationship's user is {id}, while User requires a version).
        if (!path.equals("$") && !path.matches("\\$\\.\\w+\\[]")) {
            return;
        }
        for (String r : contract.required(ref)) {
            if (!value.hasNonNull(r) && report.seedOnly(ref + "." + r + ":optional") == null) {
                report.mismatch(name, "wire " + what + " " + ref + "." + r + ": missing, required by " + ref,
                        path + " = " + abbreviate(value));
            }
        }
    }

    /**
     * Compares the JSON a component sent with what the official client sent for the same call (a contract's
     * {@code observed} body, where the client types the body only as an object): every field path we send, the
     * client sent ({@code data.statistics[].name}), unless seed-only {@code <operation>.body.<path>}; and every path
     * the client sent, we send.
     */
    public void compareWithObserved(String name, ContractRecorder.Exchange ex, JsonNode observed) {
        if (ex.requestBody().length == 0 || observed == null || observed.isNull()) {
            return;
        }
        report.exchangeChecked();
        Set<String> ours = new TreeSet<>();
        paths(parse(name, "request", ex.requestBody()), "", ours);
        Set<String> theirs = new TreeSet<>();
        paths(observed, "", theirs);
        for (String path : ours) {
            report.valueChecked();
            if (!theirs.contains(path) && report.seedOnly(name + ".body." + path) == null) {
                report.mismatch(name, "wire " + name + ": sends " + path + ", the official client does not",
                        ex + " client sent " + theirs);
            }
        }
        for (String path : theirs) {
            if (!ours.contains(path)) {
                report.mismatch(name, "wire " + name + ": does not send " + path + ", the official client does",
                        ex + " sent " + ours);
            }
        }
    }

    private static void paths(JsonNode node, String prefix, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                paths(e.getValue(), p, out);
            });
        } else if (node.isArray()) {
            node.forEach(item -> paths(item, prefix + "[]", out));
        }
    }

    private static String enumProblem(JsonNode value, JsonNode type) {
        if (!type.has("enum")) {
            return null;
        }
        for (JsonNode v : type.get("enum")) {
            if (v.asText().equals(value.asText())) {
                return null;
            }
        }
        return "value '" + value.asText() + "' not in enum " + type.get("enum");
    }

    private static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * Fails the check (as differences) for every operation of the platform, other than {@code skipped}, that no
     * accepted exchange validated, and for every {@code multi} query parameter an operation sends that was never
     * given two values (its format would go unchecked).
     */
    public <O extends Enum<O> & GenesysOperation> void requireCoverage(Class<O> operations, GenesysPlatform platform,
                                                                        Set<String> skipped) {
        for (O op : operations.getEnumConstants()) {
            OperationSpec spec = op.spec(platform);
            if (spec == null || skipped.contains(op.name())) {
                continue;
            }
            JsonNode contractOp = specs.contractOperation(spec);
            if (contractOp == null) {
                continue;
            }
            if (!validated.contains(op.name())) {
                report.mismatch(op.name(), "wire " + op.name() + ": not exercised",
                        "the contract test must drive every operation to an accepted exchange");
                continue;
            }
            List<String> unexercised = new ArrayList<>();
            for (JsonNode q : contractOp.path("queryParams")) {
                String qn = q.path("name").asText();
                if ("multi".equals(q.path("format").asText()) && spec.queryParams().contains(qn)
                    && !multiExercised.getOrDefault(op.name(), Set.of()).contains(qn)) {
                    unexercised.add(qn);
                }
            }
            if (!unexercised.isEmpty()) {
                report.mismatch(op.name(), "wire " + op.name() + ": multi query parameters never given two values " + unexercised,
                        "give each two values in the contract test so that their wire format is checked");
            }
        }
    }
}
