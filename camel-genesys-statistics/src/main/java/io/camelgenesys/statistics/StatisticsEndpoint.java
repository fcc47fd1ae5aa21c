package io.camelgenesys.statistics;

import java.util.List;
import java.util.UUID;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysEndpoint;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.statistics.model.Statistic;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Genesys Multicloud CX statistics: read current values of contact-center statistics (agent states, queue
 * figures...), manage subscriptions, and stream value changes from the Statistics CometD notifications into a route
 * with {@code from("genesys-stats:subscribe?statistics=...")}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-stats", title = "Genesys Statistics",
             syntax = "genesys-stats:operation", category = { Category.CLOUD, Category.SAAS, Category.MONITORING },
             headersClass = StatisticsConstants.class)
public class StatisticsEndpoint extends GenesysEndpoint<StatisticsOperation> implements MultipleConsumersSupport {

    @UriPath(description = "The operation: getValue, getValues, createSubscription, getSubscriptionValues or"
                           + " deleteSubscription in to(); subscribe in from().")
    @Metadata(required = true)
    private StatisticsOperation operation;

    @UriParam(description = "The statistics to read or subscribe to, compactly as name:objectType:objectId separated by"
                            + " commas (e.g. CurrentAgentState:Agent:agent2,TimeInCurrentState:Agent:agent2), or as"
                            + " JSON: an array of statistics, each with name or a full definition, objectType, objectId"
                            + " and optionally statisticId (use RAW(...) in a URI). Producers use it when the body is"
                            + " empty (the GenesysStatistics header overrides it); subscribe requires it.")
    private String statistics;

    @UriParam(label = "producer", description = "getValue: the name of the pre-configured statistic; the"
                                                + " GenesysStatisticName header overrides it. Taken from statistics when"
                                                + " that names exactly one.")
    private String statisticName;

    @UriParam(label = "producer", description = "getValue: the type of the object the statistic is applied to (e.g."
                                                + " Agent); the GenesysObjectType header overrides it.")
    private String objectType;

    @UriParam(label = "producer", description = "getValue: the id of the object (Stat Server's terms); the"
                                                + " GenesysObjectId header overrides it.")
    private String objectId;

    @UriParam(label = "producer", description = "getSubscriptionValues, deleteSubscription: the subscription id; the"
                                                + " GenesysSubscriptionId header overrides it.")
    private String subscriptionId;

    @UriParam(label = "producer", description = "createSubscription: the operationId, which Genesys also uses as the"
                                                + " subscriptionId; the GenesysOperationId header or an operationId in"
                                                + " the body override it. A new UUID when unset.")
    private String operationId;

    @UriParam(label = "producer", description = "getSubscriptionValues: comma-separated ids of the statistics to read"
                                                + " (all of the subscription when unset); the GenesysStatisticIds header"
                                                + " overrides it.")
    private String statisticIds;

    @UriParam(label = "producer", description = "createSubscription, getSubscriptionValues: whether Genesys returns"
                                                + " details of the opened statistics (Genesys' default: INFO); the"
                                                + " GenesysVerbose header overrides it.")
    private StatisticsVerbose verbose;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "subscribe: emit the current value of every statistic when the subscription is created, and"
                            + " again whenever it is re-created or re-read after a recovery (updates published while"
                            + " the consumer was cut off are lost; these values replace them). Header"
                            + " GenesysStatisticsEventType is InitialValues on those exchanges.")
    private boolean initialValues = true;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "subscribe: one exchange per notification (body: a List of StatisticValue) instead of one"
                            + " per statistic (body: the value).")
    private boolean batch;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "subscribe: also emit an exchange for each Statistics ServiceStateChange (body and header"
                            + " GenesysServiceState: UNAVAILABLE or AVAILABLE). On UNAVAILABLE Genesys drops every"
                            + " subscription; the consumer re-creates its own on AVAILABLE either way.")
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

    private RetryPolicy retryPolicy;

    public StatisticsEndpoint(String uri, Component component, GenesysConfiguration configuration) {
        super(uri, component, configuration, StatisticsOperation.class);
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        // each subscribe consumer owns its own Genesys subscription; they share the CometD session
        return true;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        retryPolicy = RetryPolicy.of(getConfiguration());
        if (operation == StatisticsOperation.subscribe) {
            subscriptionStatistics(); // fail at endpoint creation on bad statistics
        }
    }

    @Override
    protected void checkPlatform(GenesysPlatform platform, StatisticsOperation operation) {
        if (platform != GenesysPlatform.multicloud) {
            throw new IllegalArgumentException("genesys-stats:" + operation + " is not available on platform " + platform
                                               + ": the Statistics API is a Genesys Multicloud CX API; set"
                                               + " platform=multicloud, baseUrl and apiKey");
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation == StatisticsOperation.subscribe) {
            throw new IllegalArgumentException("genesys-stats:subscribe is a consumer: use it in from(); the producer"
                                               + " operations are getValue, getValues, createSubscription,"
                                               + " getSubscriptionValues and deleteSubscription");
        }
        return super.createProducer();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != StatisticsOperation.subscribe) {
            throw new IllegalArgumentException("genesys-stats:" + operation + " has no consumer: use it in to(), or"
                                               + " from(\"genesys-stats:subscribe?statistics=...\") to stream updates");
        }
        StatisticsConsumer consumer = new StatisticsConsumer(this, processor, subscriptionStatistics());
        configureConsumer(consumer);
        return consumer;
    }

    /** The subscribe consumer's statistics, validated, each with a statisticId. */
    List<Statistic> subscriptionStatistics() {
        return StatisticsRequests.prepareSubscription(StatisticsRequests.read(statistics, "the statistics option"),
                "the statistics option");
    }

    @Override
    public OperationCall createCall(StatisticsOperation operation, Exchange exchange) {
        if (operation == StatisticsOperation.subscribe) {
            throw new IllegalArgumentException("genesys-stats:subscribe is a consumer operation; the producer operations"
                                               + " are getValue, getValues, createSubscription, getSubscriptionValues"
                                               + " and deleteSubscription");
        }
        OperationCall call = super.createCall(operation, exchange);
        Message in = exchange.getMessage();
        switch (operation) {
            case getValue -> {
                for (String q : List.of("objectType", "objectId")) {
                    if (call.query().get(q) == null || call.query().get(q).isBlank()) {
                        throw new IllegalArgumentException("getValue needs the " + q + ": set the " + q
                                                           + " option, the Genesys" + Character.toUpperCase(q.charAt(0))
                                                           + q.substring(1) + " header, or statistics=name:objectType:objectId");
                    }
                }
                if (call.pathParams().get("statisticName") == null) {
                    throw new IllegalArgumentException("getValue needs the statisticName: set the statisticName option,"
                                                       + " the GenesysStatisticName header, or"
                                                       + " statistics=name:objectType:objectId");
                }
            }
            case getValues -> {
                List<Statistic> list = statisticsOf(in);
                StatisticsRequests.validatePeek(list, where(in));
                call.body(StatisticsRequests.peekBody(list));
            }
            case createSubscription -> {
                List<Statistic> list = StatisticsRequests.prepareSubscription(statisticsOf(in), where(in));
                String id = StatisticsRequests.operationIdOf(in.getBody());
                if (id == null) {
                    Object p = parameter(in, "operationId");
                    id = p != null ? p.toString() : UUID.randomUUID().toString();
                }
                call.body(StatisticsRequests.subscriptionBody(id, list));
            }
            default -> {
                // path and query parameters only
            }
        }
        return call;
    }

    private List<Statistic> statisticsOf(Message in) {
        Object body = in.getBody();
        if (body != null && !(body instanceof String s && s.isBlank())) {
            return StatisticsRequests.read(body, "the message body");
        }
        return StatisticsRequests.read(statisticsOption(in), "the statistics option");
    }

    private static String where(Message in) {
        Object body = in.getBody();
        return body != null && !(body instanceof String s && s.isBlank()) ? "the message body"
                : "the statistics option";
    }

    private String statisticsOption(Message in) {
        String header = in.getHeader(StatisticsConstants.STATISTICS, String.class);
        return header != null ? header : statistics;
    }

    /**
     * getValue's statisticName, objectType and objectId also come from the statistics option (or the
     * GenesysStatistics header) when it names exactly one statistic.
     */
    @Override
    protected Object parameter(Message in, String name) {
        Object v = super.parameter(in, name);
        if (v != null || !List.of("statisticName", "objectType", "objectId").contains(name)) {
            return v;
        }
        String option = statisticsOption(in);
        if (option == null || option.isBlank()) {
            return null;
        }
        List<Statistic> list = StatisticsRequests.read(option, "the statistics option");
        if (list.size() != 1) {
            throw new IllegalArgumentException("getValue reads one statistic, but the statistics option names "
                                               + list.size() + "; use getValues for several");
        }
        Statistic s = list.get(0);
        return switch (name) {
            case "statisticName" -> s.getName();
            case "objectType" -> s.getObjectType();
            default -> s.getObjectId();
        };
    }

    // ------------------------------------------------------------------------------------- calls of the consumer

    OperationCall subscriptionCall(String operationId, List<Statistic> list) {
        return consumerCall(StatisticsOperation.createSubscription)
                .body(StatisticsRequests.subscriptionBody(operationId, list));
    }

    OperationCall subscriptionValuesCall(String id) {
        return consumerCall(StatisticsOperation.getSubscriptionValues).pathParam("subscriptionId", id);
    }

    OperationCall deleteSubscriptionCall(String id) {
        return consumerCall(StatisticsOperation.deleteSubscription).pathParam("subscriptionId", id);
    }

    private OperationCall consumerCall(StatisticsOperation op) {
        return new OperationCall(op.spec()).outputType(GenesysOutputType.model).retryPolicy(retryPolicy);
    }

    // ------------------------------------------------------------------------------------- options

    @Override
    public StatisticsOperation getOperation() {
        return operation;
    }

    public void setOperation(StatisticsOperation operation) {
        this.operation = operation;
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

    public long getDeliveryCheckInterval() {
        return deliveryCheckInterval;
    }

    public void setDeliveryCheckInterval(long deliveryCheckInterval) {
        this.deliveryCheckInterval = deliveryCheckInterval;
    }

    public boolean isEmitServiceState() {
        return emitServiceState;
    }

    public void setEmitServiceState(boolean emitServiceState) {
        this.emitServiceState = emitServiceState;
    }
}
