package io.camelgenesys.core;

import io.camelgenesys.core.operation.GenesysOperation;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Base of a camel-genesys endpoint whose consumable rows are polled: {@code from()} runs the row on a
 * {@link GenesysPollConsumer}, with Camel's standard scheduler options ({@code delay}, {@code initialDelay},
 * {@code backoffMultiplier}, {@code scheduler}, ...); {@code to()} uses the one {@link GenesysProducer}. The subclass
 * declares its {@code @UriPath} operation and its {@code @UriParam} configuration.
 *
 * @param <O> the component's operation enum
 */
public abstract class GenesysScheduledPollEndpoint<O extends Enum<O> & GenesysOperation> extends ScheduledPollEndpoint
        implements GenesysEndpoint {

    /** A poll reads a whole scan: once a minute unless {@code delay} says otherwise (Camel's default is 500 ms). */
    public static final long DEFAULT_POLL_DELAY = 60_000;

    private final GenesysEndpointSupport<O> support;

    protected GenesysScheduledPollEndpoint(String uri, Component component, Class<O> operationType) {
        super(uri, component);
        this.support = new GenesysEndpointSupport<>(this, operationType);
        // Camel's unset delay means 500 ms (not getDefaultDelay()); the URI's delay still overrides this
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public abstract O getOperation();

    @Override
    public GenesysEndpointSupport<O> support() {
        return support;
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_POLL_DELAY;
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
    public Consumer createConsumer(Processor processor) throws Exception {
        support.checkConsumable();
        ScheduledPollConsumer consumer = createPollConsumer(processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The poll consumer of the endpoint's {@code consumer()} row: core's {@link GenesysPollConsumer} (every record of a
     * scan, each poll) unless the component polls in its own way (UDM's new-file consumer downloads each file once).
     */
    protected ScheduledPollConsumer createPollConsumer(Processor processor) throws Exception {
        return new GenesysPollConsumer(this, processor);
    }

    @Override
    public String toString() {
        return support.describe();
    }
}
