package io.camelgenesys.benchmarks;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.notifications.GenesysNotifications;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** See {@link BenchCometdComponent}. */
public class BenchCometdEndpoint extends DefaultEndpoint {

    private final GenesysConfiguration configuration;
    private final String channel;
    private String cometdPath = GenesysNotifications.STATISTICS_PATH;

    BenchCometdEndpoint(String uri, BenchCometdComponent component, GenesysConfiguration configuration,
                        String channel) {
        super(uri, component);
        this.configuration = configuration;
        this.channel = channel;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(BenchCometdComponent.SCHEME + " is a consumer only");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BenchCometdConsumer consumer = new BenchCometdConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public GenesysConfiguration getConfiguration() {
        return configuration;
    }

    public String getChannel() {
        return channel;
    }

    public String getCometdPath() {
        return cometdPath;
    }

    /** The Bayeux path under the base URL; the Statistics notifications by default. */
    public void setCometdPath(String cometdPath) {
        this.cometdPath = cometdPath;
    }
}
