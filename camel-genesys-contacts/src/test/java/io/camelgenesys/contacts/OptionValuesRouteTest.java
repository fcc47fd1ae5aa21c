package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelgenesys.core.test.SimulatorSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mistyped option value is reported as a type error naming the option and the value, in a route's URI and at
 * component level (Camel Main properties), instead of what Camel's conversion made of it ({@code bulkBatchSize=ten}
 * used to become 0 and be reported as "must be 1 or more, was 0"). Durations are accepted where the option is in
 * milliseconds.
 */
class OptionValuesRouteTest extends ContactsTestSupport {

    /** The whole message chain of what went wrong, outermost first. */
    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bulkBatchSize=ten          | The option bulkBatchSize must be a whole number, was 'ten'",
            "bulkBatchSize=10s          | The option bulkBatchSize must be a whole number, was '10s'",
            "bulkBatchSize=3000000000   | The option bulkBatchSize must be a whole number from -2147483648 to 2147483647, was '3000000000'",
            "retryMaxAttempts=five      | The option retryMaxAttempts must be a whole number, was 'five'",
            "pageSize=abc               | The option pageSize must be a whole number, was 'abc'",
            "rateLimit=1.5              | The option rateLimit must be a whole number, was '1.5'",
            "rateLimitPeriod=soon       | The option rateLimitPeriod must be a whole number of milliseconds or a duration such as 30s or 1m30s, was 'soon'",
            "retryInitialDelay=1.5      | The option retryInitialDelay must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '1.5'",
            "delay=later                | The option delay must be a whole number of milliseconds or a duration such as 30s or 1m30s, was 'later'",
            // Camel reads upper-case units as 0 (no timeout, a scan polling without a pause), a repeated unit once,
            // and a signed or padded number as 0 too: these passed the check and were then misread
            "requestTimeout=30S         | The option requestTimeout must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '30S'",
            "delay=1M                   | The option delay must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '1M'",
            "retryDeadline=1m1m         | The option retryDeadline must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '1m1m'",
            "retryMaxDelay=30s1m        | The option retryMaxDelay must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '30s1m'",
            "rateLimitPeriod=RAW(+60000) | The option rateLimitPeriod must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '+60000'",
            "bulkBatchSize=RAW(+10)     | The option bulkBatchSize must be a whole number, was '+10'",
            "retryMaxAttempts=RAW( 3)   | The option retryMaxAttempts must be a whole number, was ' 3'",
            "dryRun=maybe               | The option dryRun must be true or false, was 'maybe'",
            "retryEnabled=yes           | The option retryEnabled must be true or false, was 'yes'",
            "action=Upsrt               | The option action must be one of Insert, Update, Upsert, Merge, was 'Upsrt'",
            "platform=cloudy            | The option platform must be one of cloud, multicloud, webServices, was 'cloudy'",
            "outputType=xml             | The option outputType must be one of model, map, json, string, was 'xml'" })
    void aMistypedValueInARouteUriNamesTheOptionAndTheValue(String option, String expected) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:typo").to(contacts("bulkAdd", option));
            }
        }));
        String messages = messages(e);
        assertTrue(messages.contains(expected), messages);
        assertTrue(messages.contains("due to: " + expected), "the endpoint's failure says it first: " + messages);
    }

    @Test
    void durationsAndWholeNumbersAreAcceptedWhereTheyFit() throws Exception {
        ContactsEndpoint endpoint = context.getEndpoint(contacts("bulkAdd",
                "bulkBatchSize=25&retryInitialDelay=2s&rateLimitPeriod=1m30s&requestTimeout=45000&dryRun=TRUE"
                + "&action=Upsert&delay=500&retryMaxDelay=1h1m1s500ms&retryDeadline=1d&connectTimeout=250ms"),
                ContactsEndpoint.class);
        ContactsConfiguration c = endpoint.getConfiguration();
        assertEquals(25, c.getBulkBatchSize());
        assertEquals(2000, c.getRetryInitialDelay());
        assertEquals(90_000, c.getRateLimitPeriod());
        assertEquals(45_000, c.getRequestTimeout());
        assertEquals(Boolean.TRUE, c.getDryRun());
        assertEquals(EnrichAction.Upsert, c.getAction());
        assertEquals(3_661_500, c.getRetryMaxDelay());
        assertEquals(86_400_000, c.getRetryDeadline());
        assertEquals(250, c.getConnectTimeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bulk-batch-size | ten | The option bulkBatchSize must be a whole number, was 'ten'",
            // 2M: Camel's duration reader knows only lower-case units, and made it 0 (a request with no timeout)
            "request-timeout | 2M  | The option requestTimeout must be a whole number of milliseconds or a duration such as 30s or 1m30s, was '2M'" })
    void aMistypedComponentLevelPropertyNamesTheOptionAndTheValue(String property, String value, String expected) {
        Main main = new Main();
        try {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bulk").to("genesys-contacts:bulkAdd");
                }
            });
            main.addOverrideProperty("camel.component.genesys-contacts.base-url", sim().baseUrl());
            main.addOverrideProperty("camel.component.genesys-contacts.client-id", sim().cloudClientId());
            main.addOverrideProperty("camel.component.genesys-contacts.client-secret", sim().cloudClientSecret());
            main.addOverrideProperty("camel.component.genesys-contacts." + property, value);
            Exception e = assertThrows(Exception.class, main::start);
            String messages = messages(e);
            assertTrue(messages.contains(expected), messages);
        } finally {
            main.stop();
        }
    }

    @Test
    void aValidComponentLevelValueStillBinds() throws Exception {
        Main main = new Main();
        try {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bulk").to("genesys-contacts:bulkAdd?" + SimulatorSupport.cloud(sim()));
                }
            });
            main.addOverrideProperty("camel.component.genesys-contacts.bulk-batch-size", "2");
            main.addOverrideProperty("camel.component.genesys-contacts.retry-initial-delay", "1s");
            main.start();
            ContactsComponent component = main.getCamelContext().getComponent("genesys-contacts",
                    ContactsComponent.class);
            assertEquals(2, component.getConfiguration().getBulkBatchSize());
            assertEquals(1000, component.getConfiguration().getRetryInitialDelay());
            List<Object> people = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                people.add(Map.of("firstName", "F" + i, "lastName", "L" + i));
            }
            int before = sim().requests().count("POST", EC + "/bulk/contacts/add");
            main.getCamelContext().createProducerTemplate().requestBody("direct:bulk", people);
            assertEquals(2, sim().requests().count("POST", EC + "/bulk/contacts/add") - before, "batches of 2");
        } finally {
            main.stop();
        }
    }
}
