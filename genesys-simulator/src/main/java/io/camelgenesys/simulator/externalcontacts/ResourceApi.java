package io.camelgenesys.simulator.externalcontacts;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.RouteHandler;
import io.camelgenesys.simulator.Routes;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * What every External Contacts HTTP class starts from: the stores, their locks and the API's base path. Each
 * subclass serves one resource and registers its routes, each route declaring the stores it reads and writes.
 */
abstract class ResourceApi {

    static final String BASE = ExternalContactsStores.BASE;

    final ExternalContactsStores store;
    final ExternalContactsStores.Locks locks;

    ResourceApi(ExternalContactsStores store) {
        this.store = store;
        this.locks = store.locks;
    }

    /** Adds this resource's routes (all Cloud authenticated). */
    abstract void register(Routes routes);

    /**
     * One page of a scan ({@code GET /scan/<entities>?limit=&cursor=&divisionId=}): {@code divisionId}, "the division
     * to scan over" (SDK), keeps the entities of that division (and those without one, which every division sees); a
     * cursor continues only the scan of the division that issued it.
     */
    ApiResponse scan(ApiRequest request, String entities, EntityTable table, Predicate<ObjectNode> filter) {
        String division = request.query("divisionId");
        List<String> divisions = division == null || division.isBlank() ? List.of() : List.of(division.strip());
        return ApiResponse.ok(store.scans.scan(request, entities + ":" + divisions, table,
                e -> filter.test(e) && ContactStore.inDivisions(e, divisions), BASE + "/scan/" + entities));
    }

    /** A route handler, to declare the stores it reads and writes ({@code .reading(...)}, {@code .writing(...)}). */
    static StoreLock.Guard guard(RouteHandler handler) {
        return StoreLock.guard(handler);
    }
}
