package io.camelgenesys.messaging.interactions;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * The genesys-interactions operations: the Interactions webhook of Genesys Multicloud CX Digital Channels (seed 002
 * L3098-3323), which Genesys calls with the STARTED and FINISHED events of chat and secure email interactions.
 */
public enum InteractionsOperation implements GenesysOperation {
    /** {@code from("genesys-interactions:webhook")}; {@code to()} refuses it. */
    webhook(OperationSpec.webhook());

    private final OperationSpec spec;

    InteractionsOperation(OperationSpec spec) {
        this.spec = spec.only(GenesysPlatform.multicloud);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
