package io.camelgenesys.quarkus.core.deployment;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.maven.dependency.ResolvedDependency;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;

/**
 * The build steps every camel-genesys extension shares. Nothing here names a component, a model or an operation:
 * they are discovered in the Jandex index of the application's {@code io.camelgenesys} jars, so that a new module
 * (camel-genesys-udm, camel-genesys-messaging, ...) is covered as soon as it is on the classpath.
 */
class GenesysCoreProcessor {

    static final String FEATURE = "camel-genesys-core";

    static final String GROUP_ID = "io.camelgenesys";
    static final String PACKAGE_ROOT = "io.camelgenesys.";

    static final DotName CAMEL_COMPONENT_ANNOTATION = DotName.createSimple("org.apache.camel.spi.annotations.Component");
    static final DotName URI_PARAMS = DotName.createSimple("org.apache.camel.spi.UriParams");
    static final DotName GENESYS_OPERATION = DotName.createSimple("io.camelgenesys.core.operation.GenesysOperation");
    static final DotName GENESYS_MODEL = DotName.createSimple("io.camelgenesys.core.json.GenesysModel");
    static final DotName CAMEL_METADATA = DotName.createSimple("org.apache.camel.spi.Metadata");
    static final String GENESYS_PLATFORM = "io.camelgenesys.core.GenesysPlatform";

    /** A model package of any module: {@code io.camelgenesys.<module>.model} and below. */
    static final Pattern MODEL_PACKAGE = Pattern.compile("io\\.camelgenesys\\.[a-z0-9_]+\\.model(\\..*)?");

    /** A class of ours named in a {@code javaType} (generics included: {@code java.util.List<io.camelgenesys.X>}). */
    static final Pattern OUR_TYPE_NAME = Pattern.compile("io\\.camelgenesys\\.[A-Za-z0-9_.$]+");

    /**
     * Static fields of these types make a class unfit for build-time initialisation in a native image (a seeded
     * random, a started thread or pool, a client holding sockets): such a class of ours is initialised at run time.
     */
    static final Set<String> RUNTIME_ONLY_STATIC_TYPES = Set.of(
            "java.util.Random", "java.security.SecureRandom", "java.lang.Thread", "java.util.Timer",
            "java.util.concurrent.Executor", "java.util.concurrent.ExecutorService",
            "java.util.concurrent.ScheduledExecutorService", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
            "org.eclipse.jetty.client.HttpClient", "org.eclipse.jetty.util.thread.QueuedThreadPool",
            "org.eclipse.jetty.util.thread.Scheduler", "org.cometd.client.BayeuxClient");

    /**
     * Jetty 12.0 / CometD 8.0 classes whose static initialiser creates a thread, an executor or looks up methods
     * reflectively (found by scanning their static fields); Quarkus initialises classes at build time by default.
     */
    static final List<String> JETTY_RUNTIME_INITIALIZED = List.of(
            "org.eclipse.jetty.util.thread.ShutdownThread",
            "org.eclipse.jetty.util.VirtualThreads",
            "org.eclipse.jetty.util.RolloverFileOutputStream");

    /** Jetty and CometD classes reached reflectively (lifecycle dumps, the CometD JSON context and messages). */
    static final List<String> JETTY_COMETD_REFLECTIVE = List.of(
            "org.eclipse.jetty.client.HttpClient",
            "org.eclipse.jetty.client.ProtocolHandlers",
            "org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP",
            "org.eclipse.jetty.io.ClientConnector",
            "org.eclipse.jetty.util.thread.QueuedThreadPool",
            "org.cometd.client.BayeuxClient",
            "org.cometd.client.http.jetty.JettyHttpClientTransport",
            "org.cometd.common.JettyJSONContextClient",
            "org.cometd.common.HashMapMessage");

    /** Resources Jetty loads in static initialisers (MimeTypes, the version banner). */
    static final List<String> JETTY_RESOURCES = List.of(
            "org/eclipse/jetty/http/mime.properties",
            "org/eclipse/jetty/http/encoding.properties",
            "org/eclipse/jetty/version/build.properties");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        // every Genesys API is HTTPS
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * Indexes every camel-genesys jar of the application: the components carry no Jandex index of their own, and
     * everything below is found in the index.
     */
    @BuildStep
    void indexGenesysJars(CurateOutcomeBuildItem curate, BuildProducer<IndexDependencyBuildItem> index) {
        for (ResolvedDependency dependency : curate.getApplicationModel().getRuntimeDependencies()) {
            if (isGenesysLibrary(dependency.getGroupId(), dependency.getArtifactId())) {
                index.produce(new IndexDependencyBuildItem(dependency.getGroupId(), dependency.getArtifactId(),
                        dependency.getClassifier().isEmpty() ? null : dependency.getClassifier()));
            }
        }
    }

    static boolean isGenesysLibrary(String groupId, String artifactId) {
        return GROUP_ID.equals(groupId) && artifactId.startsWith("camel-genesys-")
               && !artifactId.startsWith("camel-genesys-quarkus-");
    }

    @BuildStep
    GenesysComponentsBuildItem components(CombinedIndexBuildItem combinedIndex) {
        TreeSet<String> schemes = new TreeSet<>();
        TreeSet<String> classes = new TreeSet<>();
        for (AnnotationInstance component : combinedIndex.getIndex().getAnnotations(CAMEL_COMPONENT_ANNOTATION)) {
            ClassInfo type = component.target().asClass();
            if (!type.name().toString().startsWith(PACKAGE_ROOT) || java.lang.reflect.Modifier.isAbstract(type.flags())) {
                continue;
            }
            classes.add(type.name().toString());
            for (String scheme : component.value().asString().split(",")) {
                schemes.add(scheme.trim());
            }
        }
        return new GenesysComponentsBuildItem(new ArrayList<>(schemes), new ArrayList<>(classes));
    }

    /**
     * Reflection for what Jackson binds and what Camel converts by name: every class of a {@code model} package,
     * every {@code GenesysModel}, every class carrying a Jackson annotation, the request and response types of every
     * operation table (with the types they reach), the operation enums and other enums, and the {@code @UriParams}
     * configuration classes.
     */
    @BuildStep
    void reflection(CombinedIndexBuildItem combinedIndex,
                    BuildProducer<ReflectiveClassBuildItem> reflective,
                    BuildProducer<ReflectiveHierarchyBuildItem> hierarchy) {
        IndexView index = combinedIndex.getIndex();
        Set<String> jacksonTypes = new TreeSet<>();
        Set<String> enums = new TreeSet<>();
        Set<String> configurations = new TreeSet<>();
        for (ClassInfo type : index.getKnownClasses()) {
            String name = type.name().toString();
            if (!name.startsWith(PACKAGE_ROOT)) {
                continue;
            }
            if (MODEL_PACKAGE.matcher(type.name().packagePrefix()).matches() || hasJacksonAnnotation(type)) {
                jacksonTypes.add(name);
            }
            if (type.isEnum()) {
                enums.add(name);
            }
            if (type.hasDeclaredAnnotation(URI_PARAMS)) {
                configurations.add(name);
            }
        }
        for (ClassInfo model : index.getAllKnownSubclasses(GENESYS_MODEL)) {
            jacksonTypes.add(model.name().toString());
        }
        jacksonTypes.add(GENESYS_MODEL.toString());

        Set<String> operationEnums = new TreeSet<>();
        for (ClassInfo operation : index.getAllKnownImplementors(GENESYS_OPERATION)) {
            if (operation.isEnum()) {
                operationEnums.add(operation.name().toString());
            }
        }
        jacksonTypes.addAll(operationTableTypes(operationEnums, Thread.currentThread().getContextClassLoader()));

        for (String type : jacksonTypes) {
            hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                    .index(index)
                    .ignoreTypePredicate(GenesysCoreProcessor::notOurs)
                    .source(FEATURE + ": Jackson-bound type")
                    .build());
        }
        // what a route reads by name from an output header, e.g. ${body.entity.id} of a split CamelGenesysBulkSuccesses:
        // Camel's bean introspection (simple, bean) finds no method of an unregistered class in a native image
        for (String type : headerTypes(index)) {
            if (!jacksonTypes.contains(type)) {
                hierarchy.produce(ReflectiveHierarchyBuildItem.builder(type)
                        .index(index)
                        .ignoreTypePredicate(GenesysCoreProcessor::notOurs)
                        .source(FEATURE + ": header value type read by simple/bean")
                        .build());
            }
        }
        Set<String> byName = new TreeSet<>(enums);
        byName.addAll(operationEnums);
        reflective.produce(ReflectiveClassBuildItem.builder(byName.toArray(String[]::new))
                .methods().fields().reason(FEATURE + ": enum converted from a URI option or JSON").build());
        reflective.produce(ReflectiveClassBuildItem.builder(configurations.toArray(String[]::new))
                .methods().fields().reason(FEATURE + ": @UriParams configuration").build());
        reflective.produce(ReflectiveClassBuildItem.builder(JETTY_COMETD_REFLECTIVE.toArray(String[]::new))
                .methods().reason(FEATURE + ": Jetty HTTP client and CometD client").build());
    }

    /**
     * Our classes named in the {@code javaType} of a header's {@code @Metadata} (the constants classes): the values a
     * route gets in a header and reads with simple or bean ({@code CamelGenesysBulkSuccesses} is a
     * {@code List<BulkSuccess>}). Only classes in the index: a name that is none (a typo) is left to the docs tests.
     */
    static Set<String> headerTypes(IndexView index) {
        Set<String> types = new TreeSet<>();
        for (AnnotationInstance metadata : index.getAnnotations(CAMEL_METADATA)) {
            if (metadata.target() == null || metadata.target().kind() != org.jboss.jandex.AnnotationTarget.Kind.FIELD
                || !metadata.target().asField().declaringClass().name().toString().startsWith(PACKAGE_ROOT)
                || metadata.value("javaType") == null) {
                continue;
            }
            java.util.regex.Matcher names = OUR_TYPE_NAME.matcher(metadata.value("javaType").asString());
            while (names.find()) {
                if (index.getClassByName(DotName.createSimple(names.group())) != null) {
                    types.add(names.group());
                }
            }
        }
        return types;
    }

    private static boolean notOurs(DotName type) {
        return !type.toString().startsWith(PACKAGE_ROOT);
    }

    private static boolean hasJacksonAnnotation(ClassInfo type) {
        for (AnnotationInstance annotation : type.annotations()) {
            if (annotation.name().toString().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request and response types of every operation of every platform, read from the operation enums
     * themselves (the table is code: {@code body(X.class)}, {@code returns(Y.class)}), loaded without initialising
     * anything else. Reflective calls keep this independent of which class loader holds camel-genesys-core.
     */
    static Set<String> operationTableTypes(Collection<String> operationEnums, ClassLoader loader) {
        Set<String> types = new TreeSet<>();
        if (operationEnums.isEmpty()) {
            return types;
        }
        try {
            Class<?> platformType = Class.forName(GENESYS_PLATFORM, true, loader);
            for (String enumName : operationEnums) {
                Class<?> operations = Class.forName(enumName, true, loader);
                Method spec = operations.getMethod("spec", platformType);
                for (Object operation : operations.getEnumConstants()) {
                    for (Object platform : platformType.getEnumConstants()) {
                        Object s = spec.invoke(operation, platform);
                        if (s != null) {
                            addType(types, (Class<?>) s.getClass().getMethod("requestType").invoke(s));
                            addType(types, (Class<?>) s.getClass().getMethod("responseType").invoke(s));
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("camel-genesys: cannot read the operation tables " + operationEnums
                                            + " to register their request and response types for reflection: " + e, e);
        }
        return types;
    }

    private static void addType(Set<String> types, Class<?> type) {
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        if (type != null && !type.isPrimitive() && type.getName().startsWith(PACKAGE_ROOT)) {
            types.add(type.getName());
        }
    }

    /** Jetty's and ours: classes whose static state must not be frozen into a native image. */
    @BuildStep
    void runtimeInitialization(CombinedIndexBuildItem combinedIndex,
                               BuildProducer<RuntimeInitializedClassBuildItem> runtimeInitialized) {
        for (String type : JETTY_RUNTIME_INITIALIZED) {
            runtimeInitialized.produce(new RuntimeInitializedClassBuildItem(type));
        }
        for (String type : classesWithRuntimeOnlyStatics(combinedIndex.getIndex())) {
            runtimeInitialized.produce(new RuntimeInitializedClassBuildItem(type));
        }
    }

    static Set<String> classesWithRuntimeOnlyStatics(IndexView index) {
        Set<String> found = new TreeSet<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (!type.name().toString().startsWith(PACKAGE_ROOT)) {
                continue;
            }
            for (FieldInfo field : type.fields()) {
                if (java.lang.reflect.Modifier.isStatic(field.flags())
                    && RUNTIME_ONLY_STATIC_TYPES.contains(field.type().name().toString())) {
                    found.add(type.name().toString());
                }
            }
        }
        return found;
    }

    @BuildStep
    void jettyNativeSupport(BuildProducer<NativeImageResourceBuildItem> resources,
                            BuildProducer<ServiceProviderBuildItem> services) {
        resources.produce(new NativeImageResourceBuildItem(JETTY_RESOURCES));
        // PreEncodedHttpField loads its encoders with ServiceLoader
        services.produce(ServiceProviderBuildItem.allProvidersFromClassPath("org.eclipse.jetty.http.HttpFieldPreEncoder"));
    }
}
