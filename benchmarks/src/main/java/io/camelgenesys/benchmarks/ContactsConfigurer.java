package io.camelgenesys.benchmarks;

import io.camelgenesys.contacts.ContactsEndpoint;
import io.camelgenesys.contacts.ContactsEndpointConfigurer;
import org.apache.camel.CamelContext;

/**
 * Works around a core defect the contacts benchmarks found: {@code GenesysEndpoint} looks its generated configurer up
 * by the endpoint's class name, but camel-component-maven-plugin registers it only as
 * {@code genesys-contacts-endpoint}, so the lookup fails and every option read per request falls back to Camel's bean
 * introspection. That costs about 50 KB of allocation per {@code get} and, under concurrency, fails exchanges:
 * {@code DefaultBeanIntrospection} appends every call to an unsynchronized list (which also grows without bound), and
 * a concurrency-64 run ended with {@code ArrayIndexOutOfBoundsException} from {@code ArrayList.add}.
 * <p>
 * Binding the generated configurer under the class name (as {@code BenchComponent} does for {@code genesys-bench})
 * gives the component the path it was written for. {@code -Dbench.contacts.bindConfigurer=false} leaves it out, to
 * reproduce the defect.
 */
final class ContactsConfigurer {

    private ContactsConfigurer() {
    }

    /** Whether the benchmarks bind the configurer (default true). */
    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("bench.contacts.bindConfigurer", "true"));
    }

    /** Binds the configurer in the context's registry when {@link #enabled()}; call before the routes start. */
    static void bind(CamelContext context) {
        if (enabled()) {
            context.getRegistry().bind(ContactsEndpoint.class.getName(), new ContactsEndpointConfigurer());
        }
    }

    /** A line for the report saying which way the component ran. */
    static String describe() {
        return enabled()
                ? "note: genesys-contacts ran with its generated configurer bound under the endpoint class name, working"
                  + " around a core defect (GenesysEndpoint's lookup by class name fails, every option read falls back"
                  + " to reflection, ~50 KB/get, and fails under concurrency); -Dbench.contacts.bindConfigurer=false"
                  + " runs it as shipped"
                : "note: genesys-contacts ran as shipped (-Dbench.contacts.bindConfigurer=false): options read by"
                  + " reflection per request";
    }
}
