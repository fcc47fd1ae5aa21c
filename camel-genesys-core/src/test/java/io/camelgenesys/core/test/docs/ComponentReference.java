package io.camelgenesys.core.test.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.tooling.model.ComponentModel.EndpointHeaderModel;
import org.apache.camel.tooling.model.ComponentModel.EndpointOptionModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * The reference tables of a component page, rendered from the component JSON that camel-component-maven-plugin
 * generates (the catalog's own description of the component) into the marked regions {@code options} and
 * {@code headers} of the page ({@link GeneratedDocs}).
 * <p>
 * Camel 4.14's {@code update-readme} goal (camel-package-maven-plugin) only writes Antora {@code include::partial$...}
 * lines between its markers, which the Camel website fills when it builds; outside that website they render nothing,
 * so the tables are rendered here, in plain AsciiDoc that GitHub shows.
 */
public final class ComponentReference {

    private final ComponentModel model;

    private ComponentReference(ComponentModel model) {
        this.model = model;
    }

    /** The reference of the component whose JSON is {@code json} (the text of the generated file). */
    public static ComponentReference of(String json) {
        return new ComponentReference(JsonMapper.generateComponentModel(json));
    }

    /** Checks (or rewrites) the {@code options} and {@code headers} regions of the component page. */
    public void check(Path page) {
        GeneratedDocs.region(page, "options", options());
        GeneratedDocs.region(page, "headers", headers());
    }

    /**
     * Every option, once: where it can be set (on the component, with {@code camel.component.<scheme>.<option>}, and
     * in the URI), grouped as the catalog groups them.
     */
    public String options() {
        Map<String, EndpointOptionModel> endpoint = new LinkedHashMap<>();
        for (EndpointOptionModel o : model.getEndpointOptions()) {
            endpoint.put(o.getName(), o);
        }
        Set<String> component = new TreeSet<>();
        for (ComponentOptionModel o : model.getComponentOptions()) {
            component.add(o.getName());
        }
        List<BaseOptionModel> all = new ArrayList<>(endpoint.values());
        for (ComponentOptionModel o : model.getComponentOptions()) {
            if (!endpoint.containsKey(o.getName())) {
                all.add(o);
            }
        }
        Map<String, List<BaseOptionModel>> byGroup = new LinkedHashMap<>();
        for (BaseOptionModel o : all) {
            byGroup.computeIfAbsent(group(o), g -> new ArrayList<>()).add(o);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("The ").append(model.getScheme()).append(" component has ").append(all.size())
                .append(" options (generated from the component JSON, the catalog's description of it). An option")
                .append(" set on the component (`camel.component.").append(model.getScheme())
                .append(".<option>`, dashed or camelCase) is the default of every endpoint; the same option in the URI")
                .append(" overrides it for that endpoint. Where: *both* (component and URI), *URI* (the endpoint only),")
                .append(" *component* (the component only).\n");
        for (Map.Entry<String, List<BaseOptionModel>> g : byGroup.entrySet()) {
            g.getValue().sort((a, b) -> kindOrder(a) != kindOrder(b) ? kindOrder(a) - kindOrder(b)
                    : a.getName().compareTo(b.getName()));
            sb.append("\n==== ").append(title(g.getKey())).append(" (").append(g.getValue().size()).append(")\n\n");
            sb.append("[width=\"100%\",cols=\"2,6,1,2,1\",options=\"header\"]\n|===\n");
            sb.append("| Name | Description | Default | Type | Where\n");
            for (BaseOptionModel o : g.getValue()) {
                String where = o instanceof ComponentOptionModel ? "component"
                        : "path".equals(o.getKind()) ? "URI (path)"
                        : component.contains(o.getName()) ? "both" : "URI";
                sb.append("| *").append(o.getName()).append("*").append(o.isRequired() ? " (required)" : "")
                        .append(" | ").append(cell(o.getDescription()))
                        .append(" | ").append(cell(defaultValue(o)))
                        .append(" | ").append(cell(type(o)))
                        .append(" | ").append(where).append('\n');
            }
            sb.append("|===\n");
        }
        return sb.toString();
    }

    /** Every header the component reads or writes, with its direction. */
    public String headers() {
        StringBuilder sb = new StringBuilder();
        List<EndpointHeaderModel> headers = new ArrayList<>(model.getEndpointHeaders());
        sb.append("The ").append(model.getScheme()).append(" component reads and writes ").append(headers.size())
                .append(" headers (generated from the component JSON).\n\n");
        sb.append("[width=\"100%\",cols=\"3,1,6,2\",options=\"header\"]\n|===\n");
        sb.append("| Header | Direction | Description | Type\n");
        for (EndpointHeaderModel h : headers) {
            String label = h.getLabel() == null ? "" : h.getLabel();
            String direction = label.contains("output") ? "output" : label.contains("input") ? "input" : label;
            sb.append("| `").append(h.getName()).append("` | ").append(direction).append(" | ")
                    .append(cell(h.getDescription())).append(" | ").append(cell(shortType(h.getJavaType())))
                    .append('\n');
        }
        sb.append("|===\n");
        return sb.toString();
    }

    private static int kindOrder(BaseOptionModel o) {
        return "path".equals(o.getKind()) ? 0 : 1;
    }

    private static String group(BaseOptionModel o) {
        String g = o.getGroup();
        return g == null || g.isBlank() ? "common" : g;
    }

    private static String title(String group) {
        return switch (group) {
            case "common" -> "Common options";
            case "producer" -> "Producer options";
            case "consumer" -> "Consumer options";
            case "security" -> "Security options (credentials: secret, masked in logged URIs)";
            case "retry" -> "Retry options";
            case "rateLimit" -> "Rate limit options";
            case "scheduler" -> "Scheduler options (Camel's scheduled poll consumer)";
            case "advanced" -> "Advanced options";
            default -> Character.toUpperCase(group.charAt(0)) + group.substring(1) + " options";
        };
    }

    private static String defaultValue(BaseOptionModel o) {
        Object d = o.getDefaultValue();
        return d == null || d.toString().isEmpty() ? "" : "`" + d + "`";
    }

    private static String type(BaseOptionModel o) {
        StringBuilder sb = new StringBuilder();
        if (o.getEnums() != null && !o.getEnums().isEmpty()) {
            sb.append("enum: ").append(String.join(", ", o.getEnums()));
        } else {
            sb.append(shortType(o.getJavaType()));
        }
        if (o.isSecret()) {
            sb.append(" (secret)");
        }
        return sb.toString();
    }

    /** {@code java.lang.String} to {@code String}, {@code java.util.List<io.x.BulkFailure>} to {@code List<BulkFailure>}. */
    static String shortType(String javaType) {
        if (javaType == null) {
            return "";
        }
        return javaType.replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    /** A table cell: {@code |} escaped, one line. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ').trim();
    }
}
