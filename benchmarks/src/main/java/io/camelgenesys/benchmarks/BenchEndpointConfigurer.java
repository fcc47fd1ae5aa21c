package io.camelgenesys.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.component.PropertyConfigurerSupport;

/**
 * What camel-component-maven-plugin generates for a real component's endpoint, written by hand: core reads the
 * {@code itemId} option per request through it, without reflection, as for real components.
 * {@link BenchComponent#register} binds it in the registry as {@code genesys-bench-endpoint}, where Camel's
 * configurer resolver looks first.
 */
public final class BenchEndpointConfigurer extends PropertyConfigurerSupport
        implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        BenchConfiguration configuration = ((BenchEndpoint) target).getConfiguration();
        switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId" -> configuration.setItemId(property(camelContext, String.class, value));
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId" -> String.class;
            default -> null;
        };
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        BenchConfiguration configuration = ((BenchEndpoint) target).getConfiguration();
        return switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId" -> configuration.getItemId();
            default -> null;
        };
    }
}
