package io.camelgenesys.contacts;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The genesys-contacts component. */
@Component("genesys-contacts")
public class ContactsComponent extends GenesysComponent {

    @Metadata(description = "The component configuration: every option set here (camel.component.genesys-contacts.*)"
                            + " is the default of every endpoint of this component.")
    private ContactsConfiguration configuration = new ContactsConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ContactsEndpoint endpoint = new ContactsEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(ContactsOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public ContactsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ContactsConfiguration configuration) {
        this.configuration = configuration;
    }
}
