package io.camelgenesys.simulator.externalcontacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.StoreLock;

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
        StoreLock organizations = store.organizations.lock();
        StoreLock contacts = store.contacts.lock();
        StoreLock identifiers = store.identifiers.lock();
        StoreLock.Guard lookupContact = StoreLock.guard(api::lookupContact).reading(contacts, identifiers);
        routes.add("POST", BASE + "/identifierlookup/contacts", Auth.CLOUD, lookupContact);
        // Deprecated ("use /api/v2/externalcontacts/identifierlookup/contacts") but still served by Genesys, and the
        // path of postExternalcontactsIdentifierlookup in the Java SDK 198.1.0 and the JavaScript SDK 262.0.0.
        routes.add("POST", BASE + "/identifierlookup", Auth.CLOUD, lookupContact);
        routes.add("GET", BASE + "/reversewhitepageslookup", Auth.CLOUD, StoreLock.guard(api::reverseLookup)
                .reading(organizations, contacts));
        String contact = BASE + "/contacts/{contactId}";
        routes.add("GET", contact + "/identifiers", Auth.CLOUD, StoreLock.guard(api::listContactIdentifiers)
                .reading(contacts, identifiers));
        routes.add("PATCH", contact + "/identifiers", Auth.CLOUD, StoreLock.guard(api::patchContactIdentifiers)
                .reading(contacts).writing(identifiers));
        String organization = BASE + "/organizations/{externalOrganizationId}";
        routes.add("GET", organization + "/identifiers", Auth.CLOUD, StoreLock.guard(api::listOrganizationIdentifiers)
                .reading(organizations, identifiers));
        routes.add("PATCH", organization + "/identifiers", Auth.CLOUD,
                StoreLock.guard(api::patchOrganizationIdentifiers)
                .reading(organizations).writing(identifiers));
        routes.add("POST", BASE + "/identifierlookup/organizations", Auth.CLOUD,
                StoreLock.guard(api::lookupOrganization)
                .reading(organizations, identifiers));
    }

    private ApiResponse listContactIdentifiers(ApiRequest request) {
        String id = store.contacts.resolved(request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(store.identifiers.listing("contact", id));
    }

    /** IdentifierClaimRequest: {@code {"operation":"Claim"|"Release","identifier":{type,value}}} → the identifier. */
    private ApiResponse patchContactIdentifiers(ApiRequest request) {
        String id = store.contacts.resolved(request.pathParam("contactId")).get("id").asText();
        return ApiResponse.ok(store.identifiers.claimOrRelease(request.jsonObject(), "contact", id));
    }

    /**
     * {@code POST /identifierlookup/contacts} (and its deprecated alias {@code POST /identifierlookup}) with a
     * ContactIdentifier → the contact that claims it, or 404.
     */
    private ApiResponse lookupContact(ApiRequest request) {
        ObjectNode identifier = IdentifierStore.validIdentifier(request.jsonObject(), "");
        IdentifierStore.Claim claim = store.identifiers.holder("contact", identifier);
        if (claim == null || !claim.kind().equals("contact")) {
            throw ApiException.notFound("No contact claims the identifier " + IdentifierStore.describe(identifier));
        }
        return ApiResponse.ok(store.contacts.resolved(claim.entityId()).deepCopy());
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
        store.contacts.table().filter(c -> ContactStore.visible(c) && hasValue(c, needle)).stream().limit(25)
                .forEach(c -> contacts.add(c.deepCopy()));
        ArrayNode organizations = body.putArray("externalOrganizations");
        store.organizations.table().filter(o -> hasValue(o, needle)).stream().limit(25)
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
        return !screenName.isEmpty()
                && (screenName.equalsIgnoreCase(needle) || ("@" + screenName).equalsIgnoreCase(needle));
    }

    private ApiResponse listOrganizationIdentifiers(ApiRequest request) {
        String id = store.organizations.existing(request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(store.identifiers.listing("organization", id));
    }

    private ApiResponse patchOrganizationIdentifiers(ApiRequest request) {
        String id = store.organizations.existing(request.pathParam("externalOrganizationId")).get("id").asText();
        return ApiResponse.ok(store.identifiers.claimOrRelease(request.jsonObject(), "organization", id));
    }

    private ApiResponse lookupOrganization(ApiRequest request) {
        ObjectNode identifier = IdentifierStore.validIdentifier(request.jsonObject(), "",
                IdentifierStore.ORGANIZATION_IDENTIFIER_TYPES);
        IdentifierStore.Claim claim = store.identifiers.holder("organization", identifier);
        if (claim == null || !claim.kind().equals("organization")) {
            throw ApiException.notFound("No external organization claims the identifier "
                    + IdentifierStore.describe(identifier));
        }
        return ApiResponse.ok(OrganizationStore.view(store.organizations.existing(claim.entityId()), false));
    }
}
