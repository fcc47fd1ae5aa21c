package io.camelgenesys.springboot.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.springboot.generator.StarterModel.Option;
import org.apache.camel.tooling.model.ComponentModel;

/**
 * Build check of a starter, after compilation: the {@code META-INF/spring-configuration-metadata.json} that
 * spring-boot-configuration-processor wrote must describe every option of the component descriptor (name, type,
 * description, default, values) and nothing else under the component's prefix. It catches a generator or processor
 * change that would leave IDEs with a wrong or partial list.
 * <p>
 * Arguments: the module's artifactId, its packaging, the metadata file.
 */
public final class StarterMetadataCheck {

    private StarterMetadataCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("expected: <artifactId> <packaging> <metadata file>, was " + args.length
                                               + " arguments");
        }
        String artifactId = args[0];
        if (!"jar".equals(args[1]) || !artifactId.endsWith(StarterGenerator.SUFFIX)) {
            return;
        }
        String componentArtifact = artifactId.substring(0, artifactId.length() - StarterGenerator.SUFFIX.length());
        List<ComponentModel> components = StarterGenerator.findComponents(Thread.currentThread().getContextClassLoader(),
                componentArtifact);
        Path file = Path.of(args[2]);
        if (!Files.exists(file)) {
            throw new IllegalStateException(artifactId + ": " + file + " was not written; is"
                                            + " spring-boot-configuration-processor on the compile classpath?");
        }
        List<String> problems = new ArrayList<>();
        JsonNode metadata = new ObjectMapper().readTree(file.toFile());
        for (ComponentModel component : components) {
            problems.addAll(check(new StarterModel(component), metadata));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(artifactId + ": " + file.getFileName() + " does not match the component"
                                            + " descriptor:\n  " + String.join("\n  ", problems));
        }
        System.out.println("[camel-genesys starter check] " + file.getFileName() + " describes every option of "
                           + components.stream().map(ComponentModel::getScheme).toList());
    }

    static List<String> check(StarterModel m, JsonNode metadata) {
        List<String> problems = new ArrayList<>();
        String source = m.packageName() + "." + m.configurationClass();
        boolean group = false;
        for (JsonNode g : metadata.path("groups")) {
            group |= m.prefix().equals(g.path("name").asText()) && source.equals(g.path("type").asText());
        }
        if (!group) {
            problems.add("no group " + m.prefix() + " of type " + source);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode p : metadata.path("properties")) {
            properties.put(p.path("name").asText(), p);
        }
        Map<String, List<String>> hints = new HashMap<>();
        for (JsonNode h : metadata.path("hints")) {
            List<String> values = new ArrayList<>();
            h.path("values").forEach(v -> values.add(v.path("value").asText()));
            hints.put(h.path("name").asText(), values);
        }
        Set<String> expected = new HashSet<>(Set.of(m.prefix() + ".enabled", m.prefix() + ".customizer.enabled"));
        if (!properties.containsKey(m.prefix() + ".enabled")) {
            problems.add(m.prefix() + ".enabled is missing");
        }
        for (Option o : m.options()) {
            String name = o.propertyName();
            expected.add(name);
            JsonNode p = properties.get(name);
            if (p == null) {
                problems.add(name + " is missing (option " + o.name() + ")");
                continue;
            }
            String type = o.fieldType().contains(".") ? o.fieldType() : "java.lang." + o.fieldType();
            if (!type.equals(p.path("type").asText())) {
                problems.add(name + ": type " + p.path("type").asText() + ", expected " + type);
            }
            if (!o.description().equals(p.path("description").asText())) {
                problems.add(name + ": description '" + p.path("description").asText() + "', expected '"
                             + o.description() + "'");
            }
            Object defaultValue = o.defaultValue();
            JsonNode actualDefault = p.get("defaultValue");
            String actual = actualDefault == null ? null : actualDefault.isNumber() && defaultValue instanceof Long
                    ? String.valueOf(actualDefault.asLong()) : actualDefault.asText();
            if (!Objects.equals(defaultValue == null ? null : String.valueOf(defaultValue), actual)) {
                problems.add(name + ": default " + actual + ", expected " + defaultValue);
            }
            if (o.deprecated() != p.has("deprecation")) {
                problems.add(name + ": deprecated is " + p.has("deprecation") + ", expected " + o.deprecated());
            }
            if (!o.enums().equals(hints.getOrDefault(name, List.of()))) {
                problems.add(name + ": values " + hints.getOrDefault(name, List.of()) + ", expected " + o.enums());
            }
        }
        for (String name : properties.keySet()) {
            if (name.startsWith(m.prefix() + ".") && !expected.contains(name)) {
                problems.add(name + " is not an option of " + m.scheme());
            }
        }
        return problems;
    }
}
