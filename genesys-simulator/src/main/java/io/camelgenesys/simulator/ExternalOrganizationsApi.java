package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP side of {@link ExternalContacts} for external organizations, relationships and external sources (seed 003),
 * Cloud style like {@link ExternalContactsApi}. Shapes not in the seed follow the Genesys Cloud SDK models
 * ({@code ExternalOrganizationListing}, {@code CursorOrganizationListing}, {@code RelationshipListing},
 * {@code CursorExternalSourceListing}, {@code ExternalOrganizationEnrichRequest}, {@code BulkOrganizationsResponse}).
 */
final class ExternalOrganizationsApi {

    static final String BASE = ExternalContacts.BASE;
    /** ExternalOrganizationEnrichRequest.ActionEnum of the SDK 244.0.0 (docs/ExternalOrganizationEnrichRequest.md). */
    static final List<String> ORGANIZATION_ENRICH_ACTIONS = List.of("Insert", "Update", "Upsert");
    private static final List<String> ORGANIZATION_SERVER_FIELDS = List.of("id", "selfUri", "createDate", "modifyDate",
            "trustor", "externalDataSources", "identifiers");
    private static final List<String> ORGANIZATION_SORT_FIELDS = List.of("companyType", "industry", "name");

    private final ExternalContacts store;

    private ExternalOrganizationsApi(ExternalContacts store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContacts store) {
        ExternalOrganizationsApi api = new ExternalOrganizationsApi(store);
        String organizations = BASE + "/organizations";
        String organization = organizations + "/{externalOrganizationId}";
        routes.add("POST", organizations, Auth.CLOUD, api.locked(api::create));
        routes.add("GET", organizations, Auth.CLOUD, api.locked(api::search));
        routes.add("GET", organization, Auth.CLOUD, api.locked(api::get));
        routes.add("PUT", organization, Auth.CLOUD, api.locked(api::replace));
        routes.add("DELETE", organization, Auth.CLOUD, api.locked(api::delete));
        routes.add("GET", BASE + "/scan/organizations", Auth.CLOUD, api.locked(api::scan));
        routes.add("GET", organization + "/contacts", Auth.CLOUD, api.locked(api::contacts));
        routes.add("GET", organization + "/relationships", Auth.CLOUD, api.locked(api::organizationRelationships));
        routes.add("GET", organization + "/identifiers", Auth.CLOUD, api.locked(api::listIdentifiers));
        routes.add("PATCH", organization + "/identifiers", Auth.CLOUD, api.locked(api::patchIdentifiers));
        routes.add("POST", BASE + "/identifierlookup/organizations", Auth.CLOUD, api.locked(api::lookup));
        routes.add("POST", organizations + "/enrich", Auth.CLOUD, api.locked(api::enrich));
        routes.add("PUT", organization + "/trustor/{trustorId}", Auth.CLOUD, api.locked(api::linkTrustor));
        routes.add("DELETE", organization + "/trustor", Auth.CLOUD, api.locked(api::unlinkTrustor));
        routes.add("POST", BASE + "/bulk/organizations", Auth.CLOUD, api.locked(api::bulkGet));
        routes.add("POST", BASE + "/bulk/organizations/add", Auth.CLOUD, api.locked(api::bulkAdd));
        routes.add("POST", BASE + "/bulk/organizations/update", Auth.CLOUD, api.locked(api::bulkUpdate));
        routes.add("POST", BASE + "/bulk/organizations/remove", Auth.CLOUD, api.locked(api::bulkRemove));
        routes.add("POST", BASE + "/bulk/organizations/enrich", Auth.CLOUD, api.locked(api::bulkEnrich));
        Notes.register(routes, store, "organization", organizations, "externalOrganizationId", store.organizations,
                "External organization");

        String relationships = BASE + "/relationships";
        routes.add("POST", relationships, Auth.CLOUD, api.locked(api::createRelationship));
        routes.add("GET", relationships + "/{relationshipId}", Auth.CLOUD, api.locked(api::getRelationship));
        routes.add("PUT", relationships + "/{relationshipId}", Auth.CLOUD, api.locked(api::replaceRelationship));
        routes.add("DELETE", relationships + "/{relationshipId}", Auth.CLOUD, api.locked(api::deleteRelationship));
        routes.add("GET", BASE + "/scan/relationships", Auth.CLOUD, api.locked(request -> ApiResponse.ok(
                ExternalContactsApi.scan(store, request, "relationships", store.relationships, r -> true,
                        BASE + "/scan/relationships"))));
        routes.add("GET", BASE + "/scan/notes", Auth.CLOUD, api.locked(request -> ApiResponse.ok(
                ExternalContactsApi.scan(store, request, "notes", store.notes, n -> true, BASE + "/scan/notes"))));

        String sources = BASE + "/externalsources";
        routes.add("POST", sources, Auth.CLOUD, api.locked(api::createSource));
        routes.add("GET", sources, Auth.CLOUD, api.locked(api::listSources));
        routes.add("GET", sources + "/{externalSourceId}", Auth.CLOUD, api.locked(api::getSource));
        routes.add("PUT", sources + "/{externalSourceId}", Auth.CLOUD, api.locked(api::replaceSource));
        routes.add("DELETE", sources + "/{externalSourceId}", Auth.CLOUD, api.locked(api::deleteSource));
    }

    private RouteHandler locked(RouteHandler handler) {
        return request -> {
            synchronized (store) {
                return handler.handle(request);
            }
        };
    }

    // ---- organizations -------------------------------------------------------------------------------------------

    private ApiResponse create(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        List<ObjectNode> identifiers = ExternalContactsApi.identifiersOf(body,
                ExternalContactsApi.ORGANIZATION_IDENTIFIER_TYPES);
        for (ObjectNode identifier : identifiers) {
            ExternalContactsApi.checkClaimable(store, identifier, "organization", null);
        }
        ObjectNode stored = insert(valid(body));
        String id = stored.get("id").asText();
        identifiers.forEach(i -> ExternalContactsApi.claim(store, i, "organization", id));
        return ApiResponse.ok(stored.deepCopy());
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(view(existing(request.pathParam("externalOrganizationId")),
                Checks.boolParam(request, "includeTrustors", false)));
    }

    private ApiResponse replace(ApiRequest request) {
        String id = request.pathParam("externalOrganizationId");
        ObjectNode old = existing(id);
        return ApiResponse.ok(view(store(id, old, valid(request.jsonObject())), false));
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("externalOrganizationId");
        existing(id);
        store.organizations.remove(id);
        store.notes.values().removeIf(n -> "organization".equals(n.path("entityType").asText())
                && id.equals(n.path("entityId").asText()));
        store.relationships.values().removeIf(r -> id.equals(r.path("externalOrganization").path("id").asText()));
        ExternalContactsApi.releaseAll(store, "organization", id);
        return ApiResponse.noContent();
    }

    /**
     * {@code GET /organizations?q=&trustorId=&sortOrder=&pageSize=&pageNumber=&divisionIds=}: "trustorId ... (limit
     * 25). If supplied, the q parameters is ignored. Items are returned in the order requested" (seed 003).
     */
    private ApiResponse search(ApiRequest request) {
        List<String> divisions = Checks.listParam(request, "divisionIds");
        if (divisions.size() > 50) {
            throw ApiException.badRequest("divisionIds must list at most 50 divisions, got " + divisions.size());
        }
        List<String> trustorIds = Checks.listParam(request, "trustorId");
        if (trustorIds.size() > 25) {
            throw ApiException.badRequest("trustorId must list at most 25 trustors, got " + trustorIds.size());
        }
        boolean includeTrustors = Checks.boolParam(request, "includeTrustors", false);
        List<ObjectNode> found = new ArrayList<>();
        if (!trustorIds.isEmpty()) {
            for (String trustorId : trustorIds) {
                found.addAll(store.organizations.filter(o -> trustorId.equals(o.path("trustor").path("id").asText())));
            }
        } else {
            String q = request.query("q");
            String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            found.addAll(store.organizations.filter(o -> ExternalContactsApi.inDivisions(o, divisions)
                    && (needle.isEmpty()
                    || o.path("name").asText("").toLowerCase(Locale.ROOT).contains(needle)
                    || o.path("industry").asText("").toLowerCase(Locale.ROOT).contains(needle))));
            ExternalContactsApi.sort(found, request.query("sortOrder"), ORGANIZATION_SORT_FIELDS, "name");
        }
        ObjectNode page = ExternalContactsApi.page(found, request, BASE + "/organizations", "/scan/organizations");
        if (!includeTrustors) {
            page.get("entities").forEach(o -> ((ObjectNode) o).remove("trustor"));
        }
        return ApiResponse.ok(page);
    }

    private ApiResponse scan(ApiRequest request) {
        return ApiResponse.ok(ExternalContactsApi.scan(store, request, "organizations", store.organizations, o -> true,
                BASE + "/scan/organizations"));
    }

    private ApiResponse contacts(ApiRequest request) {
        String id = existing(request.pathParam("externalOrganizationId")).get("id").asText();
        String q = request.query("q");
        List<ObjectNode> found = store.contacts.filter(c -> ExternalContactsApi.visible(c)
                && id.equals(c.path("externalOrganization").path("id").asText())
                && ExternalContactsApi.matches(c, q));
        ExternalContactsApi.sort(found, request.query("sortOrder"), List.of("firstName", "lastName", "middleName",
                "title"), "lastName");
        return ApiResponse.ok(ExternalContactsApi.page(found, request, BASE + "/organizations/" + id + "/contacts",
                null));
    }

    private ApiResponse organizationRelationships(ApiRequest request) {
        String id = existing(request.pathParam("externalOrganizationId")).get("id").asText();
        List<ObjectNode> found = store.relationships.filter(
                r -> id.equals(r.path("externalOrganization").path("id").asText()));
        ExternalContactsApi.sort(found, request.query("sortOrder"), List.of("createDate", "relationship"),
                "createDate");
        return ApiResponse.ok(ExternalContactsApi.page(found, request, BASE + "/organizations/" + id
                + "/relationships", null));
    }

    private ApiResponse listIdentifiers(ApiRequest request) {
        String id = existing(request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(ExternalContactsApi.identifierListing(store, "organization", id));
    }

    private ApiResponse patchIdentifiers(ApiRequest request) {
        String id = existing(request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(ExternalContactsApi.claimOrRelease(store, request.jsonObject(), "organization", id));
    }

    private ApiResponse lookup(ApiRequest request) {
        ObjectNode identifier = ExternalContactsApi.validIdentifier(request.jsonObject(), "",
                ExternalContactsApi.ORGANIZATION_IDENTIFIER_TYPES);
        ExternalContacts.Claim claim = store.claims.get(ExternalContacts.identifierKey("organization", identifier));
        if (claim == null || !claim.kind().equals("organization")) {
            throw ApiException.notFound("No external organization claims the identifier "
                    + ExternalContactsApi.describe(identifier));
        }
        return ApiResponse.ok(view(existing(claim.entityId()), false));
    }

    private ApiResponse enrich(ApiRequest request) {
        return ApiResponse.ok(enrich(request.jsonObject(), Checks.boolParam(request, "dryRun", false)).deepCopy());
    }

    /** ExternalOrganizationEnrichRequest: like the contact enrich, with actions Insert, Update and Upsert. */
    private ObjectNode enrich(ObjectNode body, boolean dryRun) {
        ObjectNode req = body.deepCopy();
        String action = Checks.oneOf(req, "action", ORGANIZATION_ENRICH_ACTIONS, false);
        // The seed and the SDK leave action optional for organizations; Upsert is the forgiving reading.
        action = action == null ? "Upsert" : action;
        ArrayNode matching = Checks.array(req, "matchingIdentifiers", 1, 25, true);
        List<ObjectNode> identifiers = new ArrayList<>();
        for (int i = 0; i < matching.size(); i++) {
            if (!matching.get(i).isObject()) {
                throw ApiException.badRequest("matchingIdentifiers[" + i + "] must be an object");
            }
            identifiers.add(ExternalContactsApi.validIdentifier((ObjectNode) matching.get(i),
                    "matchingIdentifiers[" + i + "].", ExternalContactsApi.ORGANIZATION_IDENTIFIER_TYPES));
        }
        ObjectNode provided = Checks.object(req, "externalOrganization", false);
        provided = provided == null ? Json.object() : provided.deepCopy();
        ORGANIZATION_SERVER_FIELDS.forEach(provided::remove);
        EnrichRules ruleAction = EnrichRules.parse(Checks.object(req, "fieldRules", false));
        Set<String> matches = new LinkedHashSet<>();
        for (ObjectNode identifier : identifiers) {
            ExternalContacts.Claim claim = store.claims.get(ExternalContacts.identifierKey("organization", identifier));
            if (claim != null && claim.kind().equals("organization")) {
                matches.add(claim.entityId());
            }
        }
        if (action.equals("Insert") && !matches.isEmpty()) {
            throw new ApiException(409, "identifier.conflict", "Insert: external organization "
                    + matches.iterator().next() + " already claims one of the matchingIdentifiers");
        }
        if (action.equals("Update") && matches.isEmpty()) {
            throw ApiException.notFound("Update: no external organization claims any of the matchingIdentifiers");
        }
        ObjectNode result;
        if (matches.isEmpty()) {
            ObjectNode organization = valid(provided);
            if (dryRun) {
                return organization;
            }
            result = insert(organization);
        } else {
            String id = matches.iterator().next();
            ObjectNode old = existing(id);
            ObjectNode combined = valid(ruleAction.combine(old, provided));
            if (dryRun) {
                combined.put("id", id);
                return combined;
            }
            result = store(id, old, combined);
        }
        String resultId = result.get("id").asText();
        for (ObjectNode identifier : identifiers) {
            if (!store.claims.containsKey(ExternalContacts.identifierKey("organization", identifier))) {
                ExternalContactsApi.claim(store, identifier, "organization", resultId);
            }
        }
        return result;
    }

    private ApiResponse linkTrustor(ApiRequest request) {
        ObjectNode organization = existing(request.pathParam("externalOrganizationId"));
        organization.putObject("trustor").put("id", request.pathParam("trustorId"));
        organization.put("modifyDate", ExternalContactsApi.now());
        return ApiResponse.ok(view(organization, true));
    }

    private ApiResponse unlinkTrustor(ApiRequest request) {
        ObjectNode organization = existing(request.pathParam("externalOrganizationId"));
        if (!organization.hasNonNull("trustor")) {
            throw ApiException.notFound("External organization " + organization.get("id").asText()
                    + " has no trustor to unlink");
        }
        organization.remove("trustor");
        return ApiResponse.noContent();
    }

    private ApiResponse bulkGet(ApiRequest request) {
        return ApiResponse.ok(ExternalContactsApi.bulk(ExternalContactsApi.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = ExternalContactsApi.bulkId(item);
                    return new ExternalContactsApi.BulkOutcome(id, view(existing(id), false), 200);
                }));
    }

    private ApiResponse bulkAdd(ApiRequest request) {
        return ApiResponse.ok(ExternalContactsApi.bulk(ExternalContactsApi.entities(request, Integer.MAX_VALUE),
                item -> {
                    ObjectNode created = insert(valid(item));
                    return new ExternalContactsApi.BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
                }));
    }

    private ApiResponse bulkUpdate(ApiRequest request) {
        return ApiResponse.ok(ExternalContactsApi.bulk(ExternalContactsApi.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = ExternalContactsApi.bulkId(item);
                    ObjectNode old = existing(id);
                    return new ExternalContactsApi.BulkOutcome(id, view(store(id, old, valid(item)), false), 200);
                }));
    }

    private ApiResponse bulkRemove(ApiRequest request) {
        return ApiResponse.ok(ExternalContactsApi.bulk(ExternalContactsApi.entities(request, Integer.MAX_VALUE),
                item -> {
                    String id = ExternalContactsApi.bulkId(item);
                    existing(id);
                    store.organizations.remove(id);
                    ExternalContactsApi.releaseAll(store, "organization", id);
                    return new ExternalContactsApi.BulkOutcome(id, null, 204);
                }));
    }

    /** "Bulk enrich external organizations - Run up to 10 Enrich operations per request" (SDK). */
    private ApiResponse bulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(ExternalContactsApi.bulk(
                ExternalContactsApi.entities(request, ExternalContactsApi.MAX_BULK_ENRICH), item ->
                        new ExternalContactsApi.BulkOutcome(item.path("id").asText(null),
                                enrich(item, dryRun).deepCopy(), 200)));
    }

    /** Seed 003: {@code name} required, at most 1,000 characters, trimmed; {@code externalIds} at most 10. */
    private ObjectNode valid(ObjectNode body) {
        ObjectNode o = body.deepCopy();
        ORGANIZATION_SERVER_FIELDS.forEach(o::remove);
        Checks.text(o, "name", 1, ExternalContactsApi.NAME_MAX, true);
        Checks.text(o, "externalSystemUrl", ExternalContactsApi.NAME_MAX);
        for (String f : List.of("companyType", "industry")) {
            Checks.text(o, f, ExternalContactsApi.NAME_MAX);
        }
        for (String f : List.of("address", "phoneNumber", "faxNumber", "twitterId", "customFields", "schema",
                "division")) {
            Checks.object(o, f, false);
        }
        Checks.array(o, "externalIds", 0, 10, false);
        for (String f : List.of("websites", "tickers", "tags")) {
            Checks.array(o, f, 0, Integer.MAX_VALUE, false);
        }
        for (String f : List.of("employeeCount", "revenue")) {
            JsonNode n = o.get(f);
            if (n != null && !n.isNull() && !n.canConvertToLong()) {
                throw ApiException.badRequest(f + " must be an integer");
            }
        }
        JsonNode twitter = o.get("twitterId");
        if (twitter != null && twitter.isObject() && !twitter.hasNonNull("id") && !twitter.hasNonNull("screenName")) {
            throw ApiException.badRequest("twitterId needs an id or a screenName (or both)");
        }
        return o;
    }

    private ObjectNode insert(ObjectNode organization) {
        String now = ExternalContactsApi.now();
        organization.put("createDate", now);
        organization.put("modifyDate", now);
        return store.organizations.insert(organization);
    }

    private ObjectNode store(String id, ObjectNode old, ObjectNode organization) {
        for (String kept : List.of("createDate", "trustor")) {
            if (old.has(kept)) {
                organization.set(kept, old.get(kept));
            }
        }
        organization.put("modifyDate", ExternalContactsApi.now());
        store.organizations.replace(id, organization);
        return organization;
    }

    /** A copy for a response; the trustor only with {@code includeTrustors=true} (seed 003). */
    private static ObjectNode view(ObjectNode organization, boolean includeTrustors) {
        ObjectNode copy = organization.deepCopy();
        if (!includeTrustors) {
            copy.remove("trustor");
        }
        return copy;
    }

    private ObjectNode existing(String id) {
        ObjectNode organization = store.organizations.get(id);
        if (organization == null) {
            throw ApiException.notFound("External organization " + id + " not found");
        }
        return organization;
    }

    // ---- relationships -------------------------------------------------------------------------------------------

    private ApiResponse createRelationship(ApiRequest request) {
        ObjectNode relationship = validRelationship(request.jsonObject());
        String now = ExternalContactsApi.now();
        relationship.put("createDate", now);
        return ApiResponse.ok(store.relationships.insert(relationship).deepCopy());
    }

    private ApiResponse getRelationship(ApiRequest request) {
        return ApiResponse.ok(relationship(request.pathParam("relationshipId")).deepCopy());
    }

    private ApiResponse replaceRelationship(ApiRequest request) {
        String id = request.pathParam("relationshipId");
        ObjectNode old = relationship(id);
        ObjectNode relationship = validRelationship(request.jsonObject());
        relationship.set("createDate", old.get("createDate"));
        store.relationships.replace(id, relationship);
        return ApiResponse.ok(relationship.deepCopy());
    }

    private ApiResponse deleteRelationship(ApiRequest request) {
        store.relationships.remove(relationship(request.pathParam("relationshipId")).get("id").asText());
        return ApiResponse.noContent();
    }

    /** Seed 003: {@code user} and {@code externalOrganization} required, {@code relationship} 1–100 characters. */
    private ObjectNode validRelationship(ObjectNode body) {
        ObjectNode r = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "createDate", "externalDataSources")) {
            r.remove(serverField);
        }
        Checks.reference(r, "user", true);
        String organizationId = Checks.reference(r, "externalOrganization", true);
        Checks.text(r, "relationship", 1, 100, true);
        if (store.organizations.get(organizationId) == null) {
            throw ApiException.badRequest("externalOrganization.id " + organizationId
                    + " is not an existing external organization");
        }
        return r;
    }

    private ObjectNode relationship(String id) {
        ObjectNode relationship = store.relationships.get(id);
        if (relationship == null) {
            throw ApiException.notFound("Relationship " + id + " not found");
        }
        return relationship;
    }

    // ---- external sources ----------------------------------------------------------------------------------------

    private ApiResponse createSource(ApiRequest request) {
        ObjectNode source = validSource(request.jsonObject(), null);
        return ApiResponse.ok(store.externalSources.insert(source).deepCopy());
    }

    private ApiResponse getSource(ApiRequest request) {
        return ApiResponse.ok(source(request.pathParam("externalSourceId")).deepCopy());
    }

    private ApiResponse replaceSource(ApiRequest request) {
        String id = request.pathParam("externalSourceId");
        ObjectNode old = source(id);
        ObjectNode source = validSource(request.jsonObject(), id);
        source.set("createDate", old.get("createDate"));
        store.externalSources.replace(id, source);
        return ApiResponse.ok(source.deepCopy());
    }

    private ApiResponse deleteSource(ApiRequest request) {
        store.externalSources.remove(source(request.pathParam("externalSourceId")).get("id").asText());
        return ApiResponse.noContent();
    }

    /**
     * {@code GET /externalsources?cursor=&limit=&name=&active=}: cursor paging, {@code limit} 10–200 (default 100),
     * {@code name} a prefix filter, {@code active} an exact filter (seed 003).
     */
    private ApiResponse listSources(ApiRequest request) {
        String prefix = request.query("name");
        String active = request.query("active");
        Boolean activeFilter = active == null || active.isEmpty() ? null : Checks.boolParam(request, "active", true);
        String listing = "externalsources:" + (prefix == null ? "" : prefix) + ":" + activeFilter;
        return ApiResponse.ok(ExternalContactsApi.scan(store, request, listing, store.externalSources, s ->
                (prefix == null || s.path("name").asText().toLowerCase(Locale.ROOT)
                        .startsWith(prefix.toLowerCase(Locale.ROOT)))
                        && (activeFilter == null || s.path("active").asBoolean() == activeFilter),
                BASE + "/externalsources"));
    }

    /** Seed 003: {@code name} required, unique, at most 200 characters, trimmed. */
    private ObjectNode validSource(ObjectNode body, String selfId) {
        ObjectNode s = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "createDate", "modifyDate")) {
            s.remove(serverField);
        }
        String name = Checks.text(s, "name", 1, 200, true);
        if (s.has("active") && !s.get("active").isBoolean()) {
            throw ApiException.badRequest("active must be true or false");
        }
        if (!s.has("active")) {
            s.put("active", true);
        }
        ObjectNode link = Checks.object(s, "linkConfiguration", false);
        if (link != null) {
            Checks.text(link, "uriTemplate", 0, 2000, false);
        }
        for (ObjectNode other : store.externalSources.values()) {
            if (!other.get("id").asText().equals(selfId) && other.path("name").asText().equalsIgnoreCase(name)) {
                throw new ApiException(409, "conflict", "name must be unique: external source "
                        + other.get("id").asText() + " is already named '" + name + "'");
            }
        }
        String now = ExternalContactsApi.now();
        s.put("createDate", now);
        s.put("modifyDate", now);
        return s;
    }

    private ObjectNode source(String id) {
        ObjectNode source = store.externalSources.get(id);
        if (source == null) {
            throw ApiException.notFound("External source " + id + " not found");
        }
        return source;
    }
}
