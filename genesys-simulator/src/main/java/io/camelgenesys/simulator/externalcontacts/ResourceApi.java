package io.camelgenesys.simulator.externalcontacts;

import io.camelgenesys.simulator.RouteHandler;
import io.camelgenesys.simulator.Routes;
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

    /** A route handler, to declare the stores it reads and writes ({@code .reading(...)}, {@code .writing(...)}). */
    static StoreLock.Guard guard(RouteHandler handler) {
        return StoreLock.guard(handler);
    }
}
