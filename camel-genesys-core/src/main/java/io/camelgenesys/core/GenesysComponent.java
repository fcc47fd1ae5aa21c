package io.camelgenesys.core;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Base of every camel-genesys component. The subclass holds its configuration, an instance of the component's own
 * {@code @UriParams} class (which extends {@link GenesysConfiguration}), as a {@code @Metadata} field named
 * {@code configuration}: Camel's generated component configurer then binds every option, shared and component-specific,
 * at component level ({@code camel.component.genesys-contacts.client-id}, {@code ...bulk-batch-size}), and each
 * endpoint gets a {@link GenesysConfiguration#copy()} of it that its URI options override.
 * <p>
 * Option values given as text are checked against the option's type before they are converted
 * ({@link GenesysOptionValues}): {@code bulkBatchSize=ten} is reported as such, in a URI and at component level.
 * <p>
 * A {@code RAW(...)} value of an endpoint URI reaches the endpoint exactly as written ({@link #rawValuesAsWritten}):
 * Camel 4.14 itself decodes a percent escape inside it, so a client secret {@code a%41b} became {@code aAb}.
 */
public abstract class GenesysComponent extends HealthCheckComponent {

    /** The component-level configuration: the defaults of every endpoint of this component. */
    public abstract GenesysConfiguration getConfiguration();

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return GenesysOptionValues.checking(super.getComponentPropertyConfigurer());
    }

    @Override
    public Endpoint createEndpoint(String uri, Map<String, Object> properties) throws Exception {
        return super.createEndpoint(uri, rawValuesAsWritten(uri, properties));
    }

    /**
     * The {@code RAW(...)} and {@code RAW{...}} values of an endpoint URI that hold a {@code %}, as written, in front of
     * {@code properties} (which win), for {@code DefaultComponent} to put over the values it parsed. Camel's
     * normalized URI encodes every {@code %} inside RAW as {@code %25} and {@code DefaultComponent} then decodes the
     * query twice, so {@code clientSecret=RAW(s3cr%25t)} reached the endpoint as {@code s3cr%t} and
     * {@code RAW(a%41b)} as {@code aAb}: a secret with a percent escape, from a placeholder or written out, in a Java,
     * XML or YAML route (the YAML DSL wraps every secret option in RAW), was not the secret. The inverse of the
     * normalization (each {@code %XX} decoded once, a {@code +} kept) gives the value written.
     * The CamelContext always hands a component the normalized URI; one given to {@code createEndpoint} directly is
     * read as if it were.
     */
    static Map<String, Object> rawValuesAsWritten(String uri, Map<String, Object> properties) {
        String query = StringHelper.after(uri, "?");
        if (query == null || !query.contains("RAW") || query.indexOf('%') < 0) {
            return properties;
        }
        Map<String, Object> raw;
        try {
            raw = URISupport.parseQuery(query, true, true);
        } catch (URISyntaxException | RuntimeException e) {
            return properties;   // left to Camel, which reports what is wrong with the URI
        }
        Map<String, Object> asWritten = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value instanceof String text && text.indexOf('%') >= 0
                && (text.startsWith("RAW(") && text.endsWith(")") || text.startsWith("RAW{") && text.endsWith("}"))) {
                asWritten.put(name, percentDecoded(text.substring(4, text.length() - 1)));
            }
        });
        if (asWritten.isEmpty()) {
            return properties;
        }
        if (properties != null) {
            asWritten.putAll(properties);
        }
        return asWritten;
    }

    /** Decodes each {@code %XX} once; a {@code +} stays a plus, and a {@code %} not followed by two hex digits stays. */
    private static String percentDecoded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && high >= 0 && low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    protected void setProperties(Endpoint endpoint, Map<String, Object> parameters) throws Exception {
        // before any is bound, so that the endpoint fails with the message of the first wrong value, not Camel's
        // "Error binding property" around it
        GenesysOptionValues.check(getCamelContext(), getEndpointPropertyConfigurer(), parameters);
        super.setProperties(endpoint, parameters);
    }
}
