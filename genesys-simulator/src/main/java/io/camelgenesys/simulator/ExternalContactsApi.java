package io.camelgenesys.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP side of {@link ExternalContacts}: the contact operations of the Genesys Cloud External Contacts API
 * (seed 003, plus seed 000's user view: required {@code firstName}/{@code lastName}, PATCH, 204 on DELETE), in Cloud
 * style (bearer token, Cloud error bodies, rate limited). Shapes the seeds leave out follow the Genesys Cloud SDK
 * models ({@code com.mypurecloud.sdk.v2:platform-client-v2}, {@code docs/*.md} of MyPureCloud/platform-client-sdk-java):
 * {@code ContactListing}, {@code CursorContactListing}, {@code BulkContactsResponse}, {@code BulkDeleteResponse},
 * {@code BulkContactsEnrichResponse}, {@code ContactEnrichRequest}, {@code MergeContactsRequest},
 * {@code IdentifierClaimRequest}, {@code ReverseWhitepagesLookupResult}, {@code ConversationAssociation}.
 * <p>
 * Every handler runs while holding the store's monitor, so a request sees and leaves a consistent store.
 */
final class ExternalContactsApi {

    static final String BASE = ExternalContacts.BASE;
    static final int MAX_PAGED_RECORDS = 1000;
    static final int NAME_MAX = 1000;

    /** Contact types (seed 003 "type": the type of contact; the observed ones can be promoted to Curated). */
    static final List<String> CONTACT_TYPES = List.of("Ephemeral", "Identified", "Curated");
    /** ContactIdentifier.TypeEnum of the Genesys Cloud SDK (docs/ContactIdentifier.md). */
    static final List<String> IDENTIFIER_TYPES = List.of("SocialLine", "SocialFacebook", "SocialTwitter",
            "SocialWhatsapp", "Email", "Phone", "Cookie", "ExternalId");
    /** ExternalOrganizationIdentifier.TypeEnum of the SDK 264.0.0 (docs/ExternalOrganizationIdentifier.md). */
    static final List<String> ORGANIZATION_IDENTIFIER_TYPES = List.of("ExternalId");
    /** ContactEnrichRequest.ActionEnum of the Genesys Cloud SDK 254.0.0 (docs/ContactEnrichRequest.md). */
    static final List<String> ENRICH_ACTIONS = List.of("Insert", "Update", "Upsert", "Merge");
    /** ConversationAssociation.MediaTypeEnum of the SDK (docs/ConversationAssociation.md). */
    static final List<String> MEDIA_TYPES = List.of("CALL", "CALLBACK", "CHAT", "COBROWSE", "EMAIL", "MESSAGE",
            "SOCIAL_EXPRESSION", "VIDEO", "SCREENSHARE");
    /** The SDK: "Bulk Enrich Contacts - Run up to 10 Enrich operations per request". */
    static final int MAX_BULK_ENRICH = 10;

    /** Fields the server owns: ignored in request bodies. */
    static final List<String> SERVER_FIELDS = List.of("id", "selfUri", "createDate", "modifyDate", "mergedFrom",
            "mergedTo", "mergeSet", "mergeOperation", "canonicalContact", "externalDataSources", "identifiers");
    private static final List<String> PHONE_FIELDS = List.of("workPhone", "cellPhone", "homePhone", "otherPhone");
    private static final List<String> EMAIL_FIELDS = List.of("workEmail", "personalEmail", "otherEmail", "email");
    private static final List<String> CONTACT_SORT_FIELDS = List.of("firstName", "lastName", "middleName", "title");

    private final ExternalContacts store;

    private ExternalContactsApi(ExternalContacts store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContacts store) {
        ExternalContactsApi api = new ExternalContactsApi(store);
        String contacts = BASE + "/contacts";
        String contact = contacts + "/{contactId}";
        routes.add("POST", contacts, Auth.CLOUD, api.locked(api::create));
        routes.add("GET", contacts, Auth.CLOUD, api.locked(api::search));
        routes.add("GET", contact, Auth.CLOUD, api.locked(api::get));
        routes.add("PUT", contact, Auth.CLOUD, api.locked(api::replace));
        routes.add("PATCH", contact, Auth.CLOUD, api.locked(api::patch));
        routes.add("DELETE", contact, Auth.CLOUD, api.locked(api::delete));
        routes.add("GET", BASE + "/scan/contacts", Auth.CLOUD, api.locked(api::scan));
        routes.add("GET", contact + "/unresolved", Auth.CLOUD, api.locked(api::unresolved));
        routes.add("POST", contact + "/promotion", Auth.CLOUD, api.locked(api::promote));
        routes.add("POST", contacts + "/enrich", Auth.CLOUD, api.locked(api::enrich));
        routes.add("POST", contacts + "/merge", Auth.CLOUD, api.locked(api::merge));
        routes.add("POST", BASE + "/identifierlookup/contacts", Auth.CLOUD, api.locked(api::lookup));
        routes.add("GET", BASE + "/reversewhitepageslookup", Auth.CLOUD, api.locked(api::reverseLookup));
        routes.add("GET", contact + "/identifiers", Auth.CLOUD, api.locked(api::listIdentifiers));
        routes.add("PATCH", contact + "/identifiers", Auth.CLOUD, api.locked(api::patchIdentifiers));
        routes.add("GET", contact + "/journey/segments", Auth.CLOUD, api.locked(api::journeySegments));
        routes.add("POST", contact + "/journey/segments", Auth.CLOUD, api.locked(api::updateJourneySegments));
        routes.add("GET", contact + "/journey/sessions", Auth.CLOUD, api.locked(api::journeySessions));
        routes.add("PUT", BASE + "/conversations/{conversationId}", Auth.CLOUD, api.locked(api::associateConversation));
        routes.add("POST", BASE + "/bulk/contacts", Auth.CLOUD, api.locked(api::bulkGet));
        routes.add("POST", BASE + "/bulk/contacts/add", Auth.CLOUD, api.locked(api::bulkAdd));
        routes.add("POST", BASE + "/bulk/contacts/update", Auth.CLOUD, api.locked(api::bulkUpdate));
        routes.add("POST", BASE + "/bulk/contacts/remove", Auth.CLOUD, api.locked(api::bulkRemove));
        routes.add("POST", BASE + "/bulk/contacts/enrich", Auth.CLOUD, api.locked(api::bulkEnrich));
        Notes.register(routes, store, "contact", contacts, "contactId", store.contacts, "ExternalContact");
    }

    /** Runs a handler holding the store's monitor. */
    private RouteHandler locked(RouteHandler handler) {
        return request -> {
            synchronized (store) {
                return handler.handle(request);
            }
        };
    }

    // ---- CRUD ----------------------------------------------------------------------------------------------------

    private ApiResponse create(ApiRequest request) {
        return ApiResponse.ok(createContact(request.jsonObject()).deepCopy());
    }

    /** Validates, stores and claims the body's {@code identifiers} (409 when another entity holds one). */
    private ObjectNode createContact(ObjectNode body) {
        List<ObjectNode> identifiers = identifiersOf(body);
        ObjectNode contact = validContact(body, true);
        for (ObjectNode identifier : identifiers) {
            checkClaimable(identifier, "contact", null);
        }
        ObjectNode stored = insertContact(contact);
        identifiers.forEach(i -> claim(i, "contact", stored.get("id").asText()));
        return stored;
    }

    private ApiResponse get(ApiRequest request) {
        ObjectNode contact = resolved(request.pathParam("contactId")).deepCopy();
        // expand=externalOrganization embeds the organization instead of its reference (SDK expand values).
        if (Checks.listParam(request, "expand").contains("externalOrganization")) {
            ObjectNode organization = store.organizations.get(contact.path("externalOrganization").path("id")
                    .asText(null));
            if (organization != null) {
                contact.set("externalOrganization", organization.deepCopy());
            }
        }
        return ApiResponse.ok(contact);
    }

    private ApiResponse unresolved(ApiRequest request) {
        return ApiResponse.ok(existing(request.pathParam("contactId")).deepCopy());
    }

    private ApiResponse replace(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = existing(id);
        ObjectNode contact = validContact(request.jsonObject(), true);
        return ApiResponse.ok(store(id, old, contact).deepCopy());
    }

    /** Seed 000: "Partially update contact"; fields present replace, {@code null} clears, absent ones are kept. */
    private ApiResponse patch(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode old = existing(id);
        ObjectNode changes = request.jsonObject();
        ObjectNode merged = old.deepCopy();
        changes.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode contact = validContact(merged, true);
        return ApiResponse.ok(store(id, old, contact).deepCopy());
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.pathParam("contactId");
        existing(id);
        removeContact(id);
        return ApiResponse.noContent();
    }

    private ApiResponse promote(ApiRequest request) {
        String id = request.pathParam("contactId");
        ObjectNode contact = resolved(id);
        String type = contact.path("type").asText("Curated");
        if (!type.equals("Ephemeral") && !type.equals("Identified")) {
            throw ApiException.badRequest("Only an observed contact (Ephemeral or Identified) can be promoted; contact "
                    + contact.get("id").asText() + " is " + type);
        }
        contact.put("type", "Curated");
        contact.put("modifyDate", now());
        return ApiResponse.ok(contact.deepCopy());
    }

    // ---- search and scan -----------------------------------------------------------------------------------------

    /** {@code GET /contacts?q=&sortOrder=&pageSize=&pageNumber=&divisionIds=}: ContactListing, capped at 1,000. */
    private ApiResponse search(ApiRequest request) {
        List<String> divisions = Checks.listParam(request, "divisionIds");
        if (divisions.size() > 50) {
            throw ApiException.badRequest("divisionIds must list at most 50 divisions, got " + divisions.size());
        }
        String q = request.query("q");
        List<ObjectNode> found = store.contacts.filter(c -> visible(c) && matches(c, q) && inDivisions(c, divisions));
        sort(found, request.query("sortOrder"), CONTACT_SORT_FIELDS, "lastName");
        return ApiResponse.ok(page(found, request, BASE + "/contacts", "/scan/contacts"));
    }

    private ApiResponse scan(ApiRequest request) {
        return ApiResponse.ok(scan(store, request, "contacts", store.contacts, ExternalContactsApi::visible,
                BASE + "/scan/contacts"));
    }

    /**
     * {@code divisionIds} narrows a search to those divisions; a contact without a division is "unassigned" and
     * visible in every division (Genesys' External Contacts FAQ).
     */
    static boolean inDivisions(ObjectNode entity, List<String> divisionIds) {
        String division = entity.path("division").path("id").asText(null);
        return divisionIds.isEmpty() || division == null || divisionIds.contains(division);
    }

    static boolean visible(ObjectNode contact) {
        return !contact.hasNonNull("mergedTo");
    }

    /** Seed 000: "q (string): Search query (phone number, email, name)". Case-insensitive; phones by digits. */
    static boolean matches(ObjectNode contact, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        for (String f : List.of("firstName", "middleName", "lastName", "title", "workEmail", "personalEmail",
                "otherEmail", "email")) {
            text.append(contact.path(f).asText("")).append('\n');
        }
        text.append(contact.path("firstName").asText("")).append(' ').append(contact.path("lastName").asText(""));
        if (text.toString().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        String digits = needle.replaceAll("[^0-9]", "");
        if (digits.length() < 3 || !needle.matches("[+0-9 ()./-]+")) {
            return false;
        }
        for (String phone : phones(contact)) {
            if (phone.replaceAll("[^0-9]", "").contains(digits)) {
                return true;
            }
        }
        return false;
    }

    static List<String> phones(ObjectNode contact) {
        List<String> phones = new ArrayList<>();
        for (String f : PHONE_FIELDS) {
            JsonNode phone = contact.get(f);
            if (phone != null && phone.isObject()) {
                for (String part : List.of("e164", "display")) {
                    if (phone.hasNonNull(part)) {
                        phones.add(phone.get(part).asText());
                    }
                }
            }
        }
        // Seed 000's view of a contact: "phoneNumbers":[{"number":"+15551234567","type":"MOBILE"}]
        for (JsonNode phone : contact.path("phoneNumbers")) {
            if (phone.hasNonNull("number")) {
                phones.add(phone.get("number").asText());
            }
        }
        return phones;
    }

    /**
     * Sorts by {@code sortOrder}: {@code field:asc|desc} with a field from {@code fields}, or seed 000's bare
     * {@code asc}/{@code desc} (by {@code defaultField}). Without it the creation order is kept.
     */
    static void sort(List<ObjectNode> entities, String sortOrder, List<String> fields, String defaultField) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return;
        }
        String field;
        String direction;
        int colon = sortOrder.indexOf(':');
        if (colon < 0 && (sortOrder.equalsIgnoreCase("asc") || sortOrder.equalsIgnoreCase("desc"))) {
            field = defaultField;
            direction = sortOrder.toLowerCase(Locale.ROOT);
        } else if (colon > 0) {
            field = sortOrder.substring(0, colon);
            direction = sortOrder.substring(colon + 1).toLowerCase(Locale.ROOT);
        } else {
            field = sortOrder;
            direction = "asc";
        }
        if (!fields.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.badRequest("sortOrder must be one of " + fields + " followed by :asc or :desc (e.g. \""
                    + fields.get(0) + ":asc\"), got '" + sortOrder + "'");
        }
        Comparator<ObjectNode> order = Comparator.comparing(e -> e.path(field).asText("").toLowerCase(Locale.ROOT));
        entities.sort(direction.equals("desc") ? order.reversed() : order);
    }

    /**
     * Genesys Cloud page-number paging: {@code pageSize} 1–100 (default 25), {@code pageNumber} from 1, and only
     * the first 1,000 records reachable ("pageNumber * pageSize must be <= 1,000", seed 003).
     */
    static ObjectNode page(List<ObjectNode> all, ApiRequest request, String path, String scanPath) {
        int pageSize = request.queryInt("pageSize", 25);
        int pageNumber = request.queryInt("pageNumber", 1);
        if (pageSize < 1 || pageSize > 100) {
            throw ApiException.badRequest("pageSize must be between 1 and 100, got " + pageSize);
        }
        if (pageNumber < 1) {
            throw ApiException.badRequest("pageNumber must be 1 or greater, got " + pageNumber);
        }
        if ((long) pageNumber * pageSize > MAX_PAGED_RECORDS) {
            throw ApiException.badRequest("Paging is limited to the first 1,000 records: pageNumber * pageSize must be"
                    + " <= 1,000, got " + pageNumber + " * " + pageSize + " = " + ((long) pageNumber * pageSize)
                    + (scanPath == null ? "" : "; use GET " + BASE + scanPath + " (cursor paging) to read further"));
        }
        int total = all.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        int from = (pageNumber - 1) * pageSize;
        for (int i = from; i < Math.min(total, from + pageSize); i++) {
            entities.add(all.get(i).deepCopy());
        }
        body.put("pageSize", pageSize);
        body.put("pageNumber", pageNumber);
        body.put("total", total);
        body.put("pageCount", pageCount);
        body.put("firstUri", pageUri(path, pageSize, 1));
        body.put("selfUri", pageUri(path, pageSize, pageNumber));
        body.put("lastUri", pageUri(path, pageSize, Math.max(pageCount, 1)));
        if (pageNumber > 1) {
            body.put("previousUri", pageUri(path, pageSize, pageNumber - 1));
        }
        if (pageNumber < pageCount && (long) (pageNumber + 1) * pageSize <= MAX_PAGED_RECORDS) {
            body.put("nextUri", pageUri(path, pageSize, pageNumber + 1));
        }
        return body;
    }

    private static String pageUri(String path, int pageSize, int pageNumber) {
        return path + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    }

    /**
     * Cursor paging as the SDK's {@code Cursor*Listing}: {@code limit} 10–200 (default 100), {@code cursor} from the
     * previous page's {@code cursors.after}; the last page has no {@code cursors}. Cursors expire (24 h by default,
     * {@link ExternalContacts#scanCursorTtl}).
     */
    static ObjectNode scan(ExternalContacts store, ApiRequest request, String listing, EntityTable table,
            Predicate<ObjectNode> filter, String path) {
        int limit = request.queryInt("limit", 100);
        if (limit < 10 || limit > 200) {
            throw ApiException.badRequest("limit must be between 10 and 200, got " + limit);
        }
        String cursor = request.query("cursor");
        long after = cursor == null || cursor.isEmpty() ? 0 : store.resolveCursor(listing, cursor);
        // One more than asked tells whether a next page exists.
        List<EntityTable.Entry> entries = table.after(after, limit + 1, filter);
        boolean more = entries.size() > limit;
        List<EntityTable.Entry> page = more ? entries.subList(0, limit) : entries;
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        page.forEach(e -> entities.add(e.entity().deepCopy()));
        body.put("selfUri", path + "?limit=" + limit + (cursor == null || cursor.isEmpty() ? "" : "&cursor=" + cursor));
        if (more) {
            String next = store.issueCursor(listing, page.get(page.size() - 1).sequence());
            body.putObject("cursors").put("after", next);
            body.put("nextUri", path + "?limit=" + limit + "&cursor=" + next);
        }
        return body;
    }

    // ---- identifiers ---------------------------------------------------------------------------------------------

    private ApiResponse listIdentifiers(ApiRequest request) {
        String id = resolved(request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(identifierListing(store, "contact", id));
    }

    static ObjectNode identifierListing(ExternalContacts store, String kind, String entityId) {
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        store.claims.values().stream()
                .filter(c -> c.kind().equals(kind) && c.entityId().equals(entityId))
                .sorted(Comparator.comparing(c -> c.identifier().path("dateCreated").asText()))
                .forEach(c -> entities.add(c.identifier().deepCopy()));
        return body;
    }

    /** IdentifierClaimRequest: {@code {"operation":"Claim"|"Release","identifier":{type,value}}} → the identifier. */
    private ApiResponse patchIdentifiers(ApiRequest request) {
        String id = resolved(request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(claimOrRelease(store, request.jsonObject(), "contact", id));
    }

    static ObjectNode claimOrRelease(ExternalContacts store, ObjectNode body, String kind, String entityId) {
        String operation = Checks.oneOf(body, "operation", List.of("Claim", "Release"), true);
        ObjectNode identifier = validIdentifier(Checks.object(body, "identifier", true), "identifier.",
                identifierTypes(kind));
        String key = ExternalContacts.identifierKey(kind, identifier);
        ExternalContacts.Claim claim = store.claims.get(key);
        if (operation.equals("Claim")) {
            checkClaimable(store, identifier, kind, entityId);
            if (claim != null) {
                return claim.identifier().deepCopy();
            }
            return claim(store, identifier, kind, entityId).deepCopy();
        }
        if (claim == null || !claim.kind().equals(kind) || !claim.entityId().equals(entityId)) {
            throw ApiException.badRequest("The identifier " + describe(identifier) + " is not claimed by " + kind + " "
                    + entityId + ", so it cannot be released");
        }
        store.claims.remove(key);
        return claim.identifier().deepCopy();
    }

    /** ContactIdentifier: {@code type} from the SDK enum, {@code value} 1–255 characters, trimmed (seed 003). */
    static ObjectNode validIdentifier(ObjectNode identifier, String prefix) {
        return validIdentifier(identifier, prefix, IDENTIFIER_TYPES);
    }

    static List<String> identifierTypes(String kind) {
        return kind.equals("organization") ? ORGANIZATION_IDENTIFIER_TYPES : IDENTIFIER_TYPES;
    }

    static ObjectNode validIdentifier(ObjectNode identifier, String prefix, List<String> types) {
        if (identifier == null) {
            throw ApiException.badRequest(prefix + "type and " + prefix + "value are required");
        }
        ObjectNode copy = identifier.deepCopy();
        try {
            Checks.oneOf(copy, "type", types, true);
            Checks.text(copy, "value", 1, 255, true);
        } catch (ApiException e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
        ObjectNode clean = Json.object();
        clean.put("type", copy.get("type").asText());
        clean.put("value", copy.get("value").asText());
        for (String optional : List.of("externalSource", "division")) {
            if (copy.hasNonNull(optional)) {
                clean.set(optional, copy.get(optional));
            }
        }
        return clean;
    }

    static String describe(ObjectNode identifier) {
        return identifier.path("type").asText() + " '" + identifier.path("value").asText() + "'";
    }

    /** 409 when another entity holds the identifier: an identifier identifies one contact (or organization). */
    static void checkClaimable(ExternalContacts store, ObjectNode identifier, String kind, String entityId) {
        ExternalContacts.Claim claim = store.claims.get(
                ExternalContacts.identifierKey(kind, identifier));
        if (claim != null && !(claim.kind().equals(kind) && claim.entityId().equals(entityId))) {
            throw new ApiException(409, "identifier.conflict", "The identifier " + describe(identifier)
                    + " is already claimed by " + claim.kind() + " " + claim.entityId());
        }
    }

    private void checkClaimable(ObjectNode identifier, String kind, String entityId) {
        checkClaimable(store, identifier, kind, entityId);
    }

    static ObjectNode claim(ExternalContacts store, ObjectNode identifier, String kind, String entityId) {
        String key = ExternalContacts.identifierKey(kind, identifier);
        ExternalContacts.Claim existing = store.claims.get(key);
        if (existing != null) {
            return existing.identifier();
        }
        ObjectNode stored = identifier.deepCopy();
        String id = java.util.UUID.randomUUID().toString();
        stored.put("id", id);
        stored.put("dateCreated", now());
        stored.put("selfUri", BASE + "/identifiers/" + id);
        store.claims.put(key, new ExternalContacts.Claim(kind, entityId, stored));
        return stored;
    }

    private void claim(ObjectNode identifier, String kind, String entityId) {
        claim(store, identifier, kind, entityId);
    }

    static void releaseAll(ExternalContacts store, String kind, String entityId) {
        store.claims.values().removeIf(c -> c.kind().equals(kind) && c.entityId().equals(entityId));
    }

    /** {@code identifiers} in a body ("Identifiers claimed by this contact"): validated, claimed by the caller. */
    static List<ObjectNode> identifiersOf(ObjectNode body) {
        return identifiersOf(body, IDENTIFIER_TYPES);
    }

    static List<ObjectNode> identifiersOf(ObjectNode body, List<String> types) {
        ArrayNode given = Checks.array(body, "identifiers", 0, Integer.MAX_VALUE, false);
        List<ObjectNode> identifiers = new ArrayList<>();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                if (!given.get(i).isObject()) {
                    throw ApiException.badRequest("identifiers[" + i + "] must be an object");
                }
                identifiers.add(validIdentifier((ObjectNode) given.get(i), "identifiers[" + i + "].", types));
            }
        }
        return identifiers;
    }

    /** POST /identifierlookup/contacts with a ContactIdentifier → the contact that claims it, or 404. */
    private ApiResponse lookup(ApiRequest request) {
        ObjectNode identifier = validIdentifier(request.jsonObject(), "");
        ExternalContacts.Claim claim = store.claims.get(
                ExternalContacts.identifierKey("contact", identifier));
        if (claim == null || !claim.kind().equals("contact")) {
            throw ApiException.notFound("No contact claims the identifier " + describe(identifier));
        }
        return ApiResponse.ok(resolved(claim.entityId()).deepCopy());
    }

    /**
     * {@code GET /reversewhitepageslookup?lookupVal=}: contacts and organizations with that email address, E.164
     * phone number or Twitter screen name; "Maximum of 25 values returned" (seed 003).
     */
    private ApiResponse reverseLookup(ApiRequest request) {
        String value = request.query("lookupVal");
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("lookupVal is required");
        }
        String needle = value.strip();
        ObjectNode body = Json.object();
        ArrayNode contacts = body.putArray("contacts");
        store.contacts.filter(c -> visible(c) && hasValue(c, needle)).stream().limit(25)
                .forEach(c -> contacts.add(c.deepCopy()));
        ArrayNode organizations = body.putArray("externalOrganizations");
        store.organizations.filter(o -> hasValue(o, needle)).stream().limit(25)
                .forEach(o -> organizations.add(o.deepCopy()));
        return ApiResponse.ok(body);
    }

    private static boolean hasValue(ObjectNode entity, String needle) {
        for (String f : EMAIL_FIELDS) {
            if (entity.path(f).asText("").equalsIgnoreCase(needle)) {
                return true;
            }
        }
        for (String phone : phones(entity)) {
            if (phone.equals(needle)) {
                return true;
            }
        }
        if (entity.path("phoneNumber").path("e164").asText("").equals(needle)) {
            return true;
        }
        String screenName = entity.path("twitterId").path("screenName").asText("");
        return !screenName.isEmpty() && (screenName.equalsIgnoreCase(needle) || ("@" + screenName).equalsIgnoreCase(needle));
    }

    // ---- enrich and merge ----------------------------------------------------------------------------------------

    private ApiResponse enrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(enrich(request.jsonObject(), dryRun).deepCopy());
    }

    /**
     * ContactEnrichRequest: finds the contacts claiming {@code matchingIdentifiers} (1–25, in order) and, by
     * {@code action}: Insert (409 when one matches), Update (404 when none matches), Upsert, or Merge (several
     * matches are merged first). {@code contact} is combined with the match by {@code fieldRules} ({@link EnrichRules}), and
     * the matching identifiers end up claimed by the result. A dry run stores nothing.
     */
    private ObjectNode enrich(ObjectNode body, boolean dryRun) {
        ObjectNode req = body.deepCopy();
        String action = Checks.oneOf(req, "action", ENRICH_ACTIONS, true);
        ArrayNode matching = Checks.array(req, "matchingIdentifiers", 1, 25, true);
        List<ObjectNode> identifiers = new ArrayList<>();
        for (int i = 0; i < matching.size(); i++) {
            if (!matching.get(i).isObject()) {
                throw ApiException.badRequest("matchingIdentifiers[" + i + "] must be an object");
            }
            identifiers.add(validIdentifier((ObjectNode) matching.get(i), "matchingIdentifiers[" + i + "]."));
        }
        ObjectNode provided = Checks.object(req, "contact", false);
        provided = provided == null ? Json.object() : validContact(provided, false);
        EnrichRules ruleAction = EnrichRules.parse(Checks.object(req, "fieldRules", false));
        ObjectNode options = Checks.object(req, "options", false);
        boolean promote = options != null && options.path("promote").asBoolean(false);

        Set<String> matchIds = new LinkedHashSet<>();
        for (ObjectNode identifier : identifiers) {
            ExternalContacts.Claim claim = store.claims.get(ExternalContacts.identifierKey("contact", identifier));
            if (claim != null && claim.kind().equals("contact")) {
                matchIds.add(resolved(claim.entityId()).get("id").asText());
            }
        }
        List<String> matches = new ArrayList<>(matchIds);
        if (action.equals("Insert") && !matches.isEmpty()) {
            throw new ApiException(409, "identifier.conflict", "Insert: contact " + matches.get(0)
                    + " already claims one of the matchingIdentifiers");
        }
        if (action.equals("Update") && matches.isEmpty()) {
            throw ApiException.notFound("Update: no contact claims any of the matchingIdentifiers");
        }
        ObjectNode result;
        if (matches.isEmpty()) {
            ObjectNode contact = validContact(provided, true);
            if (dryRun) {
                return contact;
            }
            result = insertContact(contact);
        } else {
            String targetId = matches.get(0);
            if (action.equals("Merge") && matches.size() > 1) {
                if (dryRun) {
                    ObjectNode merged = ruleAction.combine(mergedFields(matches, null), provided);
                    return validContact(merged, true);
                }
                targetId = merge(matches, null).get("id").asText();
            }
            ObjectNode old = existing(targetId);
            ObjectNode combined = validContact(ruleAction.combine(old, provided), true);
            if (promote) {
                combined.put("type", "Curated");
            }
            if (dryRun) {
                combined.put("id", targetId);
                return combined;
            }
            result = store(targetId, old, combined);
        }
        String resultId = result.get("id").asText();
        identifiers.stream().filter(i -> {
            ExternalContacts.Claim claim = store.claims.get(
                    ExternalContacts.identifierKey("contact", i));
            return claim == null;
        }).forEach(i -> claim(i, "contact", resultId));
        return result;
    }

    /** MergeContactsRequest: {@code contactIds} (2–25) and an optional {@code valueOverride} → the new contact. */
    private ApiResponse merge(ApiRequest request) {
        ObjectNode body = request.jsonObject().deepCopy();
        ArrayNode ids = Checks.array(body, "contactIds", 2, 25, true);
        List<String> contactIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isTextual() || ids.get(i).asText().isBlank()) {
                throw ApiException.badRequest("contactIds[" + i + "] must be a contact id");
            }
            String id = ids.get(i).asText();
            if (contactIds.contains(id)) {
                throw ApiException.badRequest("contactIds lists " + id + " twice");
            }
            contactIds.add(id);
        }
        ObjectNode override = Checks.object(body, "valueOverride", false);
        if (override != null) {
            override = validContact(override, false);
        }
        return ApiResponse.ok(merge(contactIds, override).deepCopy());
    }

    /** The fields of a merge result: each source in order fills what the earlier ones left empty. */
    private ObjectNode mergedFields(List<String> contactIds, ObjectNode override) {
        ObjectNode merged = Json.object();
        for (String id : contactIds) {
            ObjectNode source = existing(id);
            if (source.hasNonNull("mergedTo")) {
                throw ApiException.badRequest("Contact " + id + " has already been merged into "
                        + source.get("mergedTo").path("id").asText());
            }
            source.fields().forEachRemaining(e -> {
                if (!SERVER_FIELDS.contains(e.getKey()) && !merged.hasNonNull(e.getKey())) {
                    merged.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        if (override != null) {
            override.fields().forEachRemaining(e -> {
                // "Any null fields in valueOverride will not replace existing data."
                if (!e.getValue().isNull()) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
        }
        merged.put("type", "Curated");
        return merged;
    }

    /** Creates the merged contact and links the sources to it ({@code mergedTo}, {@code mergedFrom}, {@code mergeSet}). */
    private ObjectNode merge(List<String> contactIds, ObjectNode override) {
        ObjectNode merged = validContact(mergedFields(contactIds, override), true);
        ObjectNode created = insertContact(merged);
        String newId = created.get("id").asText();
        ArrayNode mergedFrom = created.putArray("mergedFrom");
        Set<String> mergeSet = new LinkedHashSet<>();
        for (String id : contactIds) {
            ObjectNode source = existing(id);
            mergedFrom.add(ref(id));
            for (JsonNode member : source.path("mergeSet")) {
                mergeSet.add(member.path("id").asText());
            }
            mergeSet.add(id);
            source.set("mergedTo", ref(newId));
            // The identifiers of the sources now identify the merged contact.
            store.claims.replaceAll((key, claim) -> claim.kind().equals("contact") && claim.entityId().equals(id)
                    ? new ExternalContacts.Claim("contact", newId, claim.identifier()) : claim);
        }
        mergeSet.add(newId);
        ArrayNode set = Json.array();
        mergeSet.forEach(id -> set.add(ref(id)));
        for (String id : mergeSet) {
            ObjectNode member = store.contacts.get(id);
            if (member != null) {
                member.set("mergeSet", set.deepCopy());
            }
        }
        return created;
    }

    private ObjectNode ref(String contactId) {
        ObjectNode ref = Json.object();
        ref.put("id", contactId);
        ref.put("selfUri", store.contacts.selfUri(contactId));
        return ref;
    }

    // ---- journey and conversations -------------------------------------------------------------------------------

    private ApiResponse journeySegments(ApiRequest request) {
        String id = resolved(request.pathParam("contactId")).get("id").asText();
        int limit = request.queryInt("limit", 25);
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("limit must be between 1 and 500, got " + limit);
        }
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        ArrayNode assigned = store.journeySegments.getOrDefault(id, Json.array());
        for (int i = 0; i < Math.min(limit, assigned.size()); i++) {
            entities.add(assigned.get(i).deepCopy());
        }
        return ApiResponse.ok(body);
    }

    /**
     * Seed 003: "Assign/Unassign up to 10 segments ... if a segment is already assigned, update the expiry date".
     * {@code assign}/{@code unassign} list segment assignments, each with a segment {@code id}.
     */
    private ApiResponse updateJourneySegments(ApiRequest request) {
        String id = resolved(request.pathParam("contactId")).get("id").asText();
        ObjectNode body = request.jsonObject();
        List<JsonNode> assign = segmentList(body, "assign");
        List<JsonNode> unassign = segmentList(body, "unassign");
        if (assign.size() + unassign.size() > 10) {
            throw ApiException.badRequest("At most 10 segments can be assigned or unassigned per request, got "
                    + (assign.size() + unassign.size()));
        }
        ArrayNode assigned = store.journeySegments.computeIfAbsent(id, k -> Json.array());
        for (JsonNode segment : unassign) {
            String segmentId = segmentId(segment);
            for (Iterator<JsonNode> it = assigned.iterator(); it.hasNext(); ) {
                if (it.next().path("segment").path("id").asText().equals(segmentId)) {
                    it.remove();
                }
            }
        }
        for (JsonNode segment : assign) {
            String segmentId = segmentId(segment);
            ObjectNode assignment = null;
            for (JsonNode a : assigned) {
                if (a.path("segment").path("id").asText().equals(segmentId)) {
                    assignment = (ObjectNode) a;
                }
            }
            if (assignment == null) {
                assignment = assigned.addObject();
                assignment.putObject("segment").put("id", segmentId);
                assignment.put("assignmentDate", now());
            }
            if (segment.hasNonNull("expirationDate")) {
                assignment.set("expirationDate", segment.get("expirationDate"));
            }
        }
        ObjectNode result = Json.object();
        result.putArray("unprocessedAssignments");
        result.putArray("unprocessedUnassignments");
        return ApiResponse.ok(result);
    }

    private static List<JsonNode> segmentList(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        List<JsonNode> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(list::add);
        } else if (value.isObject() && value.has("segments") && value.get("segments").isArray()) {
            value.get("segments").forEach(list::add);
        } else if (value.isObject()) {
            list.add(value);
        } else {
            throw ApiException.badRequest(field + " must be a segment assignment or a list of them");
        }
        for (int i = 0; i < list.size(); i++) {
            if (segmentId(list.get(i)) == null) {
                throw ApiException.badRequest(field + "[" + i + "] needs a segment id");
            }
        }
        return list;
    }

    private static String segmentId(JsonNode segment) {
        String id = segment.path("id").asText(null);
        if (id == null) {
            id = segment.path("segment").path("id").asText(null);
        }
        return id == null || id.isBlank() ? null : id;
    }

    /** The simulator records no journey sessions: an empty cursor listing, after the parameters are checked. */
    private ApiResponse journeySessions(ApiRequest request) {
        resolved(request.pathParam("contactId"));
        int pageSize = request.queryInt("pageSize", 25);
        if (pageSize < 1 || pageSize > 200) {
            throw ApiException.badRequest("pageSize must be between 1 and 200, got " + pageSize);
        }
        ObjectNode body = Json.object();
        body.putArray("entities");
        return ApiResponse.ok(body);
    }

    /** ConversationAssociation: {@code communicationId} and {@code mediaType} required; no contact disassociates. */
    private ApiResponse associateConversation(ApiRequest request) {
        String conversationId = request.pathParam("conversationId");
        ObjectNode body = request.jsonObject().deepCopy();
        Checks.text(body, "communicationId", 1, 255, true);
        Checks.oneOf(body, "mediaType", MEDIA_TYPES, true);
        String contactId = Checks.text(body, "externalContactId", 255);
        body.put("conversationId", conversationId);
        if (contactId == null || contactId.isEmpty()) {
            store.conversations.remove(conversationId);
        } else {
            resolved(contactId);
            store.conversations.put(conversationId, body);
        }
        return ApiResponse.noContent();
    }

    // ---- bulk ----------------------------------------------------------------------------------------------------

    /** BulkIdsRequest → BulkFetchContactsResponse. */
    private ApiResponse bulkGet(ApiRequest request) {
        return ApiResponse.ok(bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            return new BulkOutcome(id, resolved(id).deepCopy(), 200);
        }));
    }

    /** BulkContactsRequest → BulkContactsResponse, each contact created or failed on its own. */
    private ApiResponse bulkAdd(ApiRequest request) {
        return ApiResponse.ok(bulk(entities(request, Integer.MAX_VALUE), item -> {
            ObjectNode created = createContact(item);
            return new BulkOutcome(created.get("id").asText(), created.deepCopy(), 200);
        }));
    }

    private ApiResponse bulkUpdate(ApiRequest request) {
        return ApiResponse.ok(bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            ObjectNode old = existing(id);
            return new BulkOutcome(id, store(id, old, validContact(item, true)).deepCopy(), 200);
        }));
    }

    /** BulkIdsRequest → BulkDeleteResponse (no entity in the results). */
    private ApiResponse bulkRemove(ApiRequest request) {
        return ApiResponse.ok(bulk(entities(request, Integer.MAX_VALUE), item -> {
            String id = bulkId(item);
            existing(id);
            removeContact(id);
            return new BulkOutcome(id, null, 204);
        }));
    }

    /** BulkContactsEnrichRequest (at most 10) → BulkContactsEnrichResponse; results carry the request's {@code id}. */
    private ApiResponse bulkEnrich(ApiRequest request) {
        boolean dryRun = Checks.boolParam(request, "dryRun", false);
        return ApiResponse.ok(bulk(entities(request, MAX_BULK_ENRICH), item -> {
            String trackerId = item.path("id").asText(null);
            ObjectNode result = enrich(item, dryRun).deepCopy();
            return new BulkOutcome(trackerId, result, 200);
        }));
    }

    /** The outcome of one bulk item. */
    record BulkOutcome(String id, ObjectNode entity, int status) {
    }

    /** The request's {@code entities}, each an object; at most {@code max}. */
    static List<ObjectNode> entities(ApiRequest request, int max) {
        ObjectNode body = request.jsonObject();
        ArrayNode entities = Checks.array(body, "entities", 0, max, true);
        List<ObjectNode> list = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            if (!entities.get(i).isObject()) {
                throw ApiException.badRequest("entities[" + i + "] must be an object");
            }
            list.add((ObjectNode) entities.get(i));
        }
        return list;
    }

    static String bulkId(ObjectNode item) {
        JsonNode id = item.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw ApiException.badRequest("id is required");
        }
        return id.asText();
    }

    /**
     * The SDK's bulk response: {@code results[]} with {@code id}, {@code success}, {@code status} and either
     * {@code entity} or {@code error} ({@code code}, {@code message}, {@code status}, {@code entity}: the item as
     * sent), plus {@code errorCount} and {@code errorIndexes}. Items are processed in order; one failing does not
     * stop the others.
     */
    static ObjectNode bulk(List<ObjectNode> items, Function<ObjectNode, BulkOutcome> operation) {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        ArrayNode errorIndexes = Json.array();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            ObjectNode result = results.addObject();
            try {
                BulkOutcome outcome = operation.apply(item);
                if (outcome.id() != null) {
                    result.put("id", outcome.id());
                }
                result.put("success", true);
                result.put("status", outcome.status());
                if (outcome.entity() != null) {
                    result.set("entity", outcome.entity());
                }
            } catch (ApiException e) {
                if (item.path("id").isTextual()) {
                    result.put("id", item.get("id").asText());
                }
                result.put("success", false);
                result.put("status", e.status());
                ObjectNode error = result.putObject("error");
                error.put("code", e.code());
                error.put("message", e.getMessage());
                error.put("status", e.status());
                error.set("entity", item.deepCopy());
                errorIndexes.add(i);
            }
        }
        body.put("errorCount", errorIndexes.size());
        body.set("errorIndexes", errorIndexes);
        return body;
    }

    // ---- the store -----------------------------------------------------------------------------------------------

    /**
     * Validates a contact body (seed 003 limits) and returns a clean copy without server-owned fields.
     *
     * @param requireNames seed 000: "Required Fields: firstName, lastName"
     */
    ObjectNode validContact(ObjectNode body, boolean requireNames) {
        ObjectNode c = body.deepCopy();
        SERVER_FIELDS.forEach(c::remove);
        Checks.text(c, "firstName", requireNames ? 1 : 0, NAME_MAX, requireNames);
        Checks.text(c, "lastName", requireNames ? 1 : 0, NAME_MAX, requireNames);
        for (String f : List.of("middleName", "salutation", "title", "externalSystemUrl")) {
            Checks.text(c, f, NAME_MAX);
        }
        for (String f : EMAIL_FIELDS) {
            Checks.email(c, f);
        }
        for (String f : PHONE_FIELDS) {
            Checks.object(c, f, false);
        }
        for (String f : List.of("address", "twitterId", "facebookId", "lineId", "whatsAppId", "instagramId",
                "customFields", "schema", "division")) {
            Checks.object(c, f, false);
        }
        Checks.array(c, "externalIds", 0, 10, false);
        Checks.array(c, "appleOpaqueIds", 0, 10, false);
        ArrayNode phoneNumbers = Checks.array(c, "phoneNumbers", 0, Integer.MAX_VALUE, false);
        if (phoneNumbers != null) {
            for (int i = 0; i < phoneNumbers.size(); i++) {
                if (!phoneNumbers.get(i).isObject() || !phoneNumbers.get(i).path("number").isTextual()) {
                    throw ApiException.badRequest("phoneNumbers[" + i + "].number is required");
                }
            }
        }
        JsonNode twitter = c.get("twitterId");
        if (twitter != null && twitter.isObject() && !twitter.hasNonNull("id") && !twitter.hasNonNull("screenName")) {
            throw ApiException.badRequest("twitterId needs an id or a screenName (or both)");
        }
        if (c.has("surveyOptOut") && !c.get("surveyOptOut").isNull() && !c.get("surveyOptOut").isBoolean()) {
            throw ApiException.badRequest("surveyOptOut must be true or false");
        }
        Checks.oneOf(c, "type", CONTACT_TYPES, false);
        String organizationId = Checks.reference(c, "externalOrganization", false);
        if (organizationId != null && store.organizations.get(organizationId) == null) {
            throw ApiException.badRequest("externalOrganization.id " + organizationId
                    + " is not an existing external organization");
        }
        return c;
    }

    private ObjectNode insertContact(ObjectNode contact) {
        String now = now();
        if (!contact.hasNonNull("type")) {
            contact.put("type", "Curated");
        }
        contact.put("createDate", now);
        contact.put("modifyDate", now);
        return store.contacts.insert(contact);
    }

    /** Replaces a contact's fields, keeping what the server owns (creation date, merge links). */
    private ObjectNode store(String id, ObjectNode old, ObjectNode contact) {
        for (String kept : List.of("createDate", "mergedFrom", "mergedTo", "mergeSet")) {
            if (old.has(kept)) {
                contact.set(kept, old.get(kept));
            }
        }
        if (!contact.hasNonNull("type")) {
            contact.set("type", old.get("type"));
        }
        contact.put("modifyDate", now());
        store.contacts.replace(id, contact);
        return contact;
    }

    private void removeContact(String id) {
        store.contacts.remove(id);
        store.notes.values().removeIf(n -> "contact".equals(n.path("entityType").asText())
                && id.equals(n.path("entityId").asText()));
        releaseAll(store, "contact", id);
        store.journeySegments.remove(id);
    }

    /** @return the stored contact itself (even when merged), or 404 */
    ObjectNode existing(String id) {
        ObjectNode contact = store.contacts.get(id);
        if (contact == null) {
            throw ApiException.notFound("External contact " + id + " not found");
        }
        return contact;
    }

    /** @return the contact, or the contact it was merged into (following {@code mergedTo}), or 404 */
    ObjectNode resolved(String id) {
        ObjectNode contact = existing(id);
        for (int hops = 0; contact.hasNonNull("mergedTo") && hops < 100; hops++) {
            ObjectNode next = store.contacts.get(contact.get("mergedTo").path("id").asText());
            if (next == null) {
                break;
            }
            contact = next;
        }
        return contact;
    }

    static String now() {
        return Json.timestamp(Instant.now());
    }
}
