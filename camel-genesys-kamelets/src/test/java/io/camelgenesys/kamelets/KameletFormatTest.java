package io.camelgenesys.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Kamelet of this module against the apache/camel-kamelets format (the metadata the catalog's own Kamelets
 * carry, read from camel-kamelets 4.14.0) and against the component descriptor of the component it wraps: every
 * endpoint parameter of the template is an option of the component, a property that feeds a secret option is
 * {@code format: password} with the credentials x-descriptor (and only those are), enums agree, every
 * {{placeholder}} is a property and every property is used.
 */
class KameletFormatTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)}}");
    private static final String CREDENTIALS = "urn:camel:group:credentials";

    @TestFactory
    Stream<DynamicTest> everyKamelet() throws Exception {
        Path dir = Path.of(KameletFormatTest.class.getResource("/kamelets/genesys-contacts-sink.kamelet.yaml").toURI())
                .getParent();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertEquals(Set.of("genesys-contacts-sink", "genesys-contacts-source", "genesys-stats-source",
                        "genesys-udm-files-source", "genesys-messaging-webhook-source",
                        "genesys-users-presence-sink"),
                files.stream().map(KameletFormatTest::name).collect(java.util.stream.Collectors.toSet()));
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> check(f)));
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".kamelet.yaml", "");
    }

    @SuppressWarnings("unchecked")
    private static void check(Path file) throws Exception {
        Map<String, Object> kamelet = yaml(Files.readString(file));
        List<String> problems = new ArrayList<>();
        String name = name(file);

        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertEquals(name, metadata.get("name"), "metadata.name is the file name");
        Map<String, Object> annotations = (Map<String, Object>) metadata.get("annotations");
        Set<String> catalog = catalogAnnotationKeys();
        assertTrue(annotations.keySet().containsAll(catalog), "the annotations every Kamelet of the camel-kamelets"
                                                              + " catalog has: " + catalog);
        assertEquals(System.getProperty("project.version"), annotations.get("camel.apache.org/catalog.version"));
        assertTrue(String.valueOf(annotations.get("camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,"));
        String type = (String) ((Map<String, Object>) metadata.get("labels")).get("camel.apache.org/kamelet.type");
        assertTrue(name.endsWith("-" + type), name + " is of type " + type);

        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        for (String key : List.of("title", "description")) {
            assertTrue(definition.get(key) instanceof String s && !s.isBlank(), "definition." + key);
        }
        assertEquals("object", definition.get("type"));
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        for (String r : required) {
            if (!properties.containsKey(r)) {
                problems.add("required " + r + " is not a property");
            }
        }
        properties.forEach((p, schema) -> {
            for (String key : List.of("title", "description", "type")) {
                if (!(schema.get(key) instanceof String s) || s.isBlank()) {
                    problems.add("property " + p + " has no " + key);
                }
            }
        });

        // placeholders: each is a property, each property is used
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        String templateText = String.valueOf(template);
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(templateText);
        while (m.find()) {
            used.add(m.group(1));
        }
        for (String u : used) {
            if (!properties.containsKey(u)) {
                problems.add("{{" + u + "}} is not a property");
            }
        }
        for (String p : properties.keySet()) {
            if (!used.contains(p)) {
                problems.add("property " + p + " is not used by the template");
            }
        }

        // the genesys endpoint of the template, against its component's descriptor
        Map<String, Object> endpoint = genesysEndpoint(template);
        String uri = (String) endpoint.get("uri");
        ComponentModel component = component(uri.substring(0, uri.indexOf(':')));
        Map<String, Object> parameters = (Map<String, Object>) endpoint.getOrDefault("parameters", Map.of());
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            ComponentModel.EndpointOptionModel option = component.getEndpointOptions().stream()
                    .filter(o -> o.getName().equals(parameter.getKey())).findFirst().orElse(null);
            if (option == null) {
                problems.add(uri + " has no option " + parameter.getKey());
                continue;
            }
            Matcher only = PLACEHOLDER.matcher(String.valueOf(parameter.getValue()));
            if (!only.matches()) {
                continue;   // a fixed value
            }
            Map<String, Object> property = properties.get(only.group(1));
            if (property == null) {
                continue;
            }
            boolean password = "password".equals(property.get("format"));
            List<String> descriptors = (List<String>) property.getOrDefault("x-descriptors", List.of());
            if (option.isSecret() && (!password || !descriptors.contains(CREDENTIALS))) {
                problems.add(only.group(1) + " feeds the secret option " + option.getName()
                             + ": it must be format: password with x-descriptors " + CREDENTIALS);
            }
            if (!option.isSecret() && password) {
                problems.add(only.group(1) + " is format: password but " + option.getName() + " is not secret");
            }
            if (option.getEnums() != null && !option.getEnums().isEmpty() && property.containsKey("enum")
                    && !option.getEnums().equals(property.get("enum"))) {
                problems.add(only.group(1) + " enum differs from " + option.getName() + "'s " + option.getEnums());
            }
        }
        List<String> dependencies = (List<String>) spec.get("dependencies");
        String artifact = "mvn:" + component.getGroupId() + ":" + component.getArtifactId() + ":"
                          + System.getProperty("project.version");
        if (!dependencies.contains("camel:kamelet") || !dependencies.contains(artifact)) {
            problems.add("dependencies must list camel:kamelet and " + artifact + ", were " + dependencies);
        }
        if (!problems.isEmpty()) {
            fail(name + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** The from or to step of the template whose URI is a genesys component. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> genesysEndpoint(Object node) {
        if (node instanceof Map<?, ?> map) {
            Object uri = map.get("uri");
            if (uri instanceof String s && s.startsWith("genesys-")) {
                return (Map<String, Object>) map;
            }
            for (Object child : map.values()) {
                Map<String, Object> found = genesysEndpoint(child);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object child : list) {
                Map<String, Object> found = genesysEndpoint(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The component descriptor, found as Camel finds the component: META-INF/services/org/apache/camel/component. */
    static ComponentModel component(String scheme) throws IOException {
        Properties service = new Properties();
        try (InputStream in = KameletFormatTest.class.getResourceAsStream("/META-INF/services/org/apache/camel/component/" + scheme)) {
            service.load(in);
        }
        String type = service.getProperty("class");
        String json = "/META-INF/" + type.substring(0, type.lastIndexOf('.')).replace('.', '/') + "/" + scheme + ".json";
        try (InputStream in = KameletFormatTest.class.getResourceAsStream(json)) {
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Read once: parsing the whole catalog is most of this test's time. */
    private static Set<String> catalogAnnotationKeys;

    /** The annotation keys every Kamelet of the camel-kamelets catalog (4.14.0) has. */
    @SuppressWarnings("unchecked")
    private static Set<String> catalogAnnotationKeys() throws IOException {
        if (catalogAnnotationKeys != null) {
            return catalogAnnotationKeys;
        }
        java.net.URL reference = KameletFormatTest.class.getResource("/kamelets/aws-s3-sink.kamelet.yaml");
        Set<String> common = null;
        int count = 0;
        try (java.util.jar.JarFile jar = ((java.net.JarURLConnection) reference.openConnection()).getJarFile()) {
            for (java.util.Enumeration<java.util.jar.JarEntry> e = jar.entries(); e.hasMoreElements();) {
                java.util.jar.JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith("kamelets/") || !entry.getName().endsWith(".kamelet.yaml")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    Map<String, Object> k = yaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    Set<String> keys = new TreeSet<>(((Map<String, Object>) ((Map<String, Object>) k.get("metadata"))
                            .getOrDefault("annotations", Map.of())).keySet());
                    if (common == null) {
                        common = keys;
                    } else {
                        common.retainAll(keys);
                    }
                    count++;
                }
            }
        }
        assertTrue(count > 100 && common != null && common.contains("camel.apache.org/kamelet.icon"),
                "the camel-kamelets catalog was not read: " + count + " Kamelets, common annotations " + common);
        catalogAnnotationKeys = common;
        return common;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }
}
