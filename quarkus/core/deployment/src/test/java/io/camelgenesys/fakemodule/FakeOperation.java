package io.camelgenesys.fakemodule;

import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.fakemodule.model.FakeThing;

/** An operation table whose response type lives outside a model package: found only by reading the table. */
public enum FakeOperation implements GenesysOperation {

    getThing(OperationSpec.get("/fake/{thingId}").returns(FakeThing.class)),
    lookup(OperationSpec.post("/fake/lookups").body(FakeThing.class).returns(FakeLookupResult.class));

    private final OperationSpec spec;

    FakeOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
