package io.camelgenesys.simulator.externalcontacts;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
final class IdentifiersApi extends ResourceApi {

    /**
     * Who holds identifiers: contacts or organizations.
     *
     * @param kind    {@code contact} or {@code organization}
     * @param entity  the path of one, e.g. {@code /api/v2/externalcontacts/contacts/{contactId}}
     * @param param   its path variable
     * @param lock    its store's lock
     * @param find    the entity for a path id, or 404 (a contact resolves through merges)
     * @param view    the lookup's answer for an entity
     * @param label   names the kind in a lookup's 404
     */
    private record Holder(String kind, String entity, String param, StoreLock lock, Function<String, ObjectNode> find,
            UnaryOperator<ObjectNode> view, String label) {
    }

    /** Seed 003: "Look up contacts based on an attribute. Maximum of 25 values returned." */
    static final int REVERSE_LOOKUP_MAX = 25;

    IdentifiersApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        Holder contacts = new Holder("contact", BASE + "/contacts/{contactId}", "contactId", locks.contacts,
                store.contacts::resolved, ObjectNode::deepCopy, "contact");
        Holder organizations = new Holder("organization", BASE + "/organizations/{externalOrganizationId}",
                "externalOrganizationId", locks.organizations, store.organizations::existing,
                organization -> OrganizationStore.view(organization, false), "external organization");
        StoreLock.Guard lookupContact = guard(r -> lookup(contacts, r)).reading(locks.contacts, locks.identifiers);
        routes.add("POST", BASE + "/identifierlookup/contacts", Auth.CLOUD, lookupContact);
        // Deprecated ("use /api/v2/externalcontacts/identifierlookup/contacts") but still served by Genesys, and the
        // path of postExternalcontactsIdentifierlookup in the Java SDK 198.1.0 and the JavaScript SDK 262.0.0.
        routes.add("POST", BASE + "/identifierlookup", Auth.CLOUD, lookupContact);
        routes.add("GET", BASE + "/reversewhitepageslookup", Auth.CLOUD, guard(this::reverseLookup)
                .reading(locks.contacts));
        for (Holder holder : List.of(contacts, organizations)) {
            routes.add("GET", holder.entity() + "/identifiers", Auth.CLOUD, guard(r -> list(holder, r))
                    .reading(holder.lock(), locks.identifiers));
            routes.add("PATCH", holder.entity() + "/identifiers", Auth.CLOUD, guard(r -> claimOrRelease(holder, r))
                    .reading(holder.lock()).writing(locks.identifiers));
        }
        routes.add("POST", BASE + "/identifierlookup/organizations", Auth.CLOUD,
                guard(r -> lookup(organizations, r)).reading(locks.organizations, locks.identifiers));
    }

    /** {@code GET .../identifiers}: {@code {"entities":[identifier…]}}. */
    private ApiResponse list(Holder holder, ApiRequest request) {
        String id = holder.find().apply(request.pathParam(holder.param())).get("id").asText();
        return ApiResponse.ok(store.identifiers.listing(holder.kind(), id));
    }

    /** IdentifierClaimRequest: {@code {"operation":"Claim"|"Release","identifier":{type,value}}} → the identifier. */
    private ApiResponse claimOrRelease(Holder holder, ApiRequest request) {
        String id = holder.find().apply(request.pathParam(holder.param())).get("id").asText();
        return ApiResponse.ok(store.identifiers.claimOrRelease(request.jsonObject(), holder.kind(), id));
    }

    /**
     * {@code POST /identifierlookup/contacts} (and its deprecated alias {@code POST /identifierlookup}) with a
     * ContactIdentifier, or {@code POST /identifierlookup/organizations} with an ExternalOrganizationIdentifier → the
     * entity that claims it, or 404.
     */
    private ApiResponse lookup(Holder holder, ApiRequest request) {
        ObjectNode identifier = IdentifierStore.validIdentifier(request.jsonObject(), "",
                IdentifierStore.identifierTypes(holder.kind()));
        IdentifierStore.Claim claim = store.identifiers.holder(holder.kind(), identifier);
        if (claim == null) {
            throw ApiException.notFound("No " + holder.label() + " claims the identifier "
                    + IdentifierStore.describe(identifier));
        }
        return ApiResponse.ok(holder.view().apply(holder.find().apply(claim.entityId())));
    }

    /**
     * {@code GET /reversewhitepageslookup?lookupVal=&divisionId=}: the contacts with that email address, E.164 phone
     * number or Twitter screen name ({@code ReverseWhitepagesLookupResult}: {@code contacts} only, SDK 262.0.0);
     * "Maximum of 25 values returned" (seed 003) in all; {@code divisionId} the division to look up contacts in.
     */
    private ApiResponse reverseLookup(ApiRequest request) {
        String value = request.query("lookupVal");
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("lookupVal is required");
        }
        String division = request.query("divisionId");
        List<String> divisions = division == null || division.isBlank() ? List.of() : List.of(division.strip());
        String needle = value.strip();
        ObjectNode body = Json.object();
        ArrayNode contacts = body.putArray("contacts");
        store.contacts.table().filter(c -> ContactStore.visible(c) && ContactStore.inDivisions(c, divisions)
                && hasValue(c, needle)).stream().limit(REVERSE_LOOKUP_MAX).forEach(c -> contacts.add(c.deepCopy()));
        return ApiResponse.ok(body);
    }

    private static boolean hasValue(ObjectNode contact, String needle) {
        for (String f : ContactStore.EMAIL_FIELDS) {
            if (contact.path(f).asText("").equalsIgnoreCase(needle)) {
                return true;
            }
        }
        for (String phone : ContactStore.phones(contact)) {
            if (phone.equals(needle)) {
                return true;
            }
        }
        String screenName = contact.path("twitterId").path("screenName").asText("");
        return !screenName.isEmpty()
                && (screenName.equalsIgnoreCase(needle) || ("@" + screenName).equalsIgnoreCase(needle));
    }
}
