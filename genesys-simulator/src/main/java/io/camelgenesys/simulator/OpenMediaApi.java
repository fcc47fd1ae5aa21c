package io.camelgenesys.simulator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of {@link OpenMedia}: the Openmedia (Task Routing) API of seed 002
 * ({@code /nexus/v3/openmedia/{openMediaService}/interactions...}, L6752-7256).
 * <ul>
 * <li>{@code POST /interactions} with {@code {"data":{"externalId"?,"parentInteractionId"?,"receivedAt"?,
 * "userData"?}}} (body optional) → the interaction; 404 for an unknown service, 409 when the external id exists;</li>
 * <li>{@code GET /interactions/{interactionId}} and {@code GET /interactions/ext_{externalId}};</li>
 * <li>{@code POST .../stop} with {@code {"data":{"reasonSystemName"?,"reasonDescription"?}}} (body optional);</li>
 * <li>{@code POST .../update} with {@code {"data":{"addedProperties"?,"changedProperties"?,"deletedProperties"?}}}
 * (required): applied to {@code userData} in that order.</li>
 * </ul>
 * {@code ext_} is a literal prefix inside the same path segment as the external id, which is percent-encoded there
 * (an external id may hold {@code /}, {@code ?}, spaces, ...). Answers are {@code {"status":{"code":0},"data":{…}}},
 * errors the Multicloud {@code {"status":{"code":…,"message":…}}} (the seed documents neither: {@code {object}}).
 */
final class OpenMediaApi {

    static final String EXTERNAL_PREFIX = "ext_";
    static final String BASE = DigitalChannels.BASE_PATH + "/openmedia/{openMediaService}/interactions";

    private final OpenMedia openMedia;

    private OpenMediaApi(OpenMedia openMedia) {
        this.openMedia = openMedia;
    }

    static void register(Routes routes, OpenMedia openMedia) {
        OpenMediaApi api = new OpenMediaApi(openMedia);
        routes.add("POST", BASE, Auth.MULTICLOUD, api::create);
        routes.add("GET", BASE + "/{reference}", Auth.MULTICLOUD, api::get);
        routes.add("POST", BASE + "/{reference}/stop", Auth.MULTICLOUD, api::stop);
        routes.add("POST", BASE + "/{reference}/update", Auth.MULTICLOUD, api::update);
    }

    private ApiResponse create(ApiRequest request) {
        String service = service(request);
        ObjectNode data = optionalData(request);
        // Not trimmed: an id is matched exactly as it was given.
        String externalId = nonBlank(data, "externalId");
        nonBlank(data, "parentInteractionId");
        String receivedAt = DigitalChannels.string(data, "receivedAt", "data");
        if (receivedAt != null) {
            try {
                OffsetDateTime.parse(receivedAt);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("data.receivedAt must be an ISO-8601 date-time with an offset, e.g."
                        + " 2026-03-14T10:30:00.000Z, got '" + receivedAt + "'");
            }
        }
        Checks.object(data, "userData", false);
        OpenMedia.Created created = openMedia.create(service, data);
        if (created.conflict() != null) {
            throw new ApiException(409, "conflict", "An interaction with externalId '" + externalId
                    + "' exists already in open media service " + service + ": " + created.conflict());
        }
        if (created.unknownParent() != null) {
            throw ApiException.badRequest("data.parentInteractionId '" + created.unknownParent()
                    + "' is not an interaction of open media service " + service);
        }
        return ok(created.interaction());
    }

    private ApiResponse get(ApiRequest request) {
        String service = service(request);
        String reference = reference(request);
        return ok(found(openMedia.find(service, reference), service, reference));
    }

    private ApiResponse stop(ApiRequest request) {
        String service = service(request);
        String reference = reference(request);
        ObjectNode data = optionalData(request);
        String system = DigitalChannels.string(data, "reasonSystemName", "data");
        String description = DigitalChannels.string(data, "reasonDescription", "data");
        return ok(found(openMedia.stop(service, reference, system, description), service, reference));
    }

    private ApiResponse update(ApiRequest request) {
        String service = service(request);
        String reference = reference(request);
        ObjectNode data = Checks.object(request.jsonObject(), "data", true);
        ObjectNode added = Checks.object(data, "addedProperties", false);
        ObjectNode changed = Checks.object(data, "changedProperties", false);
        List<String> deleted = null;
        JsonNode deletedNode = data.get("deletedProperties");
        if (deletedNode != null && !deletedNode.isNull()) {
            if (!deletedNode.isArray()) {
                throw ApiException.badRequest("data.deletedProperties must be an array of property names");
            }
            deleted = new ArrayList<>();
            for (JsonNode name : deletedNode) {
                if (!name.isTextual()) {
                    throw ApiException.badRequest("data.deletedProperties must be an array of strings, got " + name);
                }
                deleted.add(name.asText());
            }
        }
        if (added == null && changed == null && deleted == null) {
            throw ApiException.badRequest("data needs addedProperties, changedProperties or deletedProperties");
        }
        OpenMedia.Updated updated = openMedia.update(service, reference, added, changed, deleted);
        if (updated.stopped()) {
            throw ApiException.badRequest("Interaction " + describe(reference) + " is stopped and cannot be updated");
        }
        return ok(found(updated.interaction(), service, reference));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String service(ApiRequest request) {
        String service = DigitalChannels.pathSegment(request, "openMediaService");
        if (!openMedia.hasService(service)) {
            throw ApiException.notFound("Open media service " + service + " not found");
        }
        return service;
    }

    /** The decoded reference: an interaction id, or {@code ext_} + the decoded external id. */
    private static String reference(ApiRequest request) {
        String reference = DigitalChannels.pathSegment(request, "reference");
        if (reference.equals(EXTERNAL_PREFIX)) {
            throw ApiException.badRequest("The external id after " + EXTERNAL_PREFIX + " is empty");
        }
        return reference;
    }

    private static ObjectNode found(ObjectNode interaction, String service, String reference) {
        if (interaction == null) {
            throw ApiException.notFound("Interaction " + describe(reference) + " not found in open media service "
                    + service);
        }
        return interaction;
    }

    private static String describe(String reference) {
        return reference.startsWith(EXTERNAL_PREFIX)
                ? "with externalId '" + reference.substring(EXTERNAL_PREFIX.length()) + "'"
                : reference;
    }

    private static String nonBlank(ObjectNode data, String field) {
        String value = DigitalChannels.string(data, field, "data");
        if (value != null && value.isBlank()) {
            throw ApiException.badRequest("data." + field + " must not be blank");
        }
        return value;
    }

    /** The {@code data} object of an optional body: empty when there is no body or no {@code data}. */
    private static ObjectNode optionalData(ApiRequest request) {
        JsonNode body = request.json();
        if (body instanceof MissingNode) {
            return Json.object();
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        ObjectNode data = Checks.object((ObjectNode) body, "data", false);
        return data == null ? Json.object() : data;
    }

    private static ApiResponse ok(ObjectNode interaction) {
        ObjectNode body = DigitalChannels.statusOk();
        body.set("data", interaction);
        return ApiResponse.ok(body);
    }
}
