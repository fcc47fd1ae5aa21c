package io.camelgenesys.statistics;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.notifications.GenesysNotifications;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-stats: the options every camel-genesys component shares (inherited from
 * {@link GenesysConfiguration}) and the statistics ones. The component holds one (set once with
 * {@code camel.component.genesys-stats.<option>}); each endpoint gets a copy that its URI options override. The
 * Statistics API exists on Genesys Multicloud CX only, so {@code platform} is {@code multicloud} here.
 */
@UriParams
public class StatisticsConfiguration extends GenesysConfiguration {

    @UriParam(description = "The statistics to read or subscribe to, compactly as name:objectType:objectId separated by"
                            + " commas (e.g. CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2), or as"
                            + " JSON: an array of statistics, each with name or a full definition, objectType, objectId"
                            + " and optionally statisticId (use RAW(...) in a URI). Producers use it when the body is"
                            + " empty (the CamelGenesysStatistics header overrides it); subscribe requires it.")
    private String statistics;

    @UriParam(label = "producer", description = "getValue: the name of the pre-configured statistic; the"
                                                + " CamelGenesysStatisticName header overrides it. Taken from statistics when"
                                                + " that names exactly one.")
    private String statisticName;

    @UriParam(label = "producer", description = "getValue: the type of the object the statistic is applied to (e.g."
                                                + " Agent); the CamelGenesysObjectType header overrides it.")
    private String objectType;

    @UriParam(label = "producer", description = "getValue: the id of the object (Stat Server's terms); the"
                                                + " CamelGenesysObjectId header overrides it.")
    private String objectId;

    @UriParam(label = "producer", description = "getSubscriptionValues, deleteSubscription: the subscription id; the"
                                                + " CamelGenesysSubscriptionId header overrides it.")
    private String subscriptionId;

    @UriParam(label = "producer", description = "createSubscription: the operationId, which Genesys also uses as the"
                                                + " subscriptionId; the CamelGenesysOperationId header or an operationId in"
                                                + " the body override it. A new UUID when unset.")
    private String operationId;

    @UriParam(label = "producer", description = "getSubscriptionValues: comma-separated ids of the statistics to read"
                                                + " (all of the subscription when unset); the CamelGenesysStatisticIds header"
                                                + " overrides it.")
    private String statisticIds;

    @UriParam(label = "producer", description = "createSubscription, getSubscriptionValues: whether Genesys returns"
                                                + " details of the opened statistics (Genesys' default: INFO); the"
                                                + " CamelGenesysVerbose header overrides it.")
    private StatisticsVerbose verbose;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "subscribe: emit the current value of every statistic when the subscription is created, and"
                            + " again whenever it is re-created or re-read after a recovery (updates published while"
                            + " the consumer was cut off are lost; these values replace them). Header"
                            + " CamelGenesysStatisticsEventType is InitialValues on those exchanges. false: only"
                            + " changes reach the route; of the values read again after a recovery or a full queue,"
                            + " those that changed since the last value the route got of their statistic are emitted"
                            + " (as InitialValues), so no change is lost.")
    private boolean initialValues = true;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "subscribe: one exchange per notification (body: a List of StatisticValue) instead of one"
                            + " per statistic (body: the value).")
    private boolean batch;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "subscribe: also emit an exchange for each Statistics ServiceStateChange (body and header"
                            + " CamelGenesysServiceState: UNAVAILABLE or AVAILABLE). On UNAVAILABLE Genesys drops every"
                            + " subscription; the consumer re-creates its own on AVAILABLE either way. An AVAILABLE"
                            + " published while the CometD session was lost is emitted when the consumer finds the"
                            + " service back (its subscription created again), before the values.")
    private boolean emitServiceState;

    @UriParam(label = "consumer,advanced", defaultValue = "30000",
              description = "subscribe: how often, in milliseconds, the consumer checks that its subscription's updates"
                            + " reach it: when none arrived over CometD since the last check, it reads the values over"
                            + " REST, and a value newer than any it received, found at two checks in a row, means the"
                            + " CometD session does not get this subscription's updates (typically the REST calls and"
                            + " the CometD session do not share cookies): health goes DOWN saying so, and the"
                            + " subscription is created again once. Quiet statistics raise no alarm. 0 turns the check"
                            + " off.")
    private long deliveryCheckInterval = 30_000;

    @UriParam(label = "consumer,advanced", defaultValue = "16777216",
              description = "subscribe: the largest CometD (Bayeux) response the notifications session accepts, in"
                            + " bytes. A response carries what the server queued for the session since its last long"
                            + " poll; one larger than this fails, its updates are not delivered and the consumer reads"
                            + " the current values again (a WARN names this option). Raise it for a route that falls"
                            + " far behind a high update rate. The session is shared by the consumers of one"
                            + " connection and accepts the largest size any of them sets.")
    private int maxNotificationSize = GenesysNotifications.DEFAULT_MAX_MESSAGE_SIZE;

    public StatisticsConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public StatisticsConfiguration copy() {
        return (StatisticsConfiguration) super.copy();
    }

    public String getStatistics() {
        return statistics;
    }

    public void setStatistics(String statistics) {
        this.statistics = statistics;
    }

    public String getStatisticName() {
        return statisticName;
    }

    public void setStatisticName(String statisticName) {
        this.statisticName = statisticName;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }

    public String getStatisticIds() {
        return statisticIds;
    }

    public void setStatisticIds(String statisticIds) {
        this.statisticIds = statisticIds;
    }

    public StatisticsVerbose getVerbose() {
        return verbose;
    }

    public void setVerbose(StatisticsVerbose verbose) {
        this.verbose = verbose;
    }

    public boolean isInitialValues() {
        return initialValues;
    }

    public void setInitialValues(boolean initialValues) {
        this.initialValues = initialValues;
    }

    public boolean isBatch() {
        return batch;
    }

    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public boolean isEmitServiceState() {
        return emitServiceState;
    }

    public void setEmitServiceState(boolean emitServiceState) {
        this.emitServiceState = emitServiceState;
    }

    public long getDeliveryCheckInterval() {
        return deliveryCheckInterval;
    }

    public void setDeliveryCheckInterval(long deliveryCheckInterval) {
        this.deliveryCheckInterval = deliveryCheckInterval;
    }

    public int getMaxNotificationSize() {
        return maxNotificationSize;
    }

    public void setMaxNotificationSize(int maxNotificationSize) {
        this.maxNotificationSize = maxNotificationSize;
    }
}
