package io.camelgenesys.statistics;

import java.util.List;

import io.camelgenesys.core.GenesysDefaultEndpoint;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.statistics.model.Statistic;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
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
public class StatisticsEndpoint extends GenesysDefaultEndpoint<StatisticsOperation> implements MultipleConsumersSupport {

    @UriPath(description = "The operation: getValue, getValues, createSubscription, getSubscriptionValues or"
                           + " deleteSubscription in to(); subscribe in from().")
    @Metadata(required = true)
    private StatisticsOperation operation;

    @UriParam
    private final StatisticsConfiguration configuration;

    public StatisticsEndpoint(String uri, Component component, StatisticsConfiguration configuration) {
        super(uri, component, StatisticsOperation.class);
        this.configuration = configuration;
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        // each subscribe consumer owns its own Genesys subscription; they share the CometD session
        return true;
    }

    /** The consumer of the consumer-only row: its statistics are checked now, when the route is created. */
    @Override
    protected Consumer createOperationConsumer(Processor processor) {
        return new StatisticsConsumer(this, processor, subscriptionStatistics());
    }

    /** The subscribe consumer's statistics, validated, each with a statisticId. */
    List<Statistic> subscriptionStatistics() {
        return StatisticsRequests.prepareSubscription(
                StatisticsRequests.read(configuration.getStatistics(), "the statistics option"), "the statistics option");
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

    /** The consumer reads models whatever outputType says: it builds its exchanges from them. */
    private OperationCall consumerCall(StatisticsOperation op) {
        return support().bareCall(op.spec()).outputType(GenesysOutputType.model).operation(op.name());
    }

    // ------------------------------------------------------------------------------------- options

    @Override
    public StatisticsConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public StatisticsOperation getOperation() {
        return operation;
    }

    public void setOperation(StatisticsOperation operation) {
        this.operation = operation;
    }
}
