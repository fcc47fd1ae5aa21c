package io.camelgenesys.core;

import io.camelgenesys.core.operation.GenesysOperation;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Base of a camel-genesys endpoint whose consumers are not polls (event streams such as CometD notifications, or none
 * at all): the one {@link GenesysProducer} for every row usable in {@code to()}, and
 * {@link #createOperationConsumer(Processor)} for the rows the component consumes. The subclass declares its
 * {@code @UriPath} operation and its {@code @UriParam} configuration (the component's own {@code @UriParams} class,
 * which extends {@link GenesysConfiguration}).
 *
 * @param <O> the component's operation enum
 */
public abstract class GenesysDefaultEndpoint<O extends Enum<O> & GenesysOperation> extends DefaultEndpoint
        implements GenesysEndpoint {

    private final GenesysEndpointSupport<O> support;

    protected GenesysDefaultEndpoint(String uri, Component component, Class<O> operationType) {
        super(uri, component);
        this.support = new GenesysEndpointSupport<>(this, operationType);
    }

    @Override
    public abstract O getOperation();

    @Override
    public GenesysEndpointSupport<O> support() {
        return support;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        support.init();
    }

    @Override
    protected void doStop() throws Exception {
        support.stop();
        super.doStop();
    }

    @Override
    public Producer createProducer() throws Exception {
        support.checkProducible();
        return new GenesysProducer(this);
    }

    @Override
    public final Consumer createConsumer(Processor processor) throws Exception {
        support.checkConsumable();
        Consumer consumer = createOperationConsumer(processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The consumer of a row declared {@code consumer()}; the component that has such rows overrides this. */
    protected Consumer createOperationConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException(getEndpointBaseUri() + " has no consumer");
    }

    @Override
    public String toString() {
        return support.describe();
    }
}
