package io.camelgenesys.statistics;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-stats: the shared camel-genesys headers, the producers' path and query parameters, and what the
 * subscribe consumer sets on each exchange. The consumer's headers have the producers' names, so an exchange from
 * {@code subscribe} can feed {@code getSubscriptionValues} or {@code getValue} as it is.
 */
public final class StatisticsConstants extends GenesysConstants {

    @Metadata(description = "The subscription id. Producers: overrides the subscriptionId option. Consumer: the"
                            + " subscription the value belongs to.", javaType = "String")
    public static final String SUBSCRIPTION_ID = "GenesysSubscriptionId";

    @Metadata(label = "consumer", description = "The id of the statistic inside its subscription.", javaType = "String")
    public static final String STATISTIC_ID = "GenesysStatisticId";

    @Metadata(description = "The statistic name. getValue: overrides the statisticName option. Consumer: the name the"
                            + " statistic was subscribed with (absent for statistics given by definition).",
              javaType = "String")
    public static final String STATISTIC_NAME = "GenesysStatisticName";

    @Metadata(description = "The object type (Stat Server's terms, e.g. Agent). getValue: overrides the objectType"
                            + " option. Consumer: the statistic's object type.", javaType = "String")
    public static final String OBJECT_TYPE = "GenesysObjectType";

    @Metadata(description = "The object id (e.g. an agent's id). getValue: overrides the objectId option. Consumer: the"
                            + " statistic's object id.", javaType = "String")
    public static final String OBJECT_ID = "GenesysObjectId";

    @Metadata(label = "consumer", description = "When Stat Server generated the value, in epoch milliseconds.",
              javaType = "Long")
    public static final String TIMESTAMP = "GenesysTimestamp";

    @Metadata(label = "consumer",
              description = "What the exchange carries: InitialValues (the values of a subscription just created, or"
                            + " re-read after a recovery), StatisticUpdate (a CometD update) or ServiceStateChange"
                            + " (with emitServiceState).", javaType = "String")
    public static final String EVENT_TYPE = "GenesysStatisticsEventType";

    @Metadata(label = "consumer", description = "ServiceStateChange exchanges: the Statistics service state, AVAILABLE or"
                                                + " UNAVAILABLE.", javaType = "String")
    public static final String SERVICE_STATE = "GenesysServiceState";

    @Metadata(label = "producer", description = "createSubscription: the operationId (and so the subscriptionId);"
                                                + " overrides the operationId option.", javaType = "String")
    public static final String OPERATION_ID = "GenesysOperationId";

    @Metadata(label = "producer", description = "getSubscriptionValues: comma-separated statistic ids (or a Collection);"
                                                + " overrides the statisticIds option.", javaType = "String")
    public static final String STATISTIC_IDS = "GenesysStatisticIds";

    @Metadata(label = "producer", description = "createSubscription, getSubscriptionValues: OFF or INFO; overrides the"
                                                + " verbose option.", javaType = "String")
    public static final String VERBOSE = "GenesysVerbose";

    @Metadata(label = "producer", description = "getValues, createSubscription, getValue: the statistics when the body"
                                                + " is empty, in the statistics option's form; overrides that option.",
              javaType = "String")
    public static final String STATISTICS = "GenesysStatistics";

    /** {@link #EVENT_TYPE} values. */
    public static final String INITIAL_VALUES = "InitialValues";
    public static final String STATISTIC_UPDATE = "StatisticUpdate";
    public static final String SERVICE_STATE_CHANGE = "ServiceStateChange";

    private StatisticsConstants() {
    }
}
