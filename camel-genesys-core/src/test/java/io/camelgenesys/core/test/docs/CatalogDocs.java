package io.camelgenesys.core.test.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.util.StringHelper;

/**
 * Camel's catalog as tooling (Camel JBang, the IDE plugins, Karavan) builds it for a component it finds on the
 * classpath: {@code META-INF/services/org/apache/camel/component.properties} names the components of a jar, each
 * component's service file names its class, and the JSON next to the class describes it; each JSON is added to a
 * {@link DefaultCamelCatalog}. The docs' endpoint URIs are then validated by the catalog's endpoint validation, and
 * their {@code camel.component.<scheme>.<option>} properties checked against the component's options.
 */
public final class CatalogDocs {

    private static final String COMPONENT_PROPERTIES = "META-INF/services/org/apache/camel/component.properties";

    private final CamelCatalog catalog = new DefaultCamelCatalog();
    private final Set<String> schemes = new LinkedHashSet<>();

    private CatalogDocs() {
    }

    /** A catalog with every camel-genesys component of the classpath added as tooling adds one. */
    public static CatalogDocs fromClasspath() {
        CatalogDocs docs = new CatalogDocs();
        ClassLoader cl = CatalogDocs.class.getClassLoader();
        try {
            for (URL url : Collections.list(cl.getResources(COMPONENT_PROPERTIES))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                if (!"io.camelgenesys".equals(p.getProperty("groupId"))) {
                    continue;
                }
                for (String scheme : p.getProperty("components", "").split("\\s+")) {
                    docs.add(cl, scheme);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private void add(ClassLoader cl, String scheme) throws IOException {
        Properties service = new Properties();
        try (InputStream in = cl.getResourceAsStream("META-INF/services/org/apache/camel/component/" + scheme)) {
            if (in == null) {
                throw new AssertionError(scheme + " is listed in component.properties but has no component service file");
            }
            service.load(in);
        }
        String className = service.getProperty("class");
        String json = "META-INF/" + className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/" + scheme
                      + ".json";
        try (InputStream in = cl.getResourceAsStream(json)) {
            if (in == null) {
                throw new AssertionError(scheme + " has no component JSON at " + json);
            }
            catalog.addComponent(scheme, className, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        schemes.add(scheme);
    }

    public CamelCatalog catalog() {
        return catalog;
    }

    /** The camel-genesys schemes found on the classpath. */
    public Set<String> schemes() {
        return schemes;
    }

    /** The model of a component as the catalog has it. */
    public ComponentModel component(String scheme) {
        return catalog.componentModel(scheme);
    }

    /**
     * The endpoint URIs of a page's code: every {@code <scheme>:operation?options} of a known scheme, with Java string
     * concatenations ({@code "..." + "..."}) joined, XML's {@code &amp;} read as {@code &}.
     */
    public List<String> uris(Path page) {
        String text = GeneratedDocs.read(page).replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("\"\\s*\\n\\s*\\+\\s*\"", "")
                .replace("&amp;", "&");
        List<String> uris = new ArrayList<>();
        for (String scheme : schemes) {
            Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(scheme) + ":[A-Za-z][\\w]*(\\?[^\"'\\s`)<>]*)?")
                    .matcher(text);
            while (m.find()) {
                // the URI syntax line (<scheme>:operation[?options]) names no operation
                if (!m.group().equals(scheme + ":operation")) {
                    uris.add(m.group());
                }
            }
        }
        return uris;
    }

    /** Validates every URI of a page: unknown options, wrong types and enum values, missing required ones. */
    public List<String> validateUris(Path page) {
        List<String> problems = new ArrayList<>();
        for (String uri : uris(page)) {
            // {{placeholders}} stand for values given at run time: the catalog checks the options around them
            EndpointValidationResult r = catalog.validateEndpointProperties(uri, true);
            if (!r.isSuccess()) {
                problems.add(page.getFileName() + ": " + uri + ": " + r.summaryErrorMessage(false));
            }
        }
        return problems;
    }

    /** Every {@code camel.component.<scheme>.<option>} property of a page names an option of the component. */
    public List<String> validateProperties(Path page) {
        List<String> problems = new ArrayList<>();
        String text = GeneratedDocs.read(page);
        Matcher m = Pattern.compile("camel\\.component\\.([\\w-]+)\\.([\\w.-]+)").matcher(text);
        while (m.find()) {
            String scheme = m.group(1);
            if (!schemes.contains(scheme)) {
                continue;
            }
            // a sentence's full stop is no part of the name
            String option = m.group(2).replaceAll("\\.+$", "");
            if (option.startsWith("configuration.")) {
                option = option.substring("configuration.".length());
            }
            // the generic form (camel.component.<scheme>.<option>, ...configuration.<option>) names no option
            if (option.isEmpty() || option.equals("configuration") || text.startsWith("<", m.end())) {
                continue;
            }
            String name = StringHelper.dashToCamelCase(option);
            boolean known = component(scheme).getComponentOptions().stream().anyMatch(o -> o.getName().equals(name));
            if (!known) {
                problems.add(page.getFileName() + ": camel.component." + scheme + "." + m.group(2) + " is no option of "
                             + scheme);
            }
        }
        return problems;
    }
}
