package io.camelgenesys.core;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Base of every camel-genesys component. The subclass holds its configuration, an instance of the component's own
 * {@code @UriParams} class (which extends {@link GenesysConfiguration}), as a {@code @Metadata} field named
 * {@code configuration}: Camel's generated component configurer then binds every option, shared and component-specific,
 * at component level ({@code camel.component.genesys-contacts.client-id}, {@code ...bulk-batch-size}), and each
 * endpoint gets a {@link GenesysConfiguration#copy()} of it that its URI options override.
 * <p>
 * Option values given as text are checked against the option's type before they are converted
 * ({@link GenesysOptionValues}): {@code bulkBatchSize=ten} is reported as such, in a URI and at component level.
 */
public abstract class GenesysComponent extends HealthCheckComponent {

    /** The component-level configuration: the defaults of every endpoint of this component. */
    public abstract GenesysConfiguration getConfiguration();

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return GenesysOptionValues.checking(super.getComponentPropertyConfigurer());
    }

    @Override
    protected void setProperties(Endpoint endpoint, Map<String, Object> parameters) throws Exception {
        // before any is bound, so that the endpoint fails with the message of the first wrong value, not Camel's
        // "Error binding property" around it
        GenesysOptionValues.check(getCamelContext(), getEndpointPropertyConfigurer(), parameters);
        super.setProperties(endpoint, parameters);
    }
}
