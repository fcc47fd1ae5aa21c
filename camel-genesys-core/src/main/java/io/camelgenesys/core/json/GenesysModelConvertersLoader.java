package io.camelgenesys.core.json;

import org.apache.camel.TypeConverterLoaderException;
import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * Registers {@link GenesysModelConverters}, as the loader camel-component-maven-plugin generates for a component's
 * {@code @Converter(generateLoader = true)} class does (core is not a component module, so it is written here; the
 * name follows the generator's, which Camel Quarkus looks for).
 */
public final class GenesysModelConvertersLoader implements TypeConverterLoader {

    @Override
    public void load(TypeConverterRegistry registry) throws TypeConverterLoaderException {
        registry.addTypeConverter(String.class, GenesysModel.class, new SimpleTypeConverter(false,
                (type, exchange, value) -> GenesysModelConverters.toString((GenesysModel) value)));
        registry.addTypeConverter(byte[].class, GenesysModel.class, new SimpleTypeConverter(false,
                (type, exchange, value) -> GenesysModelConverters.toBytes((GenesysModel) value)));
        registry.addTypeConverter(java.io.InputStream.class, GenesysModel.class, new SimpleTypeConverter(false,
                (type, exchange, value) -> GenesysModelConverters.toInputStream((GenesysModel) value)));
    }
}
