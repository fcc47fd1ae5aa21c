package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;

/**
 * Identifiers of contacts and organizations (list, claim, release), the identifier lookups of both, and the reverse
 * whitepages lookup ({@code ReverseWhitepagesLookupResult}).
 */
final class IdentifiersApi {

    static final String BASE = ExternalContactsStores.BASE;

    private final ExternalContactsStores store;

    private IdentifiersApi(ExternalContactsStores store) {
        this.store = store;
    }

    static void register(Routes routes, ExternalContactsStores store) {
        IdentifiersApi api = new IdentifiersApi(store);
        routes.add("POST", BASE + "/identifierlookup/contacts", Auth.CLOUD, store.locked(api::lookupContact));
        routes.add("GET", BASE + "/reversewhitepageslookup", Auth.CLOUD, store.locked(api::reverseLookup));
        String contact = BASE + "/contacts/{contactId}";
        routes.add("GET", contact + "/identifiers", Auth.CLOUD, store.locked(api::listContactIdentifiers));
        routes.add("PATCH", contact + "/identifiers", Auth.CLOUD, store.locked(api::patchContactIdentifiers));
        String organization = BASE + "/organizations/{externalOrganizationId}";
        routes.add("GET", organization + "/identifiers", Auth.CLOUD, store.locked(api::listOrganizationIdentifiers));
        routes.add("PATCH", organization + "/identifiers", Auth.CLOUD, store.locked(api::patchOrganizationIdentifiers));
        routes.add("POST", BASE + "/identifierlookup/organizations", Auth.CLOUD, store.locked(api::lookupOrganization));
    }

    private ApiResponse listContactIdentifiers(ApiRequest request) {
        String id = ContactStore.resolved(store, request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(IdentifierStore.identifierListing(store, "contact", id));
    }

    /** IdentifierClaimRequest: {@code {"operation":"Claim"|"Release","identifier":{type,value}}} → the identifier. */
    private ApiResponse patchContactIdentifiers(ApiRequest request) {
        String id = ContactStore.resolved(store, request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(IdentifierStore.claimOrRelease(store, request.jsonObject(), "contact", id));
    }

    /** POST /identifierlookup/contacts with a ContactIdentifier → the contact that claims it, or 404. */
    private ApiResponse lookupContact(ApiRequest request) {
        ObjectNode identifier = IdentifierStore.validIdentifier(request.jsonObject(), "");
        ExternalContactsStores.Claim claim = store.claims.get(
                ExternalContactsStores.identifierKey("contact", identifier));
        if (claim == null || !claim.kind().equals("contact")) {
            throw ApiException.notFound("No contact claims the identifier " + IdentifierStore.describe(identifier));
        }
        return ApiResponse.ok(ContactStore.resolved(store, claim.entityId()).deepCopy());
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
        store.contacts.filter(c -> ContactStore.visible(c) && hasValue(c, needle)).stream().limit(25)
                .forEach(c -> contacts.add(c.deepCopy()));
        ArrayNode organizations = body.putArray("externalOrganizations");
        store.organizations.filter(o -> hasValue(o, needle)).stream().limit(25)
                .forEach(o -> organizations.add(o.deepCopy()));
        return ApiResponse.ok(body);
    }

    private static boolean hasValue(ObjectNode entity, String needle) {
        for (String f : ContactStore.EMAIL_FIELDS) {
            if (entity.path(f).asText("").equalsIgnoreCase(needle)) {
                return true;
            }
        }
        for (String phone : ContactStore.phones(entity)) {
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

    private ApiResponse listOrganizationIdentifiers(ApiRequest request) {
        String id = OrganizationStore.existing(store, request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(IdentifierStore.identifierListing(store, "organization", id));
    }

    private ApiResponse patchOrganizationIdentifiers(ApiRequest request) {
        String id = OrganizationStore.existing(store, request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(IdentifierStore.claimOrRelease(store, request.jsonObject(), "organization", id));
    }

    private ApiResponse lookupOrganization(ApiRequest request) {
        ObjectNode identifier = IdentifierStore.validIdentifier(request.jsonObject(), "",
                IdentifierStore.ORGANIZATION_IDENTIFIER_TYPES);
        ExternalContactsStores.Claim claim = store.claims.get(ExternalContactsStores.identifierKey("organization", identifier));
        if (claim == null || !claim.kind().equals("organization")) {
            throw ApiException.notFound("No external organization claims the identifier "
                    + IdentifierStore.describe(identifier));
        }
        return ApiResponse.ok(OrganizationStore.view(OrganizationStore.existing(store, claim.entityId()), false));
    }
}
