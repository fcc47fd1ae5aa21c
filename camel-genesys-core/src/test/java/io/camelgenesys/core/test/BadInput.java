package io.camelgenesys.core.test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The cases of a component's bad-input catalogue test (issue 9): each is a display name, the operation, its endpoint
 * options, the headers, the body and the parts the error message must contain. A catalogue's parameterized test
 * takes them as {@code (String name, String operation, String options, Map<String, Object> headers, Object body,
 * String[] message)}.
 */
public final class BadInput {

    private BadInput() {
    }

    /** A case without headers. */
    public static Arguments bad(String family, String operation, String options, Object body, String... message) {
        return Arguments.of(family + ": " + operation + " " + describe(body) + (options.isEmpty() ? "" : " " + options),
                operation, options, Map.of(), body, message);
    }

    /** A case whose bad input is (also) in headers. */
    public static Arguments badHeaders(String family, String operation, String options, Map<String, Object> headers,
                                       Object body, String... message) {
        return Arguments.of(family + ": " + operation + " " + headers, operation, options, headers, body, message);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(Object body) {
        String s = body instanceof byte[] b ? "bytes " + new String(b, StandardCharsets.UTF_8)
                : body instanceof ByteArrayInputStream ? "stream" : String.valueOf(body);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
