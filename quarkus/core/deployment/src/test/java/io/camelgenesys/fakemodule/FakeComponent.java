package io.camelgenesys.fakemodule;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Stands for a camel-genesys module the extension has never heard of (camel-genesys-udm, -messaging, ...): the
 * deployment tests check that its scheme, models and operation table are found through Jandex alone. (Only its
 * {@code @Component} under {@code io.camelgenesys} matters, so it needs no GenesysComponent base.)
 */
@Component("genesys-fake")
public class FakeComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        throw new UnsupportedOperationException("a fixture for the deployment tests");
    }
}
