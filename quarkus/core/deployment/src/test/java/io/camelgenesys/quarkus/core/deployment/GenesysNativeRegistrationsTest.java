package io.camelgenesys.quarkus.core.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelgenesys.contacts.BulkFailure;
import io.camelgenesys.contacts.BulkSuccess;
import io.camelgenesys.contacts.ContactsOperation;
import io.camelgenesys.conversations.ConversationsOperation;
import io.camelgenesys.conversations.UsersOperation;
import io.camelgenesys.conversations.model.Recording;
import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysJobWaitConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.json.GenesysModel;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.fakemodule.FakeComponent;
import io.camelgenesys.fakemodule.FakeConstants;
import io.camelgenesys.fakemodule.FakeLookupResult;
import io.camelgenesys.fakemodule.FakeMatch;
import io.camelgenesys.fakemodule.FakeOperation;
import io.camelgenesys.fakemodule.FakeOutcome;
import io.camelgenesys.fakemodule.FakeRandomUser;
import io.camelgenesys.fakemodule.model.FakeThing;
import io.camelgenesys.messaging.MessagingOperation;
import io.camelgenesys.messaging.interactions.InteractionsOperation;
import io.camelgenesys.messaging.model.EventsPayload;
import io.camelgenesys.messaging.model.Message;
import io.camelgenesys.messaging.openmedia.OpenMediaOperation;
import io.camelgenesys.messaging.securemail.SecureEmailOperation;
import io.camelgenesys.statistics.StatisticsOperation;
import io.camelgenesys.udm.UdmOperation;
import io.camelgenesys.udm.model.JobInfo;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The build items the core processor gives a native build, for an application with genesys-contacts, genesys-stats,
 * genesys-udm, genesys-conversations, genesys-users, the four messaging components and a module the extension has never heard of ({@code io.camelgenesys.fakemodule}). What must be registered is
 * computed here from the jars and the operation tables, not listed: every class of every {@code model} package, every
 * request and response type of every operation on every platform, the operation enums, the {@code @UriParams}
 * configuration; and the run-time initialisation of classes holding a static random.
 */
public class GenesysNativeRegistrationsTest {

    private static final String REPORT = "META-INF/camel-genesys-test/build-items.txt";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FakeComponent.class, FakeOperation.class, FakeThing.class,
                    FakeLookupResult.class, FakeMatch.class, FakeRandomUser.class, FakeConstants.class,
                    FakeOutcome.class, JarClasses.class))
            .overrideConfigKey("quarkus.camel-genesys.devservices.enabled", "false")
            .addBuildChainCustomizer(GenesysNativeRegistrationsTest::recordBuildItems);

    /** A build step that writes what the processors produced into a resource the test reads back at run time. */
    private static void recordBuildItems(BuildChainBuilder chain) {
        chain.addBuildStep(context -> {
            StringBuilder report = new StringBuilder();
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                for (String name : item.getClassNames()) {
                    report.append("reflect ").append(name)
                            .append(item.isMethods() ? " methods" : "")
                            .append(item.isFields() ? " fields" : "")
                            .append(item.isConstructors() ? " constructors" : "").append('\n');
                }
            }
            for (RuntimeInitializedClassBuildItem item : context.consumeMulti(RuntimeInitializedClassBuildItem.class)) {
                report.append("runtime-init ").append(item.getClassName()).append('\n');
            }
            for (FeatureBuildItem item : context.consumeMulti(FeatureBuildItem.class)) {
                report.append("feature ").append(item.getName()).append('\n');
            }
            for (String scheme : context.consume(GenesysComponentsBuildItem.class).getSchemes()) {
                report.append("scheme ").append(scheme).append('\n');
            }
            context.produce(new GeneratedResourceBuildItem(REPORT, report.toString().getBytes(StandardCharsets.UTF_8)));
        }).consumes(ReflectiveClassBuildItem.class).consumes(RuntimeInitializedClassBuildItem.class)
                .consumes(FeatureBuildItem.class).consumes(GenesysComponentsBuildItem.class)
                .produces(GeneratedResourceBuildItem.class).build();
    }

    @Test
    void everyModelClassOfEveryModuleIsRegisteredWithMethodsFieldsAndConstructors() throws IOException {
        Map<String, Set<String>> registered = report("reflect");
        Set<String> models = new TreeSet<>();
        models.addAll(JarClasses.of("io.camelgenesys.contacts.ContactsComponent", JarClasses::modelPackage));
        models.addAll(JarClasses.of("io.camelgenesys.statistics.StatisticsComponent", JarClasses::modelPackage));
        models.addAll(JarClasses.of("io.camelgenesys.udm.UdmComponent", JarClasses::modelPackage));
        models.addAll(JarClasses.of("io.camelgenesys.conversations.ConversationsComponent", JarClasses::modelPackage));
        // one of each of the later modules by name, so that an empty listing of their jars cannot pass unnoticed
        assertTrue(models.containsAll(Set.of(JobInfo.class.getName(), Recording.class.getName())), models.toString());
        // messaging: the webhook payloads (Message, EventsPayload) are bound by Jackson outside any operation table
        models.addAll(JarClasses.of("io.camelgenesys.messaging.MessagingComponent", JarClasses::modelPackage));
        assertTrue(models.containsAll(Set.of(Message.class.getName(), EventsPayload.class.getName())), models.toString());
        models.add(FakeThing.class.getName());
        models.add(GenesysModel.class.getName());
        assertTrue(models.size() > 20, "the jars have their model classes: " + models);
        assertFullyReflective(registered, models);
    }

    @Test
    void everyOperationTableTypeIsRegistered() throws IOException {
        Map<String, Set<String>> registered = report("reflect");
        Set<String> types = new TreeSet<>();
        for (Class<? extends GenesysOperation> table : List.of(ContactsOperation.class, StatisticsOperation.class,
                UdmOperation.class, ConversationsOperation.class, UsersOperation.class, FakeOperation.class,
                MessagingOperation.class, InteractionsOperation.class, SecureEmailOperation.class,
                OpenMediaOperation.class)) {
            for (GenesysOperation operation : table.getEnumConstants()) {
                for (GenesysPlatform platform : GenesysPlatform.values()) {
                    OperationSpec spec = operation.spec(platform);
                    if (spec != null) {
                        addOurs(types, spec.requestType());
                        addOurs(types, spec.responseType());
                    }
                }
            }
        }
        assertTrue(types.contains(FakeLookupResult.class.getName()), "the fixture's table names " + types);
        assertFullyReflective(registered, types);
        // reached only through a field of an operation's response type
        assertFullyReflective(registered, Set.of(FakeMatch.class.getName()));
    }

    /**
     * The value types of output headers that routes read by name, outside any model package: genesys-contacts'
     * {@code CamelGenesysBulkSuccesses} / {@code CamelGenesysBulkFailures} ({@code ${body.entity.id}},
     * {@code ${body.item[crm_id]}}, {@code ${body.refused}} after a split, as the examples do), and the fixture
     * module's, named only in its constants' {@code @Metadata(javaType)}.
     */
    @Test
    void headerValueTypesAreRegistered() throws IOException {
        assertFullyReflective(report("reflect"), Set.of(BulkSuccess.class.getName(), BulkFailure.class.getName(),
                FakeOutcome.class.getName()));
    }

    @Test
    void operationEnumsAndConfigurationAreRegistered() throws IOException {
        Map<String, Set<String>> registered = report("reflect");
        for (Class<?> type : List.of(ContactsOperation.class, StatisticsOperation.class, UdmOperation.class,
                ConversationsOperation.class, UsersOperation.class, FakeOperation.class, GenesysPlatform.class,
                MessagingOperation.class, InteractionsOperation.class, SecureEmailOperation.class,
                OpenMediaOperation.class)) {
            assertTrue(registered.getOrDefault(type.getName(), Set.of()).contains("methods"),
                    type.getName() + " must be reflective (Camel converts URI options to it by name)");
        }
        assertTrue(registered.getOrDefault(GenesysConfiguration.class.getName(), Set.of()).contains("methods"),
                "the @UriParams configuration");
        // the job-wait options that the contacts and UDM configurations inherit (Camel sets them by name)
        assertTrue(registered.getOrDefault(GenesysJobWaitConfiguration.class.getName(), Set.of()).contains("methods"),
                "the @UriParams job-wait configuration");
        assertTrue(registered.containsKey("org.eclipse.jetty.client.HttpClient"), "Jetty's HttpClient");
        assertTrue(registered.containsKey("org.cometd.common.JettyJSONContextClient"), "CometD's JSON context");
    }

    @Test
    void staticRandomsThreadsAndJettyInternalsInitialiseAtRunTime() throws IOException {
        Set<String> runtimeInit = report("runtime-init").keySet();
        assertTrue(runtimeInit.contains(FakeRandomUser.class.getName()), "a class with a static SecureRandom: " + runtimeInit);
        assertTrue(runtimeInit.contains("org.eclipse.jetty.util.thread.ShutdownThread"), runtimeInit.toString());
        assertTrue(runtimeInit.stream().noneMatch(c -> c.equals(GenesysConfiguration.class.getName())),
                "a class without such statics stays build-time initialised");
    }

    @Test
    void everyGenesysComponentIsFoundAndTheCoreFeatureIsInstalled() throws IOException {
        assertEquals(Set.of("genesys-contacts", "genesys-conversations", "genesys-fake", "genesys-notifications", "genesys-stats",
                "genesys-udm", "genesys-users",
                "genesys-interactions", "genesys-messaging", "genesys-openmedia", "genesys-securemail"),
                report("scheme").keySet());
        assertTrue(report("feature").containsKey("camel-genesys-core"));
    }

    private static void assertFullyReflective(Map<String, Set<String>> registered, Set<String> expected) {
        List<String> missing = new ArrayList<>();
        for (String type : expected) {
            Set<String> how = registered.getOrDefault(type, Set.of());
            if (!how.containsAll(Set.of("methods", "fields", "constructors"))) {
                missing.add(type + " " + how);
            }
        }
        if (!missing.isEmpty()) {
            fail("Not registered for reflection with methods, fields and constructors: " + missing);
        }
    }

    private static void addOurs(Set<String> types, Class<?> type) {
        if (type != null && type.getName().startsWith("io.camelgenesys.")) {
            types.add(type.getName());
        }
    }

    /** kind → (class or name → the union of its flags over every registration) */
    private static Map<String, Set<String>> report(String kind) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(REPORT)) {
            if (in == null) {
                throw new IllegalStateException(REPORT + " was not generated");
            }
            Map<String, Set<String>> result = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.split(" ");
                if (words[0].equals(kind)) {
                    Set<String> flags = result.computeIfAbsent(words[1], k -> new TreeSet<>());
                    flags.addAll(List.of(words).subList(2, words.length));
                }
            }
            return result;
        }
    }
}
