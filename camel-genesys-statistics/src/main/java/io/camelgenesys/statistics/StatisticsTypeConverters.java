package io.camelgenesys.statistics;

import io.camelgenesys.core.json.GenesysModels;
import io.camelgenesys.statistics.model.Statistic;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Camel type converters of genesys-stats, loaded by the loader camel-component-maven-plugin generates: a {@code Map}
 * (a JDBC row, a CSV record) to any model of {@code io.camelgenesys.statistics.model} and a {@code List} of them to
 * an array of a model, keys matched ignoring case and {@code _} ({@link GenesysModels}): a table of
 * {@code NAME, OBJECT_TYPE, OBJECT_ID} rows becomes {@code Statistic[]}.
 */
@Converter(generateLoader = true)
public final class StatisticsTypeConverters {

    private static final String MODELS = Statistic.class.getPackageName();

    private StatisticsTypeConverters() {
    }

    /** A {@code Map} to a statistics model, a collection of maps to an array of one; {@code null} otherwise. */
    @Converter(fallback = true)
    public static Object toModel(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        return GenesysModels.convert(type, value, MODELS);
    }
}
