package io.camelgenesys.contacts;

import java.util.Map;

import io.camelgenesys.core.GenesysComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/** The genesys-contacts component. */
@Component("genesys-contacts")
public class ContactsComponent extends GenesysComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ContactsEndpoint endpoint = new ContactsEndpoint(uri, this, endpointConfiguration());
        endpoint.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(ContactsOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
