package io.camelgenesys.core;

import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Base of every camel-genesys component: holds the component-level {@link GenesysConfiguration} (set once, e.g.
 * {@code camel.component.genesys-contacts.client-id=...}) that each endpoint copies and overrides with its URI
 * options.
 */
public abstract class GenesysComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration: the options set here are the defaults of every endpoint of"
                            + " this component.")
    private GenesysConfiguration configuration = new GenesysConfiguration();

    public GenesysConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(GenesysConfiguration configuration) {
        this.configuration = configuration;
    }

    /** A copy of the component configuration for a new endpoint to apply its options to. */
    protected GenesysConfiguration endpointConfiguration() {
        return configuration != null ? configuration.copy() : new GenesysConfiguration();
    }
}
