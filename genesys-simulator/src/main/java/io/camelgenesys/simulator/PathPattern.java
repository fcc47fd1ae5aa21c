package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path pattern as used by routes, fault rules and request queries.
 * <p>
 * Segments are separated by {@code /} and are one of:
 * <ul>
 * <li>a literal: {@code items} matches exactly {@code items};</li>
 * <li>a variable: {@code {id}} matches any one segment and captures it as {@code id};</li>
 * <li>a glob: a segment with {@code *} in it, e.g. {@code *} or {@code item-*}, matches one segment;</li>
 * <li>{@code **} as the last segment: matches zero or more remaining segments
 * ({@code /api/v2/**} matches {@code /api/v2} and everything below it);</li>
 * <li>a last segment ending in {@code **}, e.g. {@code contacts**}: matches a segment starting with
 * {@code contacts} followed by anything ({@code /api/v2/contacts**} matches {@code /api/v2/contacts},
 * {@code /api/v2/contactsFoo} and {@code /api/v2/contacts/1/x}).</li>
 * </ul>
 * A trailing slash is ignored on both patterns and paths.
 */
public final class PathPattern {

    private enum Kind {
        // Declaration order is the specificity order: a literal beats a variable, which beats a glob...
        LITERAL, VARIABLE, GLOB, PREFIX_REST, REST
    }

    private record Segment(Kind kind, String text, Pattern glob) {
    }

    private final String pattern;
    private final List<Segment> segments;

    private PathPattern(String pattern, List<Segment> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /**
     * Compiles a pattern; see the class documentation for the syntax.
     *
     * @param pattern the pattern, starting with {@code /}
     * @return the compiled pattern
     */
    public static PathPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("A path pattern must start with '/': " + pattern);
        }
        List<String> parts = split(pattern);
        List<Segment> segments = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (part.equals("**")) {
                requireLast(pattern, last);
                segments.add(new Segment(Kind.REST, part, null));
            } else if (part.endsWith("**")) {
                requireLast(pattern, last);
                segments.add(new Segment(Kind.PREFIX_REST, part.substring(0, part.length() - 2), null));
            } else if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                segments.add(new Segment(Kind.VARIABLE, part.substring(1, part.length() - 1), null));
            } else if (part.contains("*")) {
                String regex = Pattern.quote(part).replace("*", "\\E[^/]*\\Q");
                segments.add(new Segment(Kind.GLOB, part, Pattern.compile(regex)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part, null));
            }
        }
        return new PathPattern(pattern, Collections.unmodifiableList(segments));
    }

    private static void requireLast(String pattern, boolean last) {
        if (!last) {
            throw new IllegalArgumentException("'**' is only allowed in the last segment: " + pattern);
        }
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** @return the pattern text as given to {@link #compile(String)} */
    public String pattern() {
        return pattern;
    }

    /**
     * @param path a request path (no query string)
     * @return whether the path matches
     */
    public boolean matches(String path) {
        return match(path) != null;
    }

    /**
     * @param path a request path (no query string)
     * @return the captured {@code {variables}} (empty when there are none), or {@code null} when the path does not match
     */
    public Map<String, String> match(String path) {
        List<String> parts = split(path);
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind == Kind.REST) {
                return variables;
            }
            if (i >= parts.size()) {
                return null;
            }
            String part = parts.get(i);
            switch (segment.kind) {
                case LITERAL -> {
                    if (!segment.text.equals(part)) {
                        return null;
                    }
                }
                case VARIABLE -> variables.put(segment.text, part);
                case GLOB -> {
                    if (!segment.glob.matcher(part).matches()) {
                        return null;
                    }
                }
                case PREFIX_REST -> {
                    return part.startsWith(segment.text) ? variables : null;
                }
                default -> throw new IllegalStateException(segment.kind.name());
            }
        }
        return parts.size() == segments.size() ? variables : null;
    }

    /**
     * Orders two patterns that both match a path: negative when this one is more specific.
     * Segment by segment, a literal beats a variable, which beats a glob, which beats a trailing {@code **};
     * when all compared segments are equal, the longer pattern wins.
     */
    int compareSpecificity(PathPattern other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = segments.get(i).kind.compareTo(other.segments.get(i).kind);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern p && p.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
