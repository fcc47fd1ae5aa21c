package io.camelgenesys.messaging.openmedia;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.messaging.model.ChangePropertiesRequest;
import io.camelgenesys.messaging.model.CreateInteractionRequest;
import io.camelgenesys.messaging.model.OpenMediaInteraction;
import io.camelgenesys.messaging.model.StopInteractionRequest;

/**
 * The genesys-openmedia operations, one row each: Genesys Multicloud CX Task Routing / Open Media
 * ({@code /nexus/v3/openmedia/{openMediaService}/interactions}, seed 002 L6718-7256). get, update and stop address a
 * workitem by interactionId or by externalId ({@code ext_<id>} in the same path segment): one row each, the segment
 * built by {@link OpenMediaRequests#ADDRESSED}.
 */
public enum OpenMediaOperation implements GenesysOperation {
    /** A new workitem; a 409 (its externalId exists) fails clearly, or returns the existing one (idempotentCreate). */
    create(OperationSpec.post("/nexus/v3/openmedia/{openMediaService}/interactions")
            .optionalBody(CreateInteractionRequest.class).multicloud().returns(OpenMediaInteraction.class)
            .prepare(OpenMediaRequests.CREATE_BODY).execution(OpenMediaRequests.CREATE)),
    get(OperationSpec.get("/nexus/v3/openmedia/{openMediaService}/interactions/{interaction}")
            .alias("interaction", "interactionId").multicloud().returns(OpenMediaInteraction.class)
            .prepare(OpenMediaRequests.ADDRESSED)),
    /** Changes its user data: added, changed and deleted properties. Not retried on a 5xx (a POST). */
    update(OperationSpec.post("/nexus/v3/openmedia/{openMediaService}/interactions/{interaction}/update")
            .alias("interaction", "interactionId").body(ChangePropertiesRequest.class).multicloud()
            .returns(OpenMediaInteraction.class).rules(OpenMediaRequests.UPDATE)
            .prepare((call, context) -> {
                OpenMediaRequests.UPDATE_BODY.prepare(call, context);
                OpenMediaRequests.ADDRESSED.prepare(call, context);
            })),
    /**
     * Stops it. Retried after a 5xx or a lost connection although a POST: the seed (002 L7110-7181) does not say what a
     * second stop answers, but a stop creates nothing a retry could duplicate (the workitem ends stopped, with the
     * reason sent, whichever attempt applied it); a refusal of the second stop is what the route then sees.
     */
    stop(OperationSpec.post("/nexus/v3/openmedia/{openMediaService}/interactions/{interaction}/stop")
            .alias("interaction", "interactionId").optionalBody(StopInteractionRequest.class).idempotent(true)
            .multicloud().returns(OpenMediaInteraction.class)
            .prepare((call, context) -> {
                OpenMediaRequests.STOP_BODY.prepare(call, context);
                OpenMediaRequests.ADDRESSED.prepare(call, context);
            }));

    private final OperationSpec spec;

    OpenMediaOperation(OperationSpec spec) {
        this.spec = spec.only(GenesysPlatform.multicloud);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
