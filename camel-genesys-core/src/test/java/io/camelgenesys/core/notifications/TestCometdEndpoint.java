package io.camelgenesys.core.notifications;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** See {@link TestCometdComponent}. */
public class TestCometdEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    private final GenesysConfiguration configuration;
    private String channel;
    private String cometdPath = GenesysNotifications.STATISTICS_PATH;

    TestCometdEndpoint(String uri, TestCometdComponent component, GenesysConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        // several routes may listen on the same channel (they share one server-side subscription)
        return true;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("genesys-cometd-test is a consumer only");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TestCometdConsumer consumer = new TestCometdConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public GenesysConfiguration getConfiguration() {
        return configuration;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getCometdPath() {
        return cometdPath;
    }

    public void setCometdPath(String cometdPath) {
        this.cometdPath = cometdPath;
    }
}
