package io.camelgenesys.statistics;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.statistics.model.StatisticData;
import io.camelgenesys.statistics.model.PeekedStatisticValue;

/**
 * The genesys-stats operations, one row each: the Multicloud CX Statistics API ({@code /statistics/v3}, seed 002).
 * Every response is a Multicloud envelope; the body is its {@code data} (or the part of it named below). The request
 * bodies are built by the preparers of {@link StatisticsRequests}.
 */
public enum StatisticsOperation implements GenesysOperation {
    /** GET one pre-configured statistic of one object, without a subscription. */
    getValue(OperationSpec.get("/statistics/v3/statistic-values/{statisticName}").query("objectType", "objectId")
            .multicloud().result("/data/statistic").returns(PeekedStatisticValue.class)
            .prepare(StatisticsRequests.ONE_STATISTIC)),
    /** get-statistic-ex: the values of several pre-configured statistics at once; a read, so safe to retry. */
    getValues(OperationSpec.post("/statistics/v3/operations/get-statistic-ex").optionalBody(Object.class)
            .idempotent(true).multicloud().result("/data/statistics").returns(PeekedStatisticValue.class)
            .prepare(StatisticsRequests.PEEK)),
    createSubscription(OperationSpec.post("/statistics/v3/subscriptions").optionalBody(Object.class).query("verbose")
            .multicloud().returns(StatisticData.class).prepare(StatisticsRequests.SUBSCRIPTION)),
    getSubscriptionValues(OperationSpec.get("/statistics/v3/subscriptions/{subscriptionId}/statistic-values")
            .query("statisticIds", "verbose").multicloud().returns(StatisticData.class)),
    /** Fire-and-forget on Genesys' side: always answers success, so safe to retry. */
    deleteSubscription(OperationSpec.delete("/statistics/v3/subscriptions/{subscriptionId}").multicloud()),
    /**
     * The consumer only: {@code from("genesys-stats:subscribe?statistics=...")} creates a subscription (with
     * createSubscription) and streams what Genesys publishes on this CometD channel; {@code to()} refuses it.
     */
    subscribe(OperationSpec.cometd("/statistics/v3/updates"));

    private final OperationSpec spec;

    StatisticsOperation(OperationSpec spec) {
        // the Statistics API is a Genesys Multicloud CX API
        this.spec = spec.only(GenesysPlatform.multicloud);
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
