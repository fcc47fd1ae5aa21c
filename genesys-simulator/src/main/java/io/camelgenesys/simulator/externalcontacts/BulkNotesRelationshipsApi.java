package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;

/**
 * The bulk operations of notes and relationships (npm SDK 262.0.0: {@code /bulk/notes[/add|/update|/remove]},
 * {@code /bulk/relationships[/add|/update|/remove]}; BulkNotesResponse, BulkRelationshipsResponse,
 * BulkFetch*Response, BulkDeleteResponse): each item succeeds or fails on its own, as the single-entity operation
 * would ({@link BulkResults}). A note to add names the entity it is on ({@code entityId}, {@code entityType}
 * contact or organization: Note.EntityTypeEnum), which must exist (404 for that item).
 */
final class BulkNotesRelationshipsApi extends ResourceApi {

    private static final List<String> NOTE_ENTITY_TYPES = List.of("contact", "organization");

    private final NotesApi notes;
    private final RelationshipsApi relationships;
    private final NotesApi.Parent contactParent;
    private final NotesApi.Parent organizationParent;

    BulkNotesRelationshipsApi(ExternalContactsStores store) {
        super(store);
        this.notes = new NotesApi(store);
        this.relationships = new RelationshipsApi(store);
        this.contactParent = new NotesApi.Parent("contact", BASE + "/contacts", "contactId", store.contacts.table(),
                "ExternalContact");
        this.organizationParent = new NotesApi.Parent("organization", BASE + "/organizations",
                "externalOrganizationId", store.organizations.table(), "External organization");
    }

    @Override
    void register(Routes routes) {
        String bulkNotes = BASE + "/bulk/notes";
        routes.add("POST", bulkNotes, Auth.CLOUD, guard(this::notesGet).reading(locks.notes));
        routes.add("POST", bulkNotes + "/add", Auth.CLOUD, guard(this::notesAdd)
                .reading(locks.organizations, locks.contacts).writing(locks.notes));
        routes.add("POST", bulkNotes + "/update", Auth.CLOUD, guard(this::notesUpdate).writing(locks.notes));
        routes.add("POST", bulkNotes + "/remove", Auth.CLOUD, guard(this::notesRemove).writing(locks.notes));
        String bulkRelationships = BASE + "/bulk/relationships";
        routes.add("POST", bulkRelationships, Auth.CLOUD, guard(this::relationshipsGet).reading(locks.relationships));
        routes.add("POST", bulkRelationships + "/add", Auth.CLOUD, guard(this::relationshipsAdd)
                .reading(locks.organizations).writing(locks.relationships));
        routes.add("POST", bulkRelationships + "/update", Auth.CLOUD, guard(this::relationshipsUpdate)
                .reading(locks.organizations).writing(locks.relationships));
        routes.add("POST", bulkRelationships + "/remove", Auth.CLOUD, guard(this::relationshipsRemove)
                .writing(locks.relationships));
    }

    // ---- notes ----------------------------------------------------------------------------------------------------

    private ObjectNode existingNote(String id) {
        ObjectNode note = store.notes.get(id);
        if (note == null) {
            throw ApiException.notFound("Note " + id + " not found");
        }
        return note;
    }

    private NotesApi.Parent parentOf(ObjectNode note) {
        return "contact".equals(note.path("entityType").asText()) ? contactParent : organizationParent;
    }

    private ApiResponse notesGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.fetchEach(request, id -> existingNote(id).deepCopy()));
    }

    /** Each note as createNote would store it on its entity (the caller is its author unless it names one). */
    private ApiResponse notesAdd(ApiRequest request) {
        String principal = request.principal();
        return ApiResponse.ok(BulkResults.addEach(request, item -> {
            String entityType = Checks.oneOf(item, "entityType", NOTE_ENTITY_TYPES, true);
            String entityId = Checks.text(item, "entityId", 1, 255, true);
            NotesApi.Parent parent = "contact".equals(entityType) ? contactParent : organizationParent;
            if (parent.table().get(entityId) == null) {
                throw ApiException.notFound(parent.label() + " " + entityId + " not found");
            }
            ObjectNode note = notes.valid(item, true);
            if (!note.hasNonNull("createdBy")) {
                note.putObject("createdBy").put("id", principal).put("selfUri", "/api/v2/users/" + principal);
            }
            String now = ContactStore.now();
            note.put("entityId", entityId);
            note.put("entityType", entityType);
            note.put("createDate", now);
            note.put("modifyDate", now);
            ObjectNode stored = store.notes.insert(note);
            stored.put("selfUri", NotesApi.noteUri(parent, entityId, stored.get("id").asText()));
            return stored;
        }));
    }

    /** Each note replaced as updateNote would (its entity and creation kept; its author kept unless it names one). */
    private ApiResponse notesUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.updateEach(request, (id, item) -> {
            ObjectNode old = existingNote(id);
            return notes.replace(parentOf(old), old, notes.valid(item, false));
        }));
    }

    private ApiResponse notesRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.removeEach(request, id -> store.notes.remove(existingNote(id)
                .get("id").asText())));
    }

    // ---- relationships --------------------------------------------------------------------------------------------

    private ApiResponse relationshipsGet(ApiRequest request) {
        return ApiResponse.ok(BulkResults.fetchEach(request, id -> relationships.relationship(id).deepCopy()));
    }

    private ApiResponse relationshipsAdd(ApiRequest request) {
        return ApiResponse.ok(BulkResults.addEach(request,
                item -> store.relationships.insert(relationships.validRelationship(item))));
    }

    private ApiResponse relationshipsUpdate(ApiRequest request) {
        return ApiResponse.ok(BulkResults.updateEach(request, (id, item) -> {
            relationships.relationship(id); // 404 when unknown
            ObjectNode relationship = relationships.validRelationship(item);
            store.relationships.replace(id, relationship);
            return relationship.deepCopy();
        }));
    }

    private ApiResponse relationshipsRemove(ApiRequest request) {
        return ApiResponse.ok(BulkResults.removeEach(request,
                id -> store.relationships.remove(relationships.relationship(id).get("id").asText())));
    }
}
