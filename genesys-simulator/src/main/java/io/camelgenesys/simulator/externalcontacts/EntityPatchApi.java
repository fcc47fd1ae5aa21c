package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Routes;

/**
 * PATCH of organizations, of contact and organization notes and of relationships (npm SDK 262.0.0: each takes an
 * ExternalContactsPatchRequest): the change list is applied as for a contact ({@link PatchChanges}: 409 for a field
 * and its parent, 400 for a field the server owns), and the result must be valid as a PUT of the entity would be (an
 * organization keeps its name, a note its text of 1 to 32,000 characters, a relationship its user, organization and
 * text of 1 to 100 characters). Unknown entities are 404.
 */
final class EntityPatchApi extends ResourceApi {

    /** What the server owns on a note: its place (entityId, entityType) and dates. */
    private static final List<String> NOTE_SERVER_FIELDS = List.of("id", "selfUri", "createDate", "modifyDate",
            "entityId", "entityType", "externalDataSources");
    private static final List<String> RELATIONSHIP_SERVER_FIELDS = List.of("id", "selfUri", "externalDataSources");

    private final NotesApi notes;
    private final RelationshipsApi relationships;

    EntityPatchApi(ExternalContactsStores store) {
        super(store);
        this.notes = new NotesApi(store);
        this.relationships = new RelationshipsApi(store);
    }

    @Override
    void register(Routes routes) {
        String organization = BASE + "/organizations/{externalOrganizationId}";
        routes.add("PATCH", organization, Auth.CLOUD, guard(this::patchOrganization).writing(locks.organizations));
        NotesApi.Parent contact = new NotesApi.Parent("contact", BASE + "/contacts", "contactId",
                store.contacts.table(), "ExternalContact");
        NotesApi.Parent org = new NotesApi.Parent("organization", BASE + "/organizations", "externalOrganizationId",
                store.organizations.table(), "External organization");
        for (NotesApi.Parent parent : List.of(contact, org)) {
            routes.add("PATCH", parent.path() + "/{" + parent.param() + "}/notes/{noteId}", Auth.CLOUD,
                    guard(r -> patchNote(parent, r)).reading(parent.table().lock()).writing(locks.notes));
        }
        routes.add("PATCH", BASE + "/relationships/{relationshipId}", Auth.CLOUD, guard(this::patchRelationship)
                .reading(locks.organizations).writing(locks.relationships));
    }

    private ApiResponse patchOrganization(ApiRequest request) {
        String id = request.pathParam("externalOrganizationId");
        ObjectNode old = store.organizations.existing(id);
        ObjectNode patched = PatchChanges.apply(old, request.jsonObject(),
                OrganizationStore.ORGANIZATION_SERVER_FIELDS);
        ObjectNode organization = OrganizationStore.valid(patched);
        return ApiResponse.ok(OrganizationStore.view(store.organizations.update(id, old, organization), false));
    }

    /** A note's text stays required (a Remove of it is refused as a PUT without text would be on create). */
    private ApiResponse patchNote(NotesApi.Parent parent, ApiRequest request) {
        ObjectNode old = notes.note(parent, request);
        ObjectNode patched = PatchChanges.apply(old, request.jsonObject(), NOTE_SERVER_FIELDS);
        return ApiResponse.ok(notes.replace(parent, old, notes.valid(patched, true)));
    }

    private ApiResponse patchRelationship(ApiRequest request) {
        String id = request.pathParam("relationshipId");
        ObjectNode old = relationships.relationship(id);
        ObjectNode patched = PatchChanges.apply(old, request.jsonObject(), RELATIONSHIP_SERVER_FIELDS);
        ObjectNode relationship = relationships.validRelationship(patched);
        store.relationships.replace(id, relationship);
        return ApiResponse.ok(relationship.deepCopy());
    }
}
