package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.PageNumberPaging;
import io.camelgenesys.simulator.store.SortOrder;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * Notes of contacts and of organizations ({@code .../{id}/notes[/{noteId}]}, seed 003): {@code noteText} between 1 and
 * 32,000 characters (required on create), {@code createdBy} required on update, page-number listing sorted by
 * {@code createDate:asc|desc} and capped at 1,000 records; and the scan of every note.
 */
final class NotesApi extends ResourceApi {

    static final int NOTE_TEXT_MAX = 32_000;

    /**
     * Whose notes: a contact or an organization.
     *
     * @param entityType {@code contact} or {@code organization} (the note's {@code entityType})
     * @param path       e.g. {@code /api/v2/externalcontacts/contacts}
     * @param param      the parent's path variable, e.g. {@code contactId}
     * @param table      the parents: every note route reads its parent, then the notes
     * @param label      names the parent in a 404
     */
    record Parent(String entityType, String path, String param, EntityTable table, String label) {
    }

    NotesApi(ExternalContactsStores store) {
        super(store);
    }

    /** Registers the notes of contacts, the notes of organizations and the scan of every note. */
    @Override
    void register(Routes routes) {
        register(routes, new Parent("contact", BASE + "/contacts", "contactId", store.contacts.table(),
                "ExternalContact"));
        register(routes, new Parent("organization", BASE + "/organizations", "externalOrganizationId",
                store.organizations.table(), "External organization"));
        routes.add("GET", BASE + "/scan/notes", Auth.CLOUD, guard(request -> scan(request, "notes", store.notes,
                n -> true)).reading(locks.notes));
    }

    private void register(Routes routes, Parent parent) {
        String notes = parent.path() + "/{" + parent.param() + "}/notes";
        StoreLock parentLock = parent.table().lock();
        routes.add("POST", notes, Auth.CLOUD, guard(r -> create(parent, r)).reading(parentLock).writing(locks.notes));
        routes.add("GET", notes, Auth.CLOUD, guard(r -> list(parent, r)).reading(parentLock, locks.notes));
        routes.add("GET", notes + "/{noteId}", Auth.CLOUD, guard(r -> get(parent, r)).reading(parentLock, locks.notes));
        routes.add("PUT", notes + "/{noteId}", Auth.CLOUD, guard(r -> replace(parent, r)).reading(parentLock)
                .writing(locks.notes));
        routes.add("DELETE", notes + "/{noteId}", Auth.CLOUD, guard(r -> delete(parent, r)).reading(parentLock)
                .writing(locks.notes));
    }

    /** @return the notes of one contact or organization, in creation order (caller holds the notes lock) */
    static List<ObjectNode> notesOf(EntityTable notes, String entityType, String entityId) {
        return notes.filter(n -> entityType.equals(n.path("entityType").asText())
                && entityId.equals(n.path("entityId").asText()));
    }

    private ApiResponse create(Parent parent, ApiRequest request) {
        String parentId = parent(parent, request);
        ObjectNode note = valid(request.jsonObject(), true);
        if (!note.hasNonNull("createdBy")) {
            String principal = request.principal();
            note.putObject("createdBy").put("id", principal).put("selfUri", "/api/v2/users/" + principal);
        }
        String now = ContactStore.now();
        note.put("entityId", parentId);
        note.put("entityType", parent.entityType());
        note.put("createDate", now);
        note.put("modifyDate", now);
        ObjectNode stored = store.notes.insert(note);
        stored.put("selfUri", noteUri(parent, parentId, stored.get("id").asText()));
        return ApiResponse.ok(stored.deepCopy());
    }

    private ApiResponse get(Parent parent, ApiRequest request) {
        return ApiResponse.ok(note(parent, request).deepCopy());
    }

    private ApiResponse list(Parent parent, ApiRequest request) {
        String parentId = parent(parent, request);
        List<ObjectNode> notes = notesOf(store.notes, parent.entityType(), parentId);
        // expand=mergeset: "will include notes attached to ancestor contacts which have been merged into this one".
        if (Checks.listParam(request, "expand").contains("mergeset")) {
            for (JsonNode member : parent.table().get(parentId).path("mergeSet")) {
                String memberId = member.path("id").asText();
                if (!memberId.equals(parentId) && mergedInto(parent.table(), memberId, parentId)) {
                    notes.addAll(notesOf(store.notes, parent.entityType(), memberId));
                }
            }
        }
        SortOrder.sort(notes, request.query("sortOrder"), List.of("createDate"), "createDate");
        return ApiResponse.ok(PageNumberPaging.page(notes, request, parent.path() + "/" + parentId + "/notes", null));
    }

    /** @return whether {@code ancestorId} was merged, directly or through other merges, into {@code id} */
    private static boolean mergedInto(EntityTable contacts, String ancestorId, String id) {
        ObjectNode contact = contacts.get(ancestorId);
        for (int hops = 0; contact != null && contact.hasNonNull("mergedTo") && hops < 100; hops++) {
            String next = contact.get("mergedTo").path("id").asText();
            if (next.equals(id)) {
                return true;
            }
            contact = contacts.get(next);
        }
        return false;
    }

    private ApiResponse replace(Parent parent, ApiRequest request) {
        ObjectNode old = note(parent, request);
        ObjectNode note = valid(request.jsonObject(), false);
        // Seed 003 (PUT note): "createdBy object Yes".
        Checks.reference(note, "createdBy", true);
        return ApiResponse.ok(replace(parent, old, note));
    }

    /**
     * Stores {@code note} in place of {@code old} (PUT, PATCH, bulk update): what it leaves out of its text and author
     * stays, its entity and creation date stay, its modification date is now. Writes notes.
     *
     * @return a copy of the stored note
     */
    ObjectNode replace(Parent parent, ObjectNode old, ObjectNode note) {
        for (String kept : List.of("noteText", "createdBy")) {
            if (!note.hasNonNull(kept)) {
                note.set(kept, old.get(kept));
            }
        }
        for (String kept : List.of("entityId", "entityType", "createDate")) {
            note.set(kept, old.get(kept));
        }
        note.put("modifyDate", ContactStore.now());
        String id = old.get("id").asText();
        store.notes.replace(id, note);
        note.put("selfUri", noteUri(parent, note.get("entityId").asText(), id));
        return note.deepCopy();
    }

    private ApiResponse delete(Parent parent, ApiRequest request) {
        store.notes.remove(note(parent, request).get("id").asText());
        return ApiResponse.noContent();
    }

    ObjectNode valid(ObjectNode body, boolean create) {
        ObjectNode note = body.deepCopy();
        for (String serverField : List.of("id", "selfUri", "createDate", "modifyDate", "entityId", "entityType",
                "externalDataSources")) {
            note.remove(serverField);
        }
        // "noteText: Between 1 and 32,000 characters."
        Checks.text(note, "noteText", 1, NOTE_TEXT_MAX, create);
        Checks.object(note, "createdBy", false);
        return note;
    }

    private static String parent(Parent parent, ApiRequest request) {
        String id = request.pathParam(parent.param());
        if (parent.table().get(id) == null) {
            throw ApiException.notFound(parent.label() + " " + id + " not found");
        }
        return id;
    }

    ObjectNode note(Parent parent, ApiRequest request) {
        String parentId = parent(parent, request);
        String noteId = request.pathParam("noteId");
        ObjectNode note = store.notes.get(noteId);
        if (note == null || !parent.entityType().equals(note.path("entityType").asText())
                || !parentId.equals(note.path("entityId").asText())) {
            throw ApiException.notFound("Note " + noteId + " not found on " + parent.label() + " " + parentId);
        }
        return note;
    }

    static String noteUri(Parent parent, String parentId, String noteId) {
        return parent.path() + "/" + parentId + "/notes/" + noteId;
    }
}
