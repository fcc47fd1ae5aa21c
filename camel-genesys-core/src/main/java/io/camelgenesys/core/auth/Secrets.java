package io.camelgenesys.core.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camelgenesys.core.GenesysConfiguration;

/**
 * The credentials and tokens of one connection, and the one place that takes them out of any text a user may see:
 * exception messages, body excerpts, Genesys error details, health-check messages and log lines.
 * <p>
 * Two passes: every value this connection knows to be secret (clientSecret, password, apiKey, refreshToken,
 * authorizationToken, accessToken, the HTTP Basic header values made of them, and each access and refresh token
 * obtained at run time, see {@link #add}) is replaced wherever it appears, URL-encoded or not; then anything that
 * looks like a credential whoever it belongs to is masked: {@code Bearer}/{@code Basic} header values, JSON fields,
 * form and query parameters and {@code name: value} pairs whose name contains token, secret, password, api key,
 * authorization, signature or credential, and the user info of URLs.
 * <p>
 * Camel's {@code DefaultMaskingFormatter} is not used: its key list masks user names and client ids (which a user
 * needs to see to fix a configuration), it misses {@code access_token} and {@code Bearer} values, and its key=value
 * pattern swallows the rest of a form body.
 */
public final class Secrets {

    /** What a secret is replaced with, as Camel masks secret URI options. */
    public static final String MASK = "xxxxxx";

    /** Patterns only: for text that did not come from a connection (transport failures, URLs). */
    public static final Secrets NONE = new Secrets(Set.of());

    /** Values shorter than this are not replaced by value (they would garble every message); patterns still apply. */
    private static final int MIN_LENGTH = 4;
    /** Tokens obtained at run time that are remembered; older ones have long expired. */
    private static final int MAX_OBTAINED = 16;

    private static final String NAME = "(?:[A-Za-z0-9_.-]*(?:token|secret|password|passwd|api[_-]?key|authorization"
                                       + "|signature|credential)[A-Za-z0-9_.-]*|sig|pwd)";
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JSON_FIELD = Pattern.compile("(?i)\"(" + NAME + ")\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?");
    private static final Pattern PARAM = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])(" + NAME + ")(\\s*[=:]\\s*)(?!\\s*(?:Bearer|Basic)\\b)([^\\s&\"'<>,;}\\]]+)");
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@\"'<>]+@");
    /** Names that match {@link #NAME} but hold nothing secret. */
    private static final Set<String> HARMLESS = Set.of("token_type", "tokentype");

    private final Set<String> configured;
    private final Deque<String> obtained = new ArrayDeque<>();
    private volatile List<String> values;

    private Secrets(Set<String> configured) {
        this.configured = configured;
        this.values = sorted(configured, List.of());
    }

    /** The secrets of a configuration: every credential option, and the Basic header values made of them. */
    public static Secrets of(GenesysConfiguration c) {
        Set<String> s = new LinkedHashSet<>();
        for (String v : new String[] {
                c.getClientSecret(), c.getPassword(), c.getApiKey(), c.getRefreshToken(), c.getAuthorizationToken(),
                c.getAccessToken() }) {
            addForms(s, v);
        }
        if (c.getClientId() != null && c.getClientSecret() != null) {
            addForms(s, basic(c.getClientId(), c.getClientSecret()));
        }
        if (c.getUsername() != null && c.getPassword() != null) {
            addForms(s, basic(c.getUsername(), c.getPassword()));
        }
        return new Secrets(Set.copyOf(s));
    }

    /** The Base64 of {@code user:password}, as an HTTP Basic header carries it. */
    static String basic(String user, String password) {
        String pair = user + ":" + (password == null ? "" : password);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void addForms(Set<String> s, String v) {
        if (v != null && v.length() >= MIN_LENGTH) {
            s.add(v);
            String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
            s.add(encoded);
            s.add(encoded.replace("+", "%20"));
        }
    }

    /** Remembers a token obtained at run time (an access or refresh token), so that it is redacted from now on. */
    public void add(String value) {
        if (value == null || value.length() < MIN_LENGTH || this == NONE) {
            return;
        }
        synchronized (obtained) {
            if (obtained.contains(value)) {
                return;
            }
            obtained.addLast(value);
            while (obtained.size() > MAX_OBTAINED) {
                obtained.removeFirst();
            }
            Set<String> forms = new LinkedHashSet<>();
            for (String o : obtained) {
                addForms(forms, o);
            }
            values = sorted(configured, forms);
        }
    }

    private static List<String> sorted(Set<String> a, Iterable<String> b) {
        List<String> all = new ArrayList<>(a);
        b.forEach(all::add);
        // the longest first, so that a secret containing another is replaced whole
        all.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(all);
    }

    /** The text with every known secret and everything that looks like a credential masked; {@code null} stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (String v : values) {
            if (t.contains(v)) {
                t = t.replace(v, MASK);
            }
        }
        t = AUTH_SCHEME.matcher(t).replaceAll("$1$2" + MASK);
        t = replace(JSON_FIELD, t, m -> "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"");
        t = replace(PARAM, t, m -> m.group(1) + m.group(2) + MASK);
        return USER_INFO.matcher(t).replaceAll("$1" + MASK + "@");
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> masked) {
        Matcher m = p.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (HARMLESS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, last, m.start()).append(masked.apply(m));
            last = m.end();
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    /**
     * A copy of a JSON tree (error {@code details}, {@code errors}) with every text value redacted, and the values of
     * fields named like credentials masked; the tree itself when there is nothing to redact.
     */
    public JsonNode redact(JsonNode node) {
        if (node == null || !needsRedaction(node)) {
            return node;
        }
        return redactCopy(node.deepCopy());
    }

    private boolean needsRedaction(JsonNode node) {
        if (node.isTextual()) {
            return !node.asText().equals(redact(node.asText()));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (secretName(f.getKey()) && !f.getValue().isNull() || needsRedaction(f.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (needsRedaction(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode redactCopy(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(redact(node.asText()));
        }
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                o.set(name, secretName(name) && !v.isNull() && !v.isContainerNode() ? TextNode.valueOf(MASK) : redactCopy(v));
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redactCopy(a.get(i)));
            }
        }
        return node;
    }

    private static boolean secretName(String name) {
        return name.matches("(?i)" + NAME) && !HARMLESS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A value that opens something by itself (a notification channel's id: whoever has it can connect to the channel's
     * WebSocket) as logs, health details and messages show it: its first characters only (at most 16, at most half).
     */
    public static String label(String value) {
        if (value == null) {
            return null;
        }
        int shown = Math.min(16, value.length() / 2);
        return value.substring(0, shown) + "...";
    }

    /**
     * A URL as messages may show it: scheme, host, port and path; user info and query are masked. Text that is not
     * a URL is {@link #redact redacted} as it is.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return NONE.redact(url);
            }
            StringBuilder sb = new StringBuilder(u.getScheme()).append("://");
            if (u.getRawUserInfo() != null) {
                sb.append(MASK).append('@');
            }
            sb.append(u.getHost() != null ? u.getHost() : "");
            if (u.getPort() >= 0) {
                sb.append(':').append(u.getPort());
            }
            sb.append(u.getRawPath() == null ? "" : NONE.redact(u.getRawPath()));
            if (u.getRawQuery() != null) {
                sb.append('?').append(MASK);
            }
            return sb.toString();
        } catch (IllegalArgumentException notAUri) {
            return NONE.redact(url);
        }
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " values]";
    }
}
