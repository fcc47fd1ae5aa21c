package io.camelgenesys.core.webhook;

import java.util.Map;

import io.camelgenesys.core.test.PlatformHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Test-only component (scheme {@code genesys-webhook-test}) built on the webhook base, the way genesys-messaging
 * uses it. It has no generated configurer, so its configuration is bound by reflection here.
 */
public class TestWebhookComponent extends DefaultComponent {

    public static final String SCHEME = "genesys-webhook-test";

    /**
     * Serves the context's platform-http routes on {@code port} (camel-platform-http-main's Vert.x server; outside
     * Camel Main it is registered explicitly, CAMEL-21741) and adds this component.
     */
    public static CamelContext served(CamelContext context, int port) throws Exception {
        PlatformHttpServer.serve(context, port);
        context.addComponent(SCHEME, new TestWebhookComponent());
        return context;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GenesysWebhookConfiguration configuration = new GenesysWebhookConfiguration();
        TestWebhookEndpoint endpoint = new TestWebhookEndpoint(uri, this, remaining, configuration);
        setProperties(configuration, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
