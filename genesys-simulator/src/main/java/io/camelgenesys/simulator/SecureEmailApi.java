package io.camelgenesys.simulator;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of {@link SecureEmail}: the Secure Email API of seed 002 ({@code /nexus/v3/securemail}, L3357-4727).
 * <ul>
 * <li>{@code GET /securemail?address=&status=all|read|unread&index=0&count=10&securebox=} → {@code data}: the page of
 * emails, oldest first; 404 when the contact database does not know the address;</li>
 * <li>{@code POST /securemail?securebox=} with {@code {"data":{…},"operationId"?}} → {@code secureMailId},
 * {@code selfUri};</li>
 * <li>{@code GET /securemail/count?address=&status=&securebox=} → {@code data.count};</li>
 * <li>{@code GET /securemail/{secureMailId}?read=} → {@code secureMail}; {@code read=true} marks it read and stops the
 * inbound interaction from routing;</li>
 * <li>{@code DELETE /securemail/{secureMailId}?remove=read|delete|purge} (also the deprecated {@code true} and empty
 * value, both {@code read}) → {@code secureMail};</li>
 * <li>{@code GET /securemail/{secureMailId}/userdata} → {@code data}: the userdata.</li>
 * </ul>
 * Every answer is the API's {@code genericResponse}: {@code {"referenceId","operationId"?,"status":{"code":"SUCCESS",
 * "message"?,"detail"?}}} with its <em>string</em> status codes. An error the API itself finds is 400
 * {@code INVALID_PARAMETER} or 404 {@code FAILURE} in that shape; the gateway's refusals before it ({@code x-api-key}
 * 403, bearer 401, rate limit 429, fault switchboard) keep the shapes every Multicloud path has.
 */
final class SecureEmailApi {

    static final String BASE = DigitalChannels.BASE_PATH + "/securemail";
    /** "contains only A-Z, a-z, 0-9, and must be from 3 to 16 characters long" (L3425-3430). */
    private static final Pattern SECUREBOX = Pattern.compile("[A-Za-z0-9]{3,16}");
    private static final List<String> STATUSES = List.of("all", "read", "unread");

    private final SecureEmail store;

    private SecureEmailApi(SecureEmail store) {
        this.store = store;
    }

    static void register(Routes routes, SecureEmail store) {
        SecureEmailApi api = new SecureEmailApi(store);
        routes.add("GET", BASE, Auth.MULTICLOUD, inShape(api::list));
        routes.add("POST", BASE, Auth.MULTICLOUD, inShape(api::create));
        routes.add("GET", BASE + "/count", Auth.MULTICLOUD, inShape(api::count));
        routes.add("GET", BASE + "/{secureMailId}", Auth.MULTICLOUD, inShape(api::get));
        routes.add("DELETE", BASE + "/{secureMailId}", Auth.MULTICLOUD, inShape(api::delete));
        routes.add("GET", BASE + "/{secureMailId}/userdata", Auth.MULTICLOUD, inShape(api::userData));
    }

    /** Renders the errors the API finds in its own {@code genericResponse} shape instead of the Multicloud one. */
    private static RouteHandler inShape(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (ApiException e) {
                ObjectNode body = response(e.status() == 400 ? "INVALID_PARAMETER" : "FAILURE", null);
                ((ObjectNode) body.get("status")).put("message", e.getMessage());
                return ApiResponse.json(e.status(), body);
            }
        };
    }

    private ApiResponse list(ApiRequest request) {
        String address = request.requiredQuery("address");
        String status = status(request);
        int index = request.queryInt("index", 0);
        int count = request.queryInt("count", 10);
        if (index < 0) {
            throw ApiException.badRequest("Query parameter 'index' must be 0 or more, got " + index);
        }
        if (count < 1) {
            throw ApiException.badRequest("Query parameter 'count' must be 1 or more, got " + count);
        }
        List<ObjectNode> page = store.list(address, securebox(request), status, index, count);
        if (page == null) {
            throw unknownAddress(address);
        }
        ObjectNode body = response("SUCCESS", null);
        ArrayNode data = body.putArray("data");
        page.forEach(data::add);
        return ApiResponse.ok(body);
    }

    private ApiResponse create(ApiRequest request) {
        String securebox = securebox(request);
        ObjectNode body = request.jsonObject();
        JsonNode operationId = body.get("operationId");
        if (operationId != null && !operationId.isNull() && !operationId.isTextual()) {
            throw ApiException.badRequest("operationId must be a string");
        }
        ObjectNode data = Checks.object(body, "data", true);
        Checks.text(data, "emailAddress", 1, 256, true);
        Checks.email(data, "emailAddress");
        for (String field : List.of("firstName", "lastName", "subject", "text")) {
            Checks.text(data, field, Integer.MAX_VALUE);
        }
        Checks.object(data, "userData", false);
        ObjectNode mail = store.receive(securebox, data);
        ObjectNode answer = response("SUCCESS", operationId == null || operationId.isNull() ? null : operationId.asText());
        answer.put("secureMailId", mail.get("secureMailId").asText());
        answer.put("selfUri", BASE + "/" + mail.get("secureMailId").asText());
        return ApiResponse.ok(answer);
    }

    private ApiResponse count(ApiRequest request) {
        String address = request.requiredQuery("address");
        Integer count = store.count(address, securebox(request), status(request));
        if (count == null) {
            throw unknownAddress(address);
        }
        ObjectNode body = response("SUCCESS", null);
        body.putObject("data").put("count", count);
        return ApiResponse.ok(body);
    }

    private ApiResponse get(ApiRequest request) {
        String id = DigitalChannels.pathSegment(request, "secureMailId");
        ObjectNode mail = store.read(id, Checks.boolParam(request, "read", false));
        return ApiResponse.ok(withSecureMail(required(mail, id)));
    }

    private ApiResponse delete(ApiRequest request) {
        String id = DigitalChannels.pathSegment(request, "secureMailId");
        String remove = request.query("remove");
        SecureEmail.Removal removal = switch (remove == null ? "" : remove) {
            // "true" and the empty value are the deprecated spellings of "read" (L4383-4394)
            case "", "read", "true" -> SecureEmail.Removal.READ;
            case "delete" -> SecureEmail.Removal.DELETE;
            case "purge" -> SecureEmail.Removal.PURGE;
            default -> throw ApiException.badRequest("Query parameter 'remove' must be read, delete or purge, got '"
                    + remove + "'");
        };
        return ApiResponse.ok(withSecureMail(required(store.remove(id, removal), id)));
    }

    private ApiResponse userData(ApiRequest request) {
        String id = DigitalChannels.pathSegment(request, "secureMailId");
        ObjectNode userData = required(store.userData(id), id);
        ObjectNode body = response("SUCCESS", null);
        body.set("data", userData);
        return ApiResponse.ok(body);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ObjectNode withSecureMail(ObjectNode mail) {
        ObjectNode body = response("SUCCESS", null);
        body.set("secureMail", mail);
        return body;
    }

    private static ObjectNode required(ObjectNode found, String id) {
        if (found == null) {
            throw ApiException.notFound("Secure email " + id + " not found");
        }
        return found;
    }

    private static ApiException unknownAddress(String address) {
        return ApiException.notFound("No contact with the email address " + address);
    }

    /** {@code genericResponse}: a fresh {@code referenceId}, the request's {@code operationId} if any, the status. */
    private static ObjectNode response(String code, String operationId) {
        ObjectNode body = Json.object();
        body.put("referenceId", UUID.randomUUID().toString());
        if (operationId != null) {
            body.put("operationId", operationId);
        }
        body.putObject("status").put("code", code);
        return body;
    }

    private static String status(ApiRequest request) {
        String status = request.query("status", "all");
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("Query parameter 'status' must be unread, read or all, got '" + status + "'");
        }
        return status;
    }

    private static String securebox(ApiRequest request) {
        String securebox = request.query("securebox");
        if (securebox == null || securebox.isEmpty()) {
            return null;
        }
        if (!SECUREBOX.matcher(securebox).matches()) {
            throw ApiException.badRequest("Query parameter 'securebox' must be 3 to 16 characters A-Z, a-z or 0-9, got '"
                    + securebox + "'");
        }
        return securebox;
    }
}
