package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.PageNumberPaging;
import io.camelgenesys.simulator.store.SortOrder;

/**
 * {@code POST /contacts/search} (npm SDK 262.0.0, "Search for external contacts"): a ContactSearchRequest, the
 * search of {@code GET /contacts} with its parameters in the body: {@code pageSize} (1–100, default 25) and
 * {@code pageNumber} capped at 1,000 records, {@code divisionIds} (at most 50), and
 * {@code operation.simpleSearch}: {@code query} (as {@code q}), {@code sortOrder} (a list of {@code field:direction};
 * the first is applied) and {@code ids} (only those contacts). The answer is a ContactListing.
 */
final class ContactSearchApi extends ResourceApi {

    ContactSearchApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        routes.add("POST", BASE + "/contacts/search", Auth.CLOUD, guard(this::search).reading(locks.contacts));
    }

    private ApiResponse search(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        List<String> divisions = texts(Checks.array(body, "divisionIds", 0, 50, false), "divisionIds");
        ObjectNode operation = Checks.object(body, "operation", false);
        ObjectNode simple = operation == null ? null : Checks.prefixed("operation.",
                () -> Checks.object(operation, "simpleSearch", false));
        String query = simple == null ? null : Checks.prefixed("operation.simpleSearch.",
                () -> Checks.text(simple, "query", 0, 1000, false));
        List<String> ids = simple == null ? List.of() : texts(Checks.prefixed("operation.simpleSearch.",
                () -> Checks.array(simple, "ids", 0, Integer.MAX_VALUE, false)), "operation.simpleSearch.ids");
        List<String> sort = simple == null ? List.of() : texts(Checks.prefixed("operation.simpleSearch.",
                () -> Checks.array(simple, "sortOrder", 0, Integer.MAX_VALUE, false)),
                "operation.simpleSearch.sortOrder");
        List<ObjectNode> found = store.contacts.table().filter(c -> ContactStore.visible(c)
                && ContactStore.matches(c, query) && ContactStore.inDivisions(c, divisions)
                && (ids.isEmpty() || ids.contains(c.path("id").asText())));
        SortOrder.sort(found, sort.isEmpty() ? null : sort.get(0), ContactStore.CONTACT_SORT_FIELDS, "lastName");
        return ApiResponse.ok(PageNumberPaging.page(found, number(body, "pageSize", 25), number(body, "pageNumber", 1),
                BASE + "/contacts/search", BASE + "/scan/contacts"));
    }

    private static int number(ObjectNode body, String field, int defaultValue) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest(field + " must be a whole number");
        }
        return v.asInt();
    }

    private static List<String> texts(ArrayNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw ApiException.badRequest(field + "[" + i + "] must be text");
            }
            values.add(array.get(i).asText());
        }
        return values;
    }
}
