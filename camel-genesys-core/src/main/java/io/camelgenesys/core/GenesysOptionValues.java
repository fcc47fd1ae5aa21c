package io.camelgenesys.core;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Checks an option's text value against the option's type before Camel's generated configurer converts it, so that
 * a mistyped value is reported as what it is, naming the option and the value. Camel's own conversion reads any text
 * given to an int or long option as a duration: {@code bulkBatchSize=ten} became 0 (and was then reported as "must
 * be 1 or more, was 0"), {@code bulkBatchSize=10s} 10000, {@code rateLimitPeriod=soon} a StringIndexOutOfBoundsException,
 * {@code 3000000000} an overflowed int.
 * <p>
 * The rules: an {@code int}/{@code Integer} option (a count: bulkBatchSize, rateLimit, pageSize, retryMaxAttempts) takes
 * a whole number in int range; a {@code long}/{@code Long} option (in camel-genesys and Camel's scheduler always
 * milliseconds: connectTimeout, retryInitialDelay, rateLimitPeriod, delay) takes a whole number or a Camel duration
 * such as {@code 30s} or {@code 1m30s}; a boolean takes true or false; an enum one of its constants. Placeholders are
 * resolved before this check, and {@code #bean} references and values that are not text are left to Camel.
 */
public final class GenesysOptionValues {

    /** A whole number as Camel reads one: a {@code +} sign or a space makes it a duration that Camel reads as 0. */
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    /**
     * A duration as Camel 4.14's {@code TimeUtils.toMilliSeconds} reads one: lower-case units in this order, each at
     * most once, no spaces. It reads {@code 30S}, {@code 1M} or {@code 1h1h} as 0 or less than written without a
     * word, and fails on {@code 30 s} with a NumberFormatException.
     */
    private static final Pattern DURATION = Pattern.compile("(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

    private GenesysOptionValues() {
    }

    /**
     * Checks every text value of {@code parameters} whose option {@code configurer} knows.
     *
     * @throws IllegalArgumentException naming the option, the value and what it must be
     */
    public static void check(CamelContext camelContext, PropertyConfigurer configurer, Map<String, Object> parameters) {
        if (configurer instanceof PropertyConfigurerGetter getter) {
            parameters.forEach((name, value) -> check(camelContext, name, getter.getOptionType(name, true), value));
        }
    }

    /**
     * Checks one option value.
     *
     * @param type the option's type ({@code null}: an option the configurer does not know, left to Camel)
     */
    public static void check(CamelContext camelContext, String option, Class<?> type, Object value) {
        if (type == null || !(value instanceof String text) || text.startsWith("#")) {
            return;
        }
        // the value as Camel's configurer will get it: Camel does not trim it (" 30000" became 0)
        String v = text;
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            long max = type == short.class || type == Short.class ? Short.MAX_VALUE : Integer.MAX_VALUE;
            long min = type == short.class || type == Short.class ? Short.MIN_VALUE : Integer.MIN_VALUE;
            if (!WHOLE.matcher(v).matches()) {
                throw invalid(option, text, "a whole number");
            }
            if (v.length() > 19 || Long.parseLong(v) > max || Long.parseLong(v) < min) {
                throw invalid(option, text, "a whole number from " + min + " to " + max);
            }
        } else if (type == long.class || type == Long.class) {
            if (!WHOLE.matcher(v).matches() && !DURATION.matcher(v).matches()) {
                throw invalid(option, text, "a whole number of milliseconds or a duration such as 30s or 1m30s");
            }
            if (WHOLE.matcher(v).matches() && v.length() > 18) {
                throw invalid(option, text, "a whole number of milliseconds of at most " + Long.MAX_VALUE);
            }
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw invalid(option, text, "a number");
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw invalid(option, text, "true or false");
            }
        } else if (type.isEnum() && camelContext.getTypeConverter().tryConvertTo(type, v) == null) {
            throw invalid(option, text, "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static IllegalArgumentException invalid(String option, String value, String mustBe) {
        return new IllegalArgumentException("The option " + option + " must be " + mustBe + ", was '" + value + "'");
    }

    /**
     * A component's generated configurer whose {@link #configure} checks the value first: used for the options
     * bound at component level ({@code camel.component.<scheme>.<option>}), which Camel Main sets one by one through
     * it.
     */
    static PropertyConfigurer checking(PropertyConfigurer configurer) {
        if (!(configurer instanceof PropertyConfigurerGetter getter) || configurer instanceof Checking) {
            return configurer;
        }
        return new Checking(configurer, getter);
    }

    /** Delegates everything to the generated configurer, after the check. */
    private record Checking(PropertyConfigurer configurer, PropertyConfigurerGetter getter)
            implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

        @Override
        public boolean configure(CamelContext camelContext, Object target, String name, Object value,
                                 boolean ignoreCase) {
            check(camelContext, name, getter.getOptionType(name, ignoreCase), value);
            return configurer.configure(camelContext, target, name, value, ignoreCase);
        }

        @Override
        public Class<?> getOptionType(String name, boolean ignoreCase) {
            return getter.getOptionType(name, ignoreCase);
        }

        @Override
        public String[] getAutowiredNames() {
            return getter.getAutowiredNames();
        }

        @Override
        public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
            return getter.getCollectionValueType(target, name, ignoreCase);
        }

        @Override
        public Object getOptionValue(Object target, String name, boolean ignoreCase) {
            return getter.getOptionValue(target, name, ignoreCase);
        }
    }
}
