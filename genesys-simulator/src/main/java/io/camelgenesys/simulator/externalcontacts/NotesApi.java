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
final class NotesApi {

    static final int NOTE_TEXT_MAX = 32_000;

    private final ExternalContactsStores store;
    private final String entityType;
    private final String paramName;
    private final EntityTable parents;
    private final String parentLabel;
    private final String basePath;

    private NotesApi(ExternalContactsStores store, String entityType, String basePath, String paramName,
            EntityTable parents, String parentLabel) {
        this.store = store;
        this.entityType = entityType;
        this.basePath = basePath;
        this.paramName = paramName;
        this.parents = parents;
        this.parentLabel = parentLabel;
    }

    /** Registers the notes of contacts, the notes of organizations and the scan of every note. */
    static void register(Routes routes, ExternalContactsStores store) {
        String base = ExternalContactsStores.BASE;
        register(routes, store, "contact", base + "/contacts", "contactId", store.contacts.table(),
                "ExternalContact");
        register(routes, store, "organization", base + "/organizations", "externalOrganizationId",
                store.organizations.table(), "External organization");
        routes.add("GET", base + "/scan/notes", Auth.CLOUD, StoreLock.guard(request -> ApiResponse.ok(
                store.scans.scan(request, "notes", store.notes, n -> true, base + "/scan/notes")))
                .reading(store.notes.lock()));
    }

    /**
     * @param entityType  {@code contact} or {@code organization} (the note's {@code entityType})
     * @param parentsPath e.g. {@code /api/v2/externalcontacts/contacts}
     * @param paramName   the parent's path variable, e.g. {@code contactId}
     * @param parents     the contacts or the organizations: every note route reads its parent, then the notes
     */
    private static void register(Routes routes, ExternalContactsStores store, String entityType, String parentsPath,
            String paramName, EntityTable parents, String parentLabel) {
        NotesApi api = new NotesApi(store, entityType, parentsPath, paramName, parents, parentLabel);
        String notes = parentsPath + "/{" + paramName + "}/notes";
        StoreLock parent = parents.lock();
        StoreLock noteStore = store.notes.lock();
        routes.add("POST", notes, Auth.CLOUD, StoreLock.guard(api::create).reading(parent).writing(noteStore));
        routes.add("GET", notes, Auth.CLOUD, StoreLock.guard(api::list).reading(parent, noteStore));
        routes.add("GET", notes + "/{noteId}", Auth.CLOUD, StoreLock.guard(api::get).reading(parent, noteStore));
        routes.add("PUT", notes + "/{noteId}", Auth.CLOUD, StoreLock.guard(api::replace).reading(parent)
                .writing(noteStore));
        routes.add("DELETE", notes + "/{noteId}", Auth.CLOUD, StoreLock.guard(api::delete).reading(parent)
                .writing(noteStore));
    }

    /** @return the notes of one contact or organization, in creation order (caller holds the notes lock) */
    static List<ObjectNode> notesOf(EntityTable notes, String entityType, String entityId) {
        return notes.filter(n -> entityType.equals(n.path("entityType").asText())
                && entityId.equals(n.path("entityId").asText()));
    }

    private ApiResponse create(ApiRequest request) {
        String parentId = parent(request);
        ObjectNode note = valid(request.jsonObject(), true);
        if (!note.hasNonNull("createdBy")) {
            String principal = request.principal();
            note.putObject("createdBy").put("id", principal).put("selfUri", "/api/v2/users/" + principal);
        }
        String now = ContactStore.now();
        note.put("entityId", parentId);
        note.put("entityType", entityType);
        note.put("createDate", now);
        note.put("modifyDate", now);
        ObjectNode stored = store.notes.insert(note);
        stored.put("selfUri", noteUri(parentId, stored.get("id").asText()));
        return ApiResponse.ok(stored.deepCopy());
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(note(request).deepCopy());
    }

    private ApiResponse list(ApiRequest request) {
        String parentId = parent(request);
        List<ObjectNode> notes = notesOf(store.notes, entityType, parentId);
        // expand=mergeset: "will include notes attached to ancestor contacts which have been merged into this one".
        if (Checks.listParam(request, "expand").contains("mergeset")) {
            for (JsonNode member : parents.get(parentId).path("mergeSet")) {
                String memberId = member.path("id").asText();
                if (!memberId.equals(parentId) && mergedInto(memberId, parentId)) {
                    notes.addAll(notesOf(store.notes, entityType, memberId));
                }
            }
        }
        SortOrder.sort(notes, request.query("sortOrder"), List.of("createDate"), "createDate");
        return ApiResponse.ok(PageNumberPaging.page(notes, request, basePath + "/" + parentId + "/notes", null));
    }

    /** @return whether {@code ancestorId} was merged, directly or through other merges, into {@code id} */
    private boolean mergedInto(String ancestorId, String id) {
        ObjectNode contact = parents.get(ancestorId);
        for (int hops = 0; contact != null && contact.hasNonNull("mergedTo") && hops < 100; hops++) {
            String next = contact.get("mergedTo").path("id").asText();
            if (next.equals(id)) {
                return true;
            }
            contact = parents.get(next);
        }
        return false;
    }

    private ApiResponse replace(ApiRequest request) {
        ObjectNode old = note(request);
        ObjectNode note = valid(request.jsonObject(), false);
        // Seed 003 (PUT note): "createdBy object Yes".
        Checks.reference(note, "createdBy", true);
        if (!note.hasNonNull("noteText")) {
            note.set("noteText", old.get("noteText"));
        }
        for (String kept : List.of("entityId", "entityType", "createDate")) {
            note.set(kept, old.get(kept));
        }
        note.put("modifyDate", ContactStore.now());
        String id = old.get("id").asText();
        store.notes.replace(id, note);
        note.put("selfUri", noteUri(note.get("entityId").asText(), id));
        return ApiResponse.ok(note.deepCopy());
    }

    private ApiResponse delete(ApiRequest request) {
        store.notes.remove(note(request).get("id").asText());
        return ApiResponse.noContent();
    }

    private ObjectNode valid(ObjectNode body, boolean create) {
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

    private String parent(ApiRequest request) {
        String id = request.pathParam(paramName);
        if (parents.get(id) == null) {
            throw ApiException.notFound(parentLabel + " " + id + " not found");
        }
        return id;
    }

    private ObjectNode note(ApiRequest request) {
        String parentId = parent(request);
        String noteId = request.pathParam("noteId");
        ObjectNode note = store.notes.get(noteId);
        if (note == null || !entityType.equals(note.path("entityType").asText())
                || !parentId.equals(note.path("entityId").asText())) {
            throw ApiException.notFound("Note " + noteId + " not found on " + parentLabel + " " + parentId);
        }
        return note;
    }

    private String noteUri(String parentId, String noteId) {
        return basePath + "/" + parentId + "/notes/" + noteId;
    }
}
