package io.camelgenesys.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked of the Karaf deployment without a Karaf running Camel (Camel Karaf's features are not served by
 * the registry this project builds from): the camel-genesys bundle manifests against the runtime dependency set of
 * the components ({@code target/runtime-classpath.txt}, written by maven-dependency-plugin), and features.xml against
 * the same set. karaf-maven-plugin:verify (in the pom) resolves the libraries feature in a Karaf framework.
 */
class OsgiBundlesCheckTest {

    private static final String GROUP = "io.camelgenesys";

    /**
     * Jars of the dependency set that features.xml does not install, and who provides them in Karaf. A new
     * third-party dependency fails {@link #theLibrariesFeatureInstallsExactlyTheThirdPartyBundles()} until it is
     * added to camel-genesys-libraries or here, with the reason.
     */
    private static final Map<String, String> PROVIDED_BY_THE_CONTAINER = Map.of(
            "org.slf4j:slf4j-api", "Karaf's pax-logging exports org.slf4j",
            "jakarta.xml.bind:jakarta.xml.bind-api", "a dependency of Camel's own jars: Camel Karaf's camel-core installs it",
            "jakarta.activation:jakarta.activation-api", "a dependency of Camel's own jars: Camel Karaf's camel-core installs it");

    /**
     * The Camel artifacts Camel Karaf's {@code camel-core} feature installs (as its own bundles,
     * mvn:org.apache.camel.karaf/...), from apache/camel-karaf features/src/main/feature/camel-features.xml. A Camel
     * artifact outside this list that one of our bundles needs must be installed by the Camel Karaf feature of its
     * name, which our feature then requires.
     */
    private static final Set<String> CAMEL_CORE_FEATURE = Set.of(
            "camel-api", "camel-management-api", "camel-util", "camel-util-json", "camel-support", "camel-base",
            "camel-base-engine", "camel-management", "camel-core-model", "camel-core-reifier", "camel-core-processor",
            "camel-core-engine", "camel-core-languages", "camel-core-catalog", "camel-console", "camel-cloud",
            "camel-cluster", "camel-health", "camel-xml-io-util", "camel-xml-jaxp", "camel-xml-jaxb",
            "camel-tooling-model", "camel-main");

    /**
     * Packages our bundles import optionally from libraries that are optional dependencies too, so outside the runtime
     * dependency set: the version of the library the build uses (a system property) must be in the import's range.
     */
    private static final Map<String, String> OPTIONAL_OUTSIDE_THE_SET = Map.of(
            "io.micrometer.", "micrometer.version",
            "io.vertx.", "vertx.version");

    /**
     * Camel Karaf features a component feature requires beyond camel-genesys-core, with the reason: what its bundle
     * needs at runtime through core without importing it itself (core's imports of them are optional).
     */
    private static final Map<String, List<String>> CAMEL_FEATURES_BEYOND_CORE = Map.of(
            // the webhook endpoints are camel-webhook WebhookCapableEndpoints and open platform-http consumers by URI
            "camel-genesys-messaging", List.of("camel-webhook", "camel-platform-http"));

    private static List<Jar> dependencySet;
    private static List<Jar> ours;
    private static Set<String> jdkPackages;
    private static Map<String, FeatureDef> features;

    @BeforeAll
    static void load() throws Exception {
        Path classpath = Path.of("target/runtime-classpath.txt");
        Path localRepository = Path.of(System.getProperty("maven.repo.local")).toAbsolutePath();
        dependencySet = Stream.of(Files.readString(classpath).trim().split(java.io.File.pathSeparator))
                .map(entry -> Jar.read(Path.of(entry), localRepository)).toList();
        ours = dependencySet.stream().filter(j -> GROUP.equals(j.groupId())).toList();
        jdkPackages = ModuleLayer.boot().modules().stream().flatMap(m -> m.getPackages().stream())
                .collect(Collectors.toSet());
        features = FeatureDef.read(Path.of("target/classes/features.xml"));
    }

    @Test
    void everyComponentModuleIsABundle() {
        assertEquals(Set.of("camel-genesys-core", "camel-genesys-contacts", "camel-genesys-statistics", "camel-genesys-udm",
                        "camel-genesys-conversations", "camel-genesys-messaging"),
                ours.stream().map(Jar::artifactId).collect(Collectors.toSet()));
        for (Jar jar : ours) {
            assertEquals(GROUP + "." + jar.artifactId(), jar.symbolicName(), jar.artifactId() + " Bundle-SymbolicName");
            assertFalse(jar.exports().isEmpty(), jar.artifactId() + " exports nothing");
        }
    }

    /** Each import is met by a bundle of the set at a version in its range, by a Camel jar, or by the JDK. */
    @Test
    void everyImportIsExportedByTheDependencySet() {
        List<String> problems = new ArrayList<>();
        for (Jar bundle : ours) {
            for (Map.Entry<String, Attrs> clause : bundle.imports().entrySet()) {
                String pkg = withoutDuplicateMarker(clause.getKey());
                if (pkg.startsWith("java.")) {
                    if (!jdkPackages.contains(pkg)) {
                        problems.add(bundle.artifactId() + " imports " + pkg + ", which this JDK does not have");
                    }
                    continue;
                }
                VersionRange range = clause.getValue().containsKey("version")
                        ? new VersionRange(clause.getValue().get("version")) : null;
                String optionalLibrary = OPTIONAL_OUTSIDE_THE_SET.entrySet().stream()
                        .filter(e -> pkg.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
                if (optionalLibrary != null) {
                    Version built = new Version(System.getProperty(optionalLibrary));
                    if (!isOptional(clause.getValue()) || range == null || !range.includes(built)) {
                        problems.add(bundle.artifactId() + " imports " + pkg + ";" + clause.getValue() + ": an optional"
                                     + " dependency's package must be an optional import whose range takes "
                                     + optionalLibrary + " " + built);
                    }
                    continue;
                }
                if (providers(pkg, range).isEmpty() && !jdkPackages.contains(pkg)) {
                    problems.add(bundle.artifactId() + " imports " + pkg + (range == null ? "" : ";version=" + range)
                                 + (isOptional(clause.getValue()) ? " (optional)" : "")
                                 + ", which nothing in the dependency set exports at such a version");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A package of ours lives in exactly one jar of the set: no split packages, between our bundles or with others. */
    @Test
    void noSplitPackages() {
        Map<String, List<String>> owners = new TreeMap<>();
        for (Jar jar : dependencySet) {
            for (String pkg : jar.packages()) {
                owners.computeIfAbsent(pkg, p -> new ArrayList<>()).add(jar.artifactId());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Jar bundle : ours) {
            for (String pkg : bundle.packages()) {
                if (owners.get(pkg).size() > 1) {
                    problems.add(pkg + " is in " + owners.get(pkg));
                }
            }
            // everything a bundle has is exported (our bundles have no private packages) and nothing more
            assertEquals(new TreeSet<>(bundle.packages()), new TreeSet<>(bundle.exports().keySet()),
                    bundle.artifactId() + ": Export-Package and the packages in the jar");
        }
        assertTrue(problems.isEmpty(), "split packages:\n" + String.join("\n", problems));
    }

    @Test
    void theLibrariesFeatureInstallsExactlyTheThirdPartyBundles() {
        Set<String> expected = new TreeSet<>();
        List<String> notBundles = new ArrayList<>();
        for (Jar jar : dependencySet) {
            String key = jar.groupId() + ":" + jar.artifactId();
            if (GROUP.equals(jar.groupId()) || "org.apache.camel".equals(jar.groupId())
                    || PROVIDED_BY_THE_CONTAINER.containsKey(key)) {
                continue;
            }
            expected.add("mvn:" + jar.groupId() + "/" + jar.artifactId() + "/" + jar.version());
            if (jar.symbolicName() == null) {
                notBundles.add(key + " has no OSGi manifest: install it with wrap: or replace it");
            }
        }
        assertTrue(notBundles.isEmpty(), String.join("\n", notBundles));
        FeatureDef libraries = features.get("camel-genesys-libraries");
        assertEquals(expected, new TreeSet<>(libraries.bundles()), "camel-genesys-libraries bundles");
        assertTrue(libraries.features().isEmpty(), "camel-genesys-libraries must not need Camel (karaf:verify resolves it)");
    }

    @Test
    void aFeaturePerBundleOnTopOfCamelKarafCore() {
        for (Jar bundle : ours) {
            FeatureDef feature = features.get(bundle.artifactId());
            assertTrue(feature != null, "no feature " + bundle.artifactId() + " in features.xml");
            assertEquals(List.of("mvn:" + GROUP + "/" + bundle.artifactId() + "/" + bundle.version()), feature.bundles(),
                    bundle.artifactId() + " feature bundles");
            if (bundle.artifactId().equals("camel-genesys-core")) {
                assertEquals(Set.of("camel-core", "camel-genesys-libraries"), Set.copyOf(feature.features()));
            } else {
                List<String> needs = new ArrayList<>(List.of("camel-genesys-core"));
                needs.addAll(CAMEL_FEATURES_BEYOND_CORE.getOrDefault(bundle.artifactId(), List.of()));
                assertEquals(needs, feature.features(), bundle.artifactId() + " feature needs");
            }
        }
        assertEquals(ours.size() + 1, features.size(), "features: " + features.keySet());
    }

    /** A Camel feature required beyond camel-core is named after a Camel jar of the dependency set (camel-karaf's rule). */
    @Test
    void theCamelFeaturesBeyondCoreAreCamelJarsOfTheSet() {
        Set<String> camelJars = dependencySet.stream().filter(j -> "org.apache.camel".equals(j.groupId()))
                .map(Jar::artifactId).collect(Collectors.toSet());
        for (List<String> needs : CAMEL_FEATURES_BEYOND_CORE.values()) {
            for (String feature : needs) {
                assertTrue(camelJars.contains(feature) && !CAMEL_CORE_FEATURE.contains(feature),
                        feature + " is not a Camel jar of the set outside camel-core");
            }
        }
    }

    /** Every Camel jar a non-optional import needs is installed by camel-core or by a Camel feature we require. */
    @Test
    void theCamelJarsTheBundlesNeedComeFromRequiredCamelFeatures() {
        Set<String> required = features.values().stream().flatMap(f -> f.features().stream()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Jar bundle : ours) {
            for (Map.Entry<String, Attrs> clause : bundle.imports().entrySet()) {
                if (isOptional(clause.getValue())) {
                    continue;
                }
                String pkg = withoutDuplicateMarker(clause.getKey());
                for (Jar provider : providers(pkg, null)) {
                    if (!"org.apache.camel".equals(provider.groupId())) {
                        continue;
                    }
                    String feature = CAMEL_CORE_FEATURE.contains(provider.artifactId()) ? "camel-core" : provider.artifactId();
                    if (!required.contains(feature)) {
                        problems.add(bundle.artifactId() + " needs " + pkg + " from " + provider.artifactId()
                                     + ": no feature requires Camel Karaf's " + feature);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** bnd marks a repeated header key with trailing '~'. */
    private static String withoutDuplicateMarker(String key) {
        return key.replaceAll("~+$", "");
    }

    private static boolean isOptional(Attrs attrs) {
        return "optional".equals(attrs.get("resolution:"));
    }

    /** The jars that export {@code pkg} in {@code range}: bundles by their manifest, Camel's jars by what they hold. */
    private static List<Jar> providers(String pkg, VersionRange range) {
        List<Jar> providers = new ArrayList<>();
        for (Jar jar : dependencySet) {
            if (jar.symbolicName() != null) {
                for (Attrs export : jar.exports().getOrDefault(pkg, List.of())) {
                    String version = export.get("version");
                    if (range == null || range.includes(new Version(version == null ? "0" : version))) {
                        providers.add(jar);
                        break;
                    }
                }
            } else if ("org.apache.camel".equals(jar.groupId()) && jar.packages().contains(pkg)) {
                // Camel Karaf exports the packages of its bundle camel-x at the Camel version
                if (range == null || range.includes(Version.parseVersion(jar.version().replace('-', '.')))) {
                    providers.add(jar);
                }
            }
        }
        return providers;
    }

    /** One jar (or, in a reactor build that stops before package, one target/classes folder) of the set. */
    record Jar(String groupId, String artifactId, String version, Manifest manifest, Set<String> packages) {

        static Jar read(Path path, Path localRepository) {
            try {
                Manifest manifest;
                Set<String> packages = new TreeSet<>();
                if (Files.isDirectory(path)) {
                    Path mf = path.resolve("META-INF/MANIFEST.MF");
                    try (InputStream in = Files.exists(mf) ? Files.newInputStream(mf) : InputStream.nullInputStream()) {
                        manifest = new Manifest(in);
                    }
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> addPackage(packages, path.relativize(f).toString().replace('\\', '/')));
                    }
                } else {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        manifest = jar.getManifest() == null ? new Manifest() : jar.getManifest();
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                            addPackage(packages, e.nextElement().getName());
                        }
                    }
                }
                String[] gav = coordinates(path.toAbsolutePath(), localRepository, manifest);
                return new Jar(gav[0], gav[1], gav[2], manifest, packages);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void addPackage(Set<String> packages, String entry) {
            if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && entry.indexOf('/') > 0
                    && !entry.endsWith("module-info.class")) {
                packages.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.'));
            }
        }

        /** From the local repository path, or, for a module of this build, from its bundle manifest. */
        private static String[] coordinates(Path path, Path localRepository, Manifest manifest) {
            if (path.startsWith(localRepository)) {
                Path relative = localRepository.relativize(path);
                int n = relative.getNameCount();
                String group = relative.subpath(0, n - 3).toString().replace(java.io.File.separatorChar, '.');
                return new String[] { group, relative.getName(n - 3).toString(), relative.getName(n - 2).toString() };
            }
            String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || !name.startsWith(GROUP + ".")) {
                throw new IllegalStateException(path + " is neither in the local repository nor a module of this build");
            }
            return new String[] { GROUP, name.substring(GROUP.length() + 1), System.getProperty("project.version") };
        }

        String symbolicName() {
            String value = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return value == null ? null : value.split(";")[0].trim();
        }

        Parameters imports() {
            return OSGiHeader.parseHeader(manifest.getMainAttributes().getValue("Import-Package"));
        }

        /** Package to its export clauses (a bundle may export one package at several versions, as slf4j-api does). */
        Map<String, List<Attrs>> exports() {
            Map<String, List<Attrs>> exports = new LinkedHashMap<>();
            OSGiHeader.parseHeader(manifest.getMainAttributes().getValue("Export-Package"))
                    .forEach((k, v) -> exports.computeIfAbsent(withoutDuplicateMarker(k), p -> new ArrayList<>()).add(v));
            return exports;
        }
    }

    /** A feature of features.xml: the features it requires and the bundles it installs. */
    record FeatureDef(String name, List<String> features, List<String> bundles) {

        static Map<String, FeatureDef> read(Path file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(file.toFile());
            Map<String, FeatureDef> features = new LinkedHashMap<>();
            NodeList list = doc.getDocumentElement().getElementsByTagNameNS("*", "feature");
            for (int i = 0; i < list.getLength(); i++) {
                Element feature = (Element) list.item(i);
                if (feature.getParentNode() != doc.getDocumentElement()) {
                    continue;   // a <feature> dependency inside a feature
                }
                List<String> needs = new ArrayList<>();
                List<String> bundles = new ArrayList<>();
                NodeList children = feature.getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    if (children.item(c) instanceof Element child) {
                        if ("feature".equals(child.getLocalName())) {
                            needs.add(child.getTextContent().trim());
                        } else if ("bundle".equals(child.getLocalName())) {
                            bundles.add(child.getTextContent().trim());
                        }
                    }
                }
                features.put(feature.getAttribute("name"), new FeatureDef(feature.getAttribute("name"), needs, bundles));
            }
            return features;
        }
    }
}
