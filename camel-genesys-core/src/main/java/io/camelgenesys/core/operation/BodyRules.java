package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysJson;

/**
 * The documented rules of one request body, checked on its JSON form before any request so that a route gets every
 * violation at once, each naming the field and the rule. An operation row declares them with
 * {@link OperationSpec#rules(BodyRules)}; each module keeps its limits in one class (e.g. {@code ContactsLimits}), so
 * every module validates the same way.
 * <p>
 * Rules made with {@link #typed} also check the JSON type of every field against the model class the body stands for
 * (text, whole number, true/false, list, object, recursively), so that no field has to be listed only for its type; a
 * field of the wrong type is reported once, by that check, and the other rules say nothing more about it.
 */
public final class BodyRules {

    /** One rule on a body: adds a message per violation, field names prefixed with {@code path}. */
    @FunctionalInterface
    public interface Rule {
        void check(JsonNode body, String path, List<String> violations);
    }

    private final JavaType model;
    private final List<Rule> rules;

    private BodyRules(JavaType model, List<Rule> rules) {
        this.model = model;
        this.rules = rules;
    }

    public static BodyRules of(Rule... rules) {
        return new BodyRules(null, List.of(rules));
    }

    /**
     * Rules of a body that stands for {@code model}: the JSON type of every field the model declares is checked
     * (derived from the class, as Jackson reads it: a {@code String} field must be text, a {@code Boolean} true or
     * false, an {@code Integer} a 32-bit whole number, a {@code Long} a whole number, a {@code List} a list of its
     * items' type, a model or {@code Map} an object), then the given rules.
     */
    public static BodyRules typed(Class<?> model, Rule... rules) {
        return new BodyRules(GenesysJson.MAPPER.constructType(model), List.of(rules));
    }

    /** These rules and more (of the same model, when typed). */
    public BodyRules and(Rule... more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(Arrays.asList(more));
        return new BodyRules(model, List.copyOf(all));
    }

    /** The violations of a body (empty when it is valid). */
    public List<String> violations(JsonNode body) {
        List<String> violations = new ArrayList<>();
        check(body, "", violations);
        return violations;
    }

    /** Throws, naming the operation, every broken rule and its field, when the body breaks any rule. */
    public void validate(String operation, JsonNode body) {
        List<String> violations = violations(body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(operation + ": " + String.join("; ", violations));
        }
    }

    void check(JsonNode body, String path, List<String> violations) {
        if (body == null || !body.isObject()) {
            violations.add((path.isEmpty() ? "the body" : path.substring(0, path.length() - 1))
                           + " must be a JSON object");
            return;
        }
        if (model == null) {
            for (int i = 0; i < rules.size(); i++) {
                rules.get(i).check(body, path, violations);
            }
            return;
        }
        List<String> wrongType = new ArrayList<>();
        JsonTypes.check(model, body, path, violations, wrongType);
        int more = violations.size();
        for (int i = 0; i < rules.size(); i++) {
            rules.get(i).check(body, path, violations);
        }
        if (!wrongType.isEmpty()) {
            // a field of the wrong type is reported once, by the type check
            violations.subList(more, violations.size()).removeIf(violation -> about(violation, wrongType));
        }
    }

    /** Whether a message is about one of the fields (or what is inside it): it starts with the field's path. */
    private static boolean about(String violation, List<String> fields) {
        for (String f : fields) {
            if (violation.startsWith(f) && violation.length() > f.length()
                && " .[".indexOf(violation.charAt(f.length())) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pragmatic address check (what Genesys calls "valid email format"): one {@code @} with text before it, no
     * whitespace, and a dot inside the domain with text on both sides; the regular expression
     * {@code ^[^@\s]+@[^@\s]+\.[^@\s]+$}, written out so that no matcher is made per field.
     */
    static boolean isEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || s.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        int dot = s.indexOf('.', at + 2);
        return dot >= 0 && dot < s.length() - 1;
    }

    private static JsonNode value(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** Text of at most {@code max} characters (at least {@code min} when present); required or not. */
    public static Rule text(String field, int min, int max, boolean required) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null) {
                if (required) {
                    violations.add(path + field + " is required");
                }
                return;
            }
            if (!v.isTextual()) {
                violations.add(path + field + " must be text");
                return;
            }
            int length = v.asText().strip().length();
            if (length < min || length > max) {
                violations.add(path + field + " must be " + (min > 0 ? "between " + min + " and " + max
                        : "at most " + max) + " characters, was " + length);
            }
        };
    }

    /** Optional text of at most {@code max} characters. */
    public static Rule text(String field, int max) {
        return text(field, 0, max, false);
    }

    /** A well-formed email address of at most 256 characters (seed 003). */
    public static Rule email(String field) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null) {
                return;
            }
            String s = v.asText().strip();
            if (!v.isTextual() || s.length() > 256) {
                violations.add(path + field + " must be an email address of at most 256 characters, was "
                               + (v.isTextual() ? s.length() + " characters" : v.getNodeType().toString().toLowerCase()));
            } else if (!isEmail(s)) {
                violations.add(path + field + " must be a valid email address, was '" + s + "'");
            }
        };
    }

    /** A list of {@code min} to {@code max} items; required or not. */
    public static Rule list(String field, int min, int max, boolean required) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null) {
                if (required) {
                    violations.add(path + field + " is required (" + min + " to " + max + " items)");
                }
                return;
            }
            if (!v.isArray()) {
                violations.add(path + field + " must be a list");
            } else if (v.size() < min || v.size() > max) {
                violations.add(path + field + " must have " + (max == Integer.MAX_VALUE
                        ? "at least " + min + (min == 1 ? " item" : " items")
                        : min > 0 ? "between " + min + " and " + max + " items" : "at most " + max + " items")
                               + ", was " + v.size());
            }
        };
    }

    /** One of the given values (case-sensitive, as Genesys compares them). */
    public static Rule oneOf(String field, boolean required, String... values) {
        List<String> allowed = List.of(values);
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null) {
                if (required) {
                    violations.add(path + field + " is required (one of " + String.join(", ", allowed) + ")");
                }
            } else if (!allowed.contains(v.asText())) {
                violations.add(path + field + " must be one of " + String.join(", ", allowed) + ", was '" + v.asText()
                               + "'");
            }
        };
    }

    /** A present, non-null field of any type. */
    public static Rule required(String field) {
        return (body, path, violations) -> {
            if (value(body, field) == null) {
                violations.add(path + field + " is required");
            }
        };
    }

    /** An object field checked with its own rules (when present, or always when required). */
    public static Rule object(String field, boolean required, BodyRules rules) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null) {
                if (required) {
                    violations.add(path + field + " is required");
                }
                return;
            }
            rules.check(v, path + field + ".", violations);
        };
    }

    /** Each item of a list field checked with its own rules. */
    public static Rule each(String field, BodyRules rules) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v != null && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    rules.check(v.get(i), path + field + "[" + i + "].", violations);
                }
            }
        };
    }

    /** An object field that, when present, has at least one of the sub-fields. */
    public static Rule anyOf(String field, String... subFields) {
        return (body, path, violations) -> {
            JsonNode v = value(body, field);
            if (v == null || !v.isObject()) {
                return;
            }
            for (String s : subFields) {
                if (value(v, s) != null) {
                    return;
                }
            }
            violations.add(path + field + " needs " + String.join(" or ", subFields) + " (or both)");
        };
    }

    /** At most {@code max} items in the named list fields together; a field may be nested ({@code assign.segments}). */
    public static Rule totalItems(int max, String... fields) {
        return (body, path, violations) -> {
            int n = 0;
            for (String f : fields) {
                JsonNode v = body;
                for (String part : f.split("\\.")) {
                    v = v == null || !v.isObject() ? null : value(v, part);
                }
                n += v == null ? 0 : v.isArray() ? v.size() : 1;
            }
            if (n > max) {
                violations.add(path + String.join(" + ", fields) + " must have at most " + max + " items together, was "
                               + n);
            }
        };
    }
}
