package io.camelgenesys.core.operation;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A documented limit on one query parameter of an operation, checked on the resolved query before any request.
 *
 * @param param    the query parameter
 * @param min      the smallest number (or list size) allowed
 * @param max      the largest number (or list size) allowed
 * @param count    whether the limit is on the number of comma-separated values rather than a number
 * @param required whether the parameter must be present
 * @param pattern  the text the value must match, or {@code null}
 * @param rule     what {@code pattern} means, for the message
 */
public record QueryRule(String param, long min, long max, boolean count, boolean required, Pattern pattern,
                        String rule) {

    /** A number between min and max, when present. */
    public static QueryRule range(String param, long min, long max) {
        return new QueryRule(param, min, max, false, false, null, null);
    }

    /** At most {@code max} comma-separated values (list options and headers are joined with commas). */
    public static QueryRule atMost(String param, int max) {
        return new QueryRule(param, 0, max, true, false, null, null);
    }

    /** A parameter that must be set. */
    public static QueryRule required(String param) {
        return new QueryRule(param, 0, Long.MAX_VALUE, false, true, null, null);
    }

    /** Text matching {@code regex} as a whole, when present; {@code rule} says in words what that is. */
    public static QueryRule matches(String param, String regex, String rule) {
        return new QueryRule(param, 0, Long.MAX_VALUE, false, false, Pattern.compile(regex), rule);
    }

    /** Throws, naming the parameter and the rule, when the query breaks it. */
    public void check(String operation, Map<String, String> query) {
        check(operation, query, null);
    }

    /**
     * As {@link #check(String, Map)}; {@code bound} is the row's parameter, so that a missing value names the option
     * and header it is read from (they differ from the parameter's name when the row aliases it).
     */
    public void check(String operation, Map<String, String> query, OperationSpec.Parameter bound) {
        String v = query.get(param);
        if (v == null || v.isEmpty()) {
            if (required) {
                String option = bound != null ? bound.option() : param;
                throw new IllegalArgumentException(operation + ": " + param + " is required: set the " + option
                                                   + " option or the " + OperationSpec.headerName(option) + " header");
            }
            return;
        }
        if (required) {
            return;
        }
        if (pattern != null) {
            if (!pattern.matcher(v).matches()) {
                throw new IllegalArgumentException(operation + ": " + param + " must be " + rule + ", was '" + v + "'");
            }
            return;
        }
        if (count) {
            int n = v.split(",").length;
            if (n > max) {
                throw new IllegalArgumentException(operation + ": " + param + " may list at most " + max
                                                   + " values, was " + n);
            }
            return;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(operation + ": " + param + " must be a number, was '" + v + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(operation + ": " + param + " must be between " + min + " and " + max
                                               + ", was " + n);
        }
    }
}
