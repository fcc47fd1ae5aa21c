import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * Reads the facts of one API out of the Genesys Cloud Java SDK jar (com.mypurecloud:platform-client-v2) and prints
 * them as JSON: every operation of the API class (method, path, path and query parameters with their collection
 * format, body and response model) and every model those reach (JSON field names, JSON types, enum values).
 * <p>
 * Run by extract.mjs: {@code java -cp <sdk jar>:<jackson jars> JavaSdkFacts.java ExternalContactsApi out.json}.
 * Models by reflection (the SDK puts {@code @JsonProperty} on getters); the request builder calls, which leave no
 * trace in reflection, from the SDK's own bytecode through the JDK's javap. Nothing of the SDK is copied.
 */
public class JavaSdkFacts {

    private static final String PKG = "com.mypurecloud.sdk.v2.";

    private final Map<String, Object> models = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();
    private final Set<Class<?>> seen = new LinkedHashSet<>();

    public static void main(String[] args) throws Exception {
        String apiName = args[0];
        Path out = Path.of(args[1]);
        JavaSdkFacts facts = new JavaSdkFacts();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("api", apiName);
        root.put("operations", facts.operations(Class.forName(PKG + "api." + apiName)));
        if (args.length > 2) {
            // models the caller wants too (those the newer npm SDK reaches), where this SDK has them
            for (String name : Files.readAllLines(Path.of(args[2]))) {
                try {
                    facts.type(Class.forName(PKG + "model." + name.trim()));
                } catch (ClassNotFoundException e) {
                    // not in this SDK version
                }
            }
        }
        facts.drain();
        root.put("models", facts.models);
        Files.writeString(out, Json.write(root));
    }

    // ---- operations ---------------------------------------------------------------------------------------------

    private List<Object> operations(Class<?> api) throws Exception {
        Map<String, Method> byName = new TreeMap<>();
        for (Method m : api.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getDeclaringClass() == api && p.length == 1 && p[0].getName().startsWith(PKG + "api.request.")
                && !m.getName().endsWith("WithHttpInfo")) {
                byName.put(m.getName(), m);
            }
        }
        List<String> requestClasses = byName.values().stream().map(m -> m.getParameterTypes()[0].getName()).toList();
        Map<String, List<String[]>> calls = builderCalls(requestClasses);
        List<Object> ops = new ArrayList<>();
        for (Method m : byName.values()) {
            Class<?> request = m.getParameterTypes()[0];
            List<String[]> c = calls.get(request.getName());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("operationId", m.getName());
            List<String> pathParams = new ArrayList<>();
            List<Object> query = new ArrayList<>();
            Field body = null;
            for (String[] call : c) {
                switch (call[0]) {
                    case "create" -> {
                        op.put("method", call[1]);
                        op.put("path", call[2]);
                    }
                    case "path" -> pathParams.add(call[1]);
                    case "body" -> body = field(request, call[1]);
                    case "query" -> {
                        Map<String, Object> q = new LinkedHashMap<>();
                        q.put("name", call[1]);
                        q.put("format", call[2].isEmpty() ? "single" : call[2]);
                        query.add(q);
                    }
                    default -> {
                    }
                }
            }
            op.put("pathParams", pathParams);
            op.put("queryParams", query);
            op.put("body", body == null ? null : type(body.getGenericType()));
            Type ret = m.getGenericReturnType();
            op.put("response", ret == void.class || ret.getTypeName().equals(PKG + "model.Empty") ? null : type(ret));
            ops.add(op);
        }
        return ops;
    }

    private static Field field(Class<?> c, String name) {
        try {
            return c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static final Pattern LDC = Pattern.compile("ldc(?:_w)?\\s+#\\d+\\s+// String (.*)$");
    private static final Pattern FIELD = Pattern.compile("getfield\\s+#\\d+\\s+// Field (\\w+):");
    private static final Pattern INVOKE = Pattern.compile("// Method com/mypurecloud/sdk/v2/ApiRequestBuilder\\.(\\w+):");

    /** The ApiRequestBuilder calls of each request class's withHttpInfo(), from the bytecode (javap -c). */
    private static Map<String, List<String[]>> builderCalls(List<String> classes) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        List<String> args = new ArrayList<>(List.of("-c", "-p", "-constants", "-cp", System.getProperty("java.class.path")));
        args.addAll(classes);
        StringWriter out = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(System.err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javap failed: " + rc);
        }
        Map<String, List<String[]>> result = new LinkedHashMap<>();
        String current = null;
        boolean inMethod = false;
        List<String> strings = new ArrayList<>();
        String lastField = null;
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("public class ") || line.startsWith("public final class ")) {
                current = line.replaceAll(".*class (\\S+).*", "$1");
                result.put(current, new ArrayList<>());
                inMethod = false;
                continue;
            }
            if (line.contains(" withHttpInfo()")) {
                inMethod = true;
                strings.clear();
                continue;
            }
            if (!inMethod) {
                continue;
            }
            if (line.trim().isEmpty()) {
                inMethod = false;
                continue;
            }
            Matcher ldc = LDC.matcher(line);
            if (ldc.find()) {
                strings.add(ldc.group(1).trim());
                continue;
            }
            if (line.contains("// String") && line.trim().matches("\\d+: ldc.*// String$")) {
                strings.add("");
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.find()) {
                lastField = field.group(1);
            }
            Matcher inv = INVOKE.matcher(line);
            if (inv.find()) {
                String what = inv.group(1);
                List<String[]> calls = result.get(current);
                switch (what) {
                    // the arguments are the last strings pushed (precondition messages may come before)
                    case "create" -> calls.add(new String[] { "create", last(strings, 2), last(strings, 1) });
                    case "withPathParameter" -> calls.add(new String[] { "path", last(strings, 1) });
                    case "withQueryParameters" -> calls.add(new String[] { "query", last(strings, 2), last(strings, 1) });
                    case "withBody" -> calls.add(new String[] { "body", lastField });
                    default -> {
                    }
                }
                strings.clear();
            }
        }
        return result;
    }

    private static String last(List<String> strings, int n) {
        return strings.get(strings.size() - n);
    }

    // ---- models -------------------------------------------------------------------------------------------------

    private Object type(Type t) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] a = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                d.put("type", "array");
                d.put("items", type(a[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                d.put("type", "map");
                d.put("values", type(a[1]));
            } else {
                d.put("type", "object");
            }
            return d;
        }
        Class<?> c = (Class<?>) t;
        String n = c.getName();
        switch (n) {
            case "java.lang.String" -> d.put("type", "string");
            case "java.lang.Integer", "int", "java.lang.Short" -> {
                d.put("type", "integer");
                d.put("format", "int32");
            }
            case "java.lang.Long", "long" -> {
                d.put("type", "integer");
                d.put("format", "int64");
            }
            case "java.lang.Float", "java.lang.Double", "double", "java.math.BigDecimal" -> d.put("type", "number");
            case "java.lang.Boolean", "boolean" -> d.put("type", "boolean");
            case "java.util.Date" -> {
                d.put("type", "string");
                d.put("format", "date-time");
            }
            case "java.time.LocalDate" -> {
                d.put("type", "string");
                d.put("format", "date");
            }
            case "java.lang.Object" -> d.put("type", "object");
            default -> {
                if (c.isEnum()) {
                    d.put("type", "string");
                    List<String> values = new ArrayList<>();
                    for (Object constant : c.getEnumConstants()) {
                        String v = constant.toString();
                        // the SDK's sentinel for values newer than itself, not an API value
                        if (!"OutdatedSdkVersion".equals(v)) {
                            values.add(v);
                        }
                    }
                    d.put("enum", values);
                } else if (n.startsWith(PKG + "model.")) {
                    d.put("type", "object");
                    d.put("ref", modelName(c));
                    if (seen.add(c)) {
                        pending.add(c);
                    }
                } else {
                    d.put("type", "object");
                    d.put("javaType", n);
                }
            }
        }
        return d;
    }

    private static String modelName(Class<?> c) {
        return c.getName().substring((PKG + "model.").length()).replace('$', '.');
    }

    private void drain() {
        while (!pending.isEmpty()) {
            Class<?> c = pending.poll();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    fields.put(jsonName(c, f), type(f.getGenericType()));
                }
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("fields", fields);
            models.put(modelName(c), model);
        }
    }

    /** The JSON name: the @JsonProperty of the getter (the SDK annotates getters), else the field name. */
    private static String jsonName(Class<?> c, Field f) {
        String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        for (String prefix : new String[] { "get", "is" }) {
            try {
                Method getter = c.getMethod(prefix + cap);
                com.fasterxml.jackson.annotation.JsonProperty p = getter
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (p != null && !p.value().isEmpty()) {
                    return p.value();
                }
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        com.fasterxml.jackson.annotation.JsonProperty p = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : f.getName();
    }

    /** A small JSON writer: this file runs without Maven, so it uses no JSON library. */
    static final class Json {
        static String write(Object o) {
            StringBuilder b = new StringBuilder();
            write(o, b);
            return b.toString();
        }

        private static void write(Object o, StringBuilder b) {
            if (o == null) {
                b.append("null");
            } else if (o instanceof String s) {
                b.append('"');
                for (char ch : s.toCharArray()) {
                    switch (ch) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        default -> {
                            if (ch < 0x20) {
                                b.append(String.format("\\u%04x", (int) ch));
                            } else {
                                b.append(ch);
                            }
                        }
                    }
                }
                b.append('"');
            } else if (o instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(String.valueOf(e.getKey()), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (o instanceof List<?> l) {
                b.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    write(l.get(i), b);
                }
                b.append(']');
            } else {
                b.append(o);
            }
        }
    }
}
