package io.camelgenesys.core.json;

import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The JSON bytes of a tree of plain nodes, written straight into one array of their exact length: the bytes
 * {@code GenesysJson.MAPPER.writeValueAsBytes} makes of the same tree, without a generator, a serializer provider and
 * a growing buffer per body (a checked request body is a tree, written once per request and again on each retry).
 * <p>
 * Plain: objects and arrays, text, {@code int}, {@code long} and big whole numbers, finite doubles, true/false and
 * null (JSON null is written, as Jackson writes a tree's nulls). Text is UTF-8 with Jackson's escapes: {@code "} and
 * {@code \}, {@code \b \t \n \f \r}, other control characters as {@code \}{@code u00XX}. Any other node (a decimal, a
 * float, binary, a POJO, a non-finite double) or text with a UTF-16 surrogate (Jackson escapes those itself) makes
 * {@link #write} answer {@code null}, and the caller writes the tree with Jackson.
 */
final class JsonTreeWriter {

    private static final byte[] HEX = {
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F' };
    private static final byte[] TRUE = { 't', 'r', 'u', 'e' };
    private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };
    private static final byte[] NULL = { 'n', 'u', 'l', 'l' };
    /** The largest array a JVM reliably makes. */
    private static final long MAX = Integer.MAX_VALUE - 8;

    /** Per ASCII character: 0 written as it is, -1 as {@code \}{@code u00XX}, else the letter of its short escape. */
    private static final int[] ESCAPES = new int[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private JsonTreeWriter() {
    }

    /**
     * The bytes of {@code node}, or {@code null} when it holds a node that is not plain (see the class comment) or
     * changed while it was written.
     */
    static byte[] write(JsonNode node) {
        long length = length(node);
        if (length < 0 || length > MAX) {
            return null;
        }
        byte[] out = new byte[(int) length];
        try {
            // a tree the route changes on another thread meanwhile no longer fits: Jackson writes it, as before
            return write(node, out, 0) == out.length ? out : null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The length of the node's bytes, -1 when it is not plain. */
    private static long length(JsonNode node) {
        Class<?> type = node.getClass();
        if (type == ObjectNode.class) {
            long n = 2; // {}
            int fields = 0;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                long key = textLength(e.getKey());
                long value = length(e.getValue());
                if (key < 0 || value < 0) {
                    return -1;
                }
                n += key + 1 + value; // "key":value
                fields++;
            }
            return n + Math.max(0, fields - 1);
        } else if (type == ArrayNode.class) {
            long n = 2; // []
            int size = node.size();
            for (int i = 0; i < size; i++) {
                long item = length(node.get(i));
                if (item < 0) {
                    return -1;
                }
                n += item;
            }
            return n + Math.max(0, size - 1);
        } else if (type == TextNode.class) {
            return textLength(node.textValue());
        } else if (type == IntNode.class) {
            return digits(node.intValue());
        } else if (type == LongNode.class) {
            return digits(node.longValue());
        } else if (type == BigIntegerNode.class) {
            return node.bigIntegerValue().toString().length();
        } else if (type == DoubleNode.class) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? Double.toString(d).length() : -1;
        } else if (type == BooleanNode.class) {
            return node.booleanValue() ? 4 : 5;
        } else if (type == NullNode.class) {
            return 4;
        }
        return -1;
    }

    /** The length of the quoted, escaped UTF-8 text, -1 when it holds a surrogate. */
    private static long textLength(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                int escape = ESCAPES[c];
                n += escape == 0 ? 1 : escape < 0 ? 6 : 2;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static int digits(long v) {
        // Long.MIN_VALUE has no positive counterpart: count its text
        return v == Long.MIN_VALUE ? 20 : v < 0 ? 1 + digits(-v) : v < 10 ? 1 : 1 + digits(v / 10);
    }

    private static int write(JsonNode node, byte[] out, int at) {
        Class<?> type = node.getClass();
        if (type == ObjectNode.class) {
            out[at++] = '{';
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) {
                    out[at++] = ',';
                }
                first = false;
                at = text(e.getKey(), out, at);
                out[at++] = ':';
                at = write(e.getValue(), out, at);
            }
            out[at++] = '}';
            return at;
        } else if (type == ArrayNode.class) {
            out[at++] = '[';
            int size = node.size();
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out[at++] = ',';
                }
                at = write(node.get(i), out, at);
            }
            out[at++] = ']';
            return at;
        } else if (type == TextNode.class) {
            return text(node.textValue(), out, at);
        } else if (type == IntNode.class || type == LongNode.class) {
            return ascii(Long.toString(node.longValue()), out, at);
        } else if (type == BigIntegerNode.class) {
            BigInteger big = node.bigIntegerValue();
            return ascii(big.toString(), out, at);
        } else if (type == DoubleNode.class) {
            return ascii(Double.toString(node.doubleValue()), out, at);
        } else if (type == BooleanNode.class) {
            return bytes(node.booleanValue() ? TRUE : FALSE, out, at);
        }
        return bytes(NULL, out, at);
    }

    private static int text(String s, byte[] out, int at) {
        out[at++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                int escape = ESCAPES[c];
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape > 0) {
                    out[at++] = '\\';
                    out[at++] = (byte) escape;
                } else {
                    out[at++] = '\\';
                    out[at++] = 'u';
                    out[at++] = '0';
                    out[at++] = '0';
                    out[at++] = HEX[c >> 4];
                    out[at++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[at++] = '"';
        return at;
    }

    private static int ascii(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }

    private static int bytes(byte[] b, byte[] out, int at) {
        System.arraycopy(b, 0, out, at, b.length);
        return at + b.length;
    }
}
