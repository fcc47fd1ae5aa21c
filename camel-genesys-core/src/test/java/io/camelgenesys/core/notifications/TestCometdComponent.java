package io.camelgenesys.core.notifications;

import java.util.Map;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Test-only component {@code genesys-cometd-test:<channel>?<connection options>&cometdPath=...}: a consumer that
 * listens on one CometD channel through {@link GenesysNotifications#shared}, the way genesys-stats' subscribe
 * consumer does. The channel is the path without its leading slash (e.g. {@code statistics/v3/updates}).
 */
public class TestCometdComponent extends DefaultComponent {

    public static final String SCHEME = "genesys-cometd-test";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        GenesysConfiguration config = new GenesysConfiguration();
        TestCometdEndpoint endpoint = new TestCometdEndpoint(uri, this, config);
        endpoint.setChannel(remaining.startsWith("/") ? remaining : "/" + remaining);
        PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(true).withReflection(true)
                .bind(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
