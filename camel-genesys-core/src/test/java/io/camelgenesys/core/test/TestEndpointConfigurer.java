package io.camelgenesys.core.test;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.component.PropertyConfigurerSupport;

/**
 * What camel-component-maven-plugin generates for a real component's endpoint, written by hand for the options the
 * rows of {@link TestOperation} bind to; registered by scheme
 * ({@code META-INF/services/org/apache/camel/configurer/genesys-test-endpoint}).
 */
public final class TestEndpointConfigurer extends PropertyConfigurerSupport
        implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        TestConfiguration c = ((TestEndpoint) target).getConfiguration();
        switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId" -> c.setItemId(property(camelContext, String.class, value));
            case "from" -> c.setFrom(property(camelContext, Integer.class, value));
            case "itemkey", "itemKey" -> c.setItemKey(property(camelContext, String.class, value));
            case "newname", "newName" -> c.setNewName(property(camelContext, String.class, value));
            case "tags" -> c.setTags(property(camelContext, String.class, value));
            case "labels" -> c.setLabels(property(camelContext, String.class, value));
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId", "itemkey", "itemKey", "newname", "newName", "tags", "labels" -> String.class;
            case "from" -> Integer.class;
            default -> null;
        };
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        TestConfiguration c = ((TestEndpoint) target).getConfiguration();
        return switch (ignoreCase ? name.toLowerCase() : name) {
            case "itemid", "itemId" -> c.getItemId();
            case "from" -> c.getFrom();
            case "itemkey", "itemKey" -> c.getItemKey();
            case "newname", "newName" -> c.getNewName();
            case "tags" -> c.getTags();
            case "labels" -> c.getLabels();
            default -> null;
        };
    }
}
