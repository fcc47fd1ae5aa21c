package io.camelgenesys.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The HTTP side of {@link WebServicesContacts}: Engage Web Services {@code /api/v2/contacts} (seeds 001, 004) with
 * HTTP Basic ({@link Auth#WEB_SERVICES}). Successful bodies carry {@code "statusCode":0}; a list is
 * {@code {"statusCode":0,"totalCount":N,"contacts":[...]}} and every contact carries its {@code uri} and {@code path}.
 * Errors have the Web Services shape of {@link ErrorBodies#webServices}.
 * <p>
 * Where the seeds are silent: a single contact is {@code {"statusCode":0,"contact":{...}}}; a create answers
 * {@code {"statusCode":0,"id","uri","path"}}; an unknown filter attribute is refused (400) rather than ignored.
 */
final class WebServicesContactsApi {

    static final String BASE = "/api/v2/contacts";
    /** Seed 001: "any of the attributes can be used to filter the results ... in a logical AND operation". */
    static final List<String> FILTERS = List.of("id", "name", "type", "phoneNumber", "userName", "firstName",
            "lastName", "employeeId");
    /** Seed 001: name and phoneNumber are the attributes PUT and POST may set, on Custom contacts only. */
    static final List<String> WRITABLE = List.of("name", "phoneNumber", "type");

    private final WebServicesContacts store;

    private WebServicesContactsApi(WebServicesContacts store) {
        this.store = store;
    }

    static void register(Routes routes, WebServicesContacts store) {
        WebServicesContactsApi api = new WebServicesContactsApi(store);
        StoreLock lock = store.lock();
        routes.add("GET", BASE, Auth.WEB_SERVICES, StoreLock.guard(api::search).reading(lock));
        routes.add("POST", BASE, Auth.WEB_SERVICES, StoreLock.guard(api::create).writing(lock));
        routes.add("GET", BASE + "/{id}", Auth.WEB_SERVICES, StoreLock.guard(api::get).reading(lock));
        routes.add("PUT", BASE + "/{id}", Auth.WEB_SERVICES, StoreLock.guard(api::update).writing(lock));
        routes.add("DELETE", BASE + "/{id}", Auth.WEB_SERVICES, StoreLock.guard(api::delete).writing(lock));
    }

    private ApiResponse search(ApiRequest request) {
        for (String name : request.queryParams().keySet()) {
            if (!FILTERS.contains(name)) {
                throw ApiException.badRequest("Unknown contact attribute '" + name + "'; filter by " + FILTERS);
            }
        }
        ObjectNode body = success();
        ArrayNode contacts = Json.array();
        for (ObjectNode contact : store.all()) {
            if (matches(contact, request.queryParams())) {
                contacts.add(view(contact, request));
            }
        }
        body.put("totalCount", contacts.size());
        body.set("contacts", contacts);
        return ApiResponse.ok(body);
    }

    private static boolean matches(ObjectNode contact, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            for (String value : filter.getValue()) {
                if (filter.getKey().equals("phoneNumber")) {
                    if (!hasPhone(contact, value)) {
                        return false;
                    }
                } else if (!value.equals(contact.path(filter.getKey()).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A Custom contact has {@code phoneNumber}; Users and Queues list {@code phoneNumbers} with switch names. */
    private static boolean hasPhone(ObjectNode contact, String value) {
        if (value.equals(contact.path("phoneNumber").asText(null))) {
            return true;
        }
        for (JsonNode phone : contact.path("phoneNumbers")) {
            if (value.equals(phone.path("phoneNumber").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private ApiResponse get(ApiRequest request) {
        ObjectNode body = success();
        body.set("contact", view(existing(request.pathParam("id")), request));
        return ApiResponse.ok(body);
    }

    /** Seed 001: "POST Creates a new contact of 'custom' type". */
    private ApiResponse create(ApiRequest request) {
        ObjectNode contact = writable(request.jsonObject(), "created");
        Checks.text(contact, "name", 1, 255, true);
        contact.put("type", "Custom");
        String id = store.insert(contact);
        ObjectNode body = success();
        body.put("id", id);
        body.put("uri", baseUri(request) + "/" + id);
        body.put("path", "/contacts/" + id);
        return ApiResponse.ok(body);
    }

    /** Seed 001: "PUT Modifies a contact of 'custom' type (other types are read-only)". */
    private ApiResponse update(ApiRequest request) {
        ObjectNode contact = custom(request.pathParam("id"), "modified");
        ObjectNode changes = writable(request.jsonObject(), "modified");
        if (changes.has("name")) {
            Checks.text(changes, "name", 1, 255, true);
        }
        changes.fields().forEachRemaining(e -> contact.set(e.getKey(), e.getValue()));
        contact.put("type", "Custom");
        return ApiResponse.ok(success());
    }

    /** Seed 001: "DELETE Removes a contact of 'custom' type". */
    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("id");
        custom(id, "deleted");
        store.remove(id);
        return ApiResponse.ok(success());
    }

    /** Checks that a body only sets what seed 001 lets a Custom contact set. */
    private static ObjectNode writable(ObjectNode body, String verb) {
        ObjectNode copy = body.deepCopy();
        // The resource's own address fields, as a GET returns them, do not set anything: a read-modify-write works.
        copy.remove(List.of("id", "uri", "path"));
        List<String> names = new java.util.ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!WRITABLE.contains(name)) {
                throw ApiException.badRequest("Attribute '" + name + "' cannot be " + verb
                        + "; a Custom contact has only name and phoneNumber");
            }
        }
        String type = Checks.text(copy, "type", 64);
        if (type != null && !type.equals("Custom")) {
            throw ApiException.badRequest("Only contacts of type Custom can be " + verb + "; got type '" + type + "'");
        }
        Checks.text(copy, "phoneNumber", 64);
        return copy;
    }

    private ObjectNode custom(String id, String verb) {
        ObjectNode contact = existing(id);
        String type = contact.path("type").asText();
        if (!type.equals("Custom")) {
            throw ApiException.badRequest("Contact " + id + " is of type " + type + ", which is read-only: only contacts"
                    + " of type Custom can be " + verb);
        }
        return contact;
    }

    private ObjectNode existing(String id) {
        ObjectNode contact = store.get(id);
        if (contact == null) {
            throw ApiException.notFound("Contact " + id + " not found");
        }
        return contact;
    }

    private static ObjectNode success() {
        ObjectNode body = Json.object();
        body.put("statusCode", 0);
        return body;
    }

    /** A contact as returned: its fields plus {@code uri} (absolute, as the server was addressed) and {@code path}. */
    private static ObjectNode view(ObjectNode contact, ApiRequest request) {
        ObjectNode copy = contact.deepCopy();
        String id = contact.get("id").asText();
        copy.put("uri", baseUri(request) + "/" + id);
        copy.put("path", "/contacts/" + id);
        return copy;
    }

    private static String baseUri(ApiRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null ? "localhost" : host) + BASE;
    }
}
