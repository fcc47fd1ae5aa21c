package io.camelgenesys.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.notifications.NotificationsAdmin;

/**
 * The HTTP admin surface for standalone users, who cannot call the Java API: {@code /simulator/**}, without
 * authentication, never faulted and never counted.
 * <ul>
 * <li>{@code POST /simulator/faults} with a rule {@code {method,path,status,body,contentType,headers,delayMs,drop,times}};
 * {@code GET} lists the rules; {@code DELETE} removes them all.</li>
 * <li>{@code POST /simulator/tokens/revoke}: revokes every token, or only {@code {"accessToken":"…"}}.</li>
 * <li>{@code POST /simulator/reset}: {@link GenesysSimulator#reset()}.</li>
 * <li>{@code GET /simulator/statistics}: the Statistics service's state; {@code POST /simulator/statistics/publish},
 * {@code /outage} {@code {"durationMs":…}}, {@code /interval} {@code {"intervalMs":…}} and {@code /values}
 * {@code {"name","objectType","objectId","value"}}: the {@link Statistics} switches.</li>
 * <li>{@code /simulator/messaging/**}: Digital Channels' channels, webhook deliveries and dispatcher
 * ({@link DigitalChannelsAdmin}).</li>
 * </ul>
 */
final class AdminEndpoints {

    static final String PREFIX = "/simulator";

    private final GenesysSimulator sim;

    AdminEndpoints(GenesysSimulator sim) {
        this.sim = sim;
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    ApiResponse handle(String method, String path, byte[] body) {
        try {
            if (UdmAdmin.handles(path)) {
                return UdmAdmin.handle(sim.udm(), method, path, body);
            }
            if (NotificationsAdmin.handles(path)) {
                return NotificationsAdmin.handle(sim.notifications(), method, path, body);
            }
            return switch (path) {
                case PREFIX + "/faults" -> switch (method) {
                    case "POST" -> ApiResponse.created(describe(addRule(parse(body))));
                    case "GET" -> listRules();
                    case "DELETE" -> {
                        sim.faults().clear();
                        yield ApiResponse.noContent();
                    }
                    default -> notAllowed("GET, POST, DELETE");
                };
                case PREFIX + "/tokens/revoke" -> "POST".equals(method) ? revoke(body) : notAllowed("POST");
                case PREFIX + "/reset" -> {
                    if (!"POST".equals(method)) {
                        yield notAllowed("POST");
                    }
                    sim.reset();
                    yield ApiResponse.noContent();
                }
                case PREFIX + "/statistics" -> "GET".equals(method) ? statistics() : notAllowed("GET");
                case PREFIX + "/statistics/publish" -> "POST".equals(method)
                        ? ApiResponse.ok(Json.object().put("published", sim.statistics().publishUpdates()))
                        : notAllowed("POST");
                case PREFIX + "/statistics/outage" -> {
                    if (!"POST".equals(method)) {
                        yield notAllowed("POST");
                    }
                    sim.statistics().outage(Duration.ofMillis(requiredLong(parse(body), "durationMs")));
                    yield ApiResponse.noContent();
                }
                case PREFIX + "/statistics/interval" -> {
                    if (!"POST".equals(method)) {
                        yield notAllowed("POST");
                    }
                    sim.statistics().setUpdateInterval(Duration.ofMillis(requiredLong(parse(body), "intervalMs")));
                    yield ApiResponse.noContent();
                }
                case PREFIX + "/statistics/values" -> "POST".equals(method) ? setValue(parse(body)) : notAllowed("POST");
                default -> DigitalChannelsAdmin.handles(path)
                        ? DigitalChannelsAdmin.handle(sim.digitalChannels(), method, path,
                                body.length == 0 ? Json.object() : parse(body))
                        : error(404, "not.found", "No admin resource at " + path);
            };
        } catch (ApiException e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, "bad.request", e.getMessage());
        }
    }

    private FaultRule addRule(JsonNode json) {
        if (!(json instanceof ObjectNode rule)) {
            throw ApiException.badRequest("A fault rule must be a JSON object");
        }
        String path = text(rule, "path");
        if (path == null) {
            throw ApiException.badRequest("path is required");
        }
        String method = text(rule, "method");
        // Configured before it is added, so that a rule with a bad field never takes effect.
        FaultRule fault = new FaultRule(method == null ? "*" : method, path);
        if (rule.hasNonNull("status")) {
            fault.status(rule.get("status").asInt());
        }
        // The body is usually a string (possibly malformed JSON on purpose); a JSON value is taken as written.
        JsonNode bodyNode = rule.get("body");
        String faultBody = bodyNode == null || bodyNode.isNull() ? null
                : bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
        if (faultBody != null) {
            String contentType = text(rule, "contentType");
            fault.body(faultBody, contentType == null ? ApiResponse.JSON : contentType);
        }
        JsonNode headers = rule.get("headers");
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> header = it.next();
                if (header.getValue().isArray()) {
                    header.getValue().forEach(v -> fault.header(header.getKey(), v.asText()));
                } else {
                    fault.header(header.getKey(), header.getValue().asText());
                }
            }
        }
        if (rule.hasNonNull("delayMs")) {
            fault.delay(Duration.ofMillis(rule.get("delayMs").asLong()));
        }
        if (rule.path("drop").asBoolean(false)) {
            fault.drop();
        }
        if (rule.hasNonNull("times")) {
            fault.times(rule.get("times").asInt());
        }
        sim.faults().add(fault);
        return fault;
    }

    private ApiResponse listRules() {
        ArrayNode rules = Json.array();
        sim.faults().rules().forEach(rule -> rules.add(describe(rule)));
        return ApiResponse.ok(Json.object().set("rules", rules));
    }

    private ObjectNode describe(FaultRule rule) {
        ObjectNode node = Json.object();
        node.put("method", rule.method());
        node.put("path", rule.pathPattern());
        node.put("remaining", rule.remaining());
        node.put("active", rule.isActive());
        node.put("hits", sim.faults().hits(rule.method(), rule.pathPattern()));
        return node;
    }

    private ApiResponse revoke(byte[] body) {
        JsonNode json = body.length == 0 ? Json.object() : parse(body);
        String token = text(json, "accessToken");
        if (token == null) {
            sim.tokens().revokeAll();
            return ApiResponse.ok(Json.object().put("revoked", "all"));
        }
        return ApiResponse.ok(Json.object().put("revoked", sim.tokens().revoke(token) ? 1 : 0));
    }

    private ApiResponse statistics() {
        Statistics statistics = sim.statistics();
        ObjectNode node = Json.object();
        node.put("available", statistics.isAvailable());
        node.put("updateIntervalMs", statistics.updateInterval().toMillis());
        ArrayNode ids = node.putArray("subscriptionIds");
        statistics.subscriptionIds().stream().sorted().forEach(ids::add);
        node.put("published", statistics.published().size());
        return ApiResponse.ok(node);
    }

    private ApiResponse setValue(JsonNode json) {
        String name = text(json, "name");
        String objectType = text(json, "objectType");
        String objectId = text(json, "objectId");
        if (name == null || objectType == null || objectId == null || !json.has("value")) {
            throw ApiException.badRequest("name, objectType, objectId and value are required");
        }
        sim.statistics().setValue(name, objectType, objectId, json.get("value"));
        return ApiResponse.noContent();
    }

    private static long requiredLong(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ApiException.badRequest(field + " is required and must be an integer");
        }
        return value.asLong();
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The request body is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ApiResponse notAllowed(String allowed) {
        return error(405, "method.not.allowed", "Allowed methods: " + allowed).header("Allow", allowed);
    }

    private static ApiResponse error(int status, String code, String message) {
        return ApiResponse.json(status, ErrorBodies.cloud(status, code, message));
    }
}
