package io.camelgenesys.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract extracted from Genesys' SDKs ({@code contract/}, written to camel-genesys-core's test resources), read
 * from the source tree: the simulator cannot depend on camel-genesys-core's test-jar (core tests against the
 * simulator). Checks a JSON value against a model: every field the simulator sends must be one of the model's, of
 * its JSON type, format and enum values, recursively.
 */
final class SdkContract {

    final JsonNode root;

    private SdkContract(JsonNode root) {
        this.root = root;
    }

    static SdkContract load(String name) throws Exception {
        Path file = Path.of("..", "camel-genesys-core", "src", "test", "resources", "contract", name + ".json");
        return new SdkContract(Json.parse(Files.readAllBytes(file)));
    }

    /** @return the differences between the value and the model, each naming the JSON path */
    List<String> check(JsonNode value, String model, String where) {
        List<String> problems = new ArrayList<>();
        checkModel(value, model, where, problems);
        return problems;
    }

    private void checkModel(JsonNode value, String model, String where, List<String> problems) {
        JsonNode m = root.path("models").get(model);
        if (m == null) {
            problems.add(where + ": no model " + model + " in the contract");
            return;
        }
        if (!value.isObject()) {
            problems.add(where + ": " + model + " must be an object, got " + value.getNodeType());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode type = m.path("fields").get(f.getKey());
            if (type == null) {
                problems.add(where + "." + f.getKey() + ": not a field of " + model);
            } else {
                checkType(f.getValue(), type, where + "." + f.getKey(), problems);
            }
        }
    }

    private void checkType(JsonNode value, JsonNode type, String where, List<String> problems) {
        if (value.isNull()) {
            return;
        }
        String t = type.path("type").asText();
        switch (t) {
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": must be a string, got " + value);
                    return;
                }
                if (type.has("enum")) {
                    boolean found = false;
                    for (JsonNode e : type.get("enum")) {
                        found |= e.asText().equals(value.asText());
                    }
                    if (!found) {
                        problems.add(where + ": " + value + " is not one of " + type.get("enum"));
                    }
                }
                if ("date-time".equals(type.path("format").asText())) {
                    try {
                        OffsetDateTime.parse(value.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(where + ": not a date-time: " + value);
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": must be an integer, got " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(where + ": must be a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": must be a boolean, got " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": must be an array, got " + value);
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    checkType(item, type.get("items"), where + "[" + i++ + "]", problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(where + ": must be an object (map), got " + value);
                    return;
                }
                value.fields().forEachRemaining(e -> checkType(e.getValue(), type.get("values"),
                        where + "." + e.getKey(), problems));
            }
            case "object" -> {
                if (type.has("ref")) {
                    checkModel(value, type.get("ref").asText(), where, problems);
                } else if (!value.isObject()) {
                    problems.add(where + ": must be an object, got " + value);
                }
            }
            default -> problems.add(where + ": unknown contract type " + type);
        }
    }
}
