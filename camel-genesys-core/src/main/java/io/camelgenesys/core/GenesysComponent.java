package io.camelgenesys.core;

import org.apache.camel.support.HealthCheckComponent;

/**
 * Base of every camel-genesys component. The subclass holds its configuration, an instance of the component's own
 * {@code @UriParams} class (which extends {@link GenesysConfiguration}), as a {@code @Metadata} field named
 * {@code configuration}: Camel's generated component configurer then binds every option, shared and component-specific,
 * at component level ({@code camel.component.genesys-contacts.client-id}, {@code ...bulk-batch-size}), and each
 * endpoint gets a {@link GenesysConfiguration#copy()} of it that its URI options override.
 */
public abstract class GenesysComponent extends HealthCheckComponent {

    /** The component-level configuration: the defaults of every endpoint of this component. */
    public abstract GenesysConfiguration getConfiguration();
}
