package io.camelgenesys.statistics;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-stats: the shared camel-genesys headers, the producers' inputs (each overrides the option of the
 * same name for one message), and what the subscribe consumer reports on each exchange. Each says its direction
 * first (see {@link GenesysConstants}). The consumer's headers never have an input's name: a value streamed by
 * {@code subscribe} does not silently choose the subscription or statistic of a {@code getSubscriptionValues} or
 * {@code getValue} later in the route; copy it explicitly
 * ({@code setHeader("CamelGenesysSubscriptionId", header("CamelGenesysValueSubscriptionId"))}) when that is what you want.
 */
public final class StatisticsConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: getSubscriptionValues, deleteSubscription: the"
              + " subscription id; overrides the subscriptionId option.", javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelGenesysSubscriptionId";

    @Metadata(label = "producer,input", description = "Input: getValue: the statistic name; overrides the"
              + " statisticName option.", javaType = "String")
    public static final String STATISTIC_NAME = "CamelGenesysStatisticName";

    @Metadata(label = "producer,input", description = "Input: getValue: the object type (Stat Server's terms, e.g."
              + " Agent); overrides the objectType option.", javaType = "String")
    public static final String OBJECT_TYPE = "CamelGenesysObjectType";

    @Metadata(label = "producer,input", description = "Input: getValue: the object id (e.g. an agent's id); overrides"
              + " the objectId option.", javaType = "String")
    public static final String OBJECT_ID = "CamelGenesysObjectId";

    @Metadata(label = "producer,input", description = "Input: createSubscription: the operationId (and so the"
              + " subscriptionId); overrides the operationId option.", javaType = "String")
    public static final String OPERATION_ID = "CamelGenesysOperationId";

    @Metadata(label = "producer,input", description = "Input: getSubscriptionValues: comma-separated statistic ids (or"
              + " a Collection); overrides the statisticIds option.", javaType = "String")
    public static final String STATISTIC_IDS = "CamelGenesysStatisticIds";

    @Metadata(label = "producer,input", description = "Input: createSubscription, getSubscriptionValues: OFF or INFO;"
              + " overrides the verbose option.", javaType = "String")
    public static final String VERBOSE = "CamelGenesysVerbose";

    @Metadata(label = "producer,input", description = "Input: getValues, createSubscription, getValue: the statistics"
              + " when the body is empty, in the statistics option's form; overrides that option.", javaType = "String")
    public static final String STATISTICS = "CamelGenesysStatistics";

    @Metadata(label = "consumer,output", description = "Output: the subscription the value belongs to (set"
              + " CamelGenesysSubscriptionId to choose one for a producer).", javaType = "String")
    public static final String VALUE_SUBSCRIPTION_ID = "CamelGenesysValueSubscriptionId";

    @Metadata(label = "consumer,output", description = "Output: the id of the statistic inside its subscription.",
              javaType = "String")
    public static final String STATISTIC_ID = "CamelGenesysStatisticId";

    @Metadata(label = "consumer,output", description = "Output: the name the value's statistic was subscribed with"
              + " (absent for statistics given by definition).", javaType = "String")
    public static final String VALUE_STATISTIC_NAME = "CamelGenesysValueStatisticName";

    @Metadata(label = "consumer,output", description = "Output: the object type of the value's statistic (e.g."
              + " Agent).", javaType = "String")
    public static final String VALUE_OBJECT_TYPE = "CamelGenesysValueObjectType";

    @Metadata(label = "consumer,output", description = "Output: the object id of the value's statistic (e.g. an"
              + " agent's id).", javaType = "String")
    public static final String VALUE_OBJECT_ID = "CamelGenesysValueObjectId";

    @Metadata(label = "consumer,output", description = "Output: when Stat Server generated the value, in epoch"
              + " milliseconds (in batch mode the latest).", javaType = "Long")
    public static final String TIMESTAMP = "CamelGenesysTimestamp";

    @Metadata(label = "consumer,output",
              description = "Output: what the exchange carries: InitialValues (values read over REST: those of a"
                            + " subscription just created, or read again after a recovery or a full queue; with"
                            + " initialValues=false only those that changed), StatisticUpdate (a CometD update) or"
                            + " ServiceStateChange (with emitServiceState).", javaType = "String")
    public static final String EVENT_TYPE = "CamelGenesysStatisticsEventType";

    @Metadata(label = "consumer,output", description = "Output: ServiceStateChange exchanges, the Statistics service"
              + " state, AVAILABLE or UNAVAILABLE.", javaType = "String")
    public static final String SERVICE_STATE = "CamelGenesysServiceState";

    /** {@link #EVENT_TYPE} values. */
    public static final String INITIAL_VALUES = "InitialValues";
    public static final String STATISTIC_UPDATE = "StatisticUpdate";
    public static final String SERVICE_STATE_CHANGE = "ServiceStateChange";

    private StatisticsConstants() {
    }
}
