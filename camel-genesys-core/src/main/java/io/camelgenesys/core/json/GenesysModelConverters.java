package io.camelgenesys.core.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Converter;

/**
 * Camel type converters of every camel-genesys model ({@link GenesysModel}) to its JSON, as Genesys sends and takes
 * it: text, bytes or a stream. So a model body can go straight to {@code http:}, {@code platform-http} (an answer),
 * {@code file:}, {@code kafka:} or a JMS queue, and a {@code log:} shows the fields, not the class name. Loaded by
 * {@link GenesysModelConvertersLoader} ({@code META-INF/services/org/apache/camel/TypeConverterLoader}); Camel looks
 * the converters up by the model's superclasses, so one row serves every model of every module.
 */
@Converter(generateLoader = true)
public final class GenesysModelConverters {

    private GenesysModelConverters() {
    }

    /** The model's JSON text. */
    @Converter
    public static String toString(GenesysModel model) {
        return new String(GenesysJson.toBytes(model), StandardCharsets.UTF_8);
    }

    /** The model's JSON, UTF-8. */
    @Converter
    public static byte[] toBytes(GenesysModel model) {
        return GenesysJson.toBytes(model);
    }

    /** The model's JSON, UTF-8, as a stream (what {@code http:} and {@code platform-http} write). */
    @Converter
    public static InputStream toInputStream(GenesysModel model) {
        return new ByteArrayInputStream(GenesysJson.toBytes(model));
    }
}
