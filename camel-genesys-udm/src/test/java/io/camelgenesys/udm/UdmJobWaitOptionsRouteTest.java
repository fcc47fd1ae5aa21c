package io.camelgenesys.udm;

import java.time.Duration;

import io.camelgenesys.simulator.UserDataManagement.JobState;
import io.camelgenesys.udm.model.JobInfo;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job-wait options (core's {@code GenesysJobWaitConfiguration}) keep their genesys-udm names and defaults: set
 * once at component level with Camel Main properties ({@code camel.component.genesys-udm.wait-timeout}) they reach
 * every endpoint and an endpoint URI overrides them; {@code failedStatuses} has no default here (status names are
 * tenant data) and, set at component level, is checked against the tenant's names; a wait that cannot work fails the
 * route naming the options.
 */
class UdmJobWaitOptionsRouteTest extends UdmTestSupport {

    @Test
    void waitOptionsSetOnTheComponentReachEveryEndpointAndTheUriOverridesThem() throws Exception {
        // each run takes 1.5 s: longer than the component's waitTimeout, shorter than the URI's
        udm().setRunDuration(Duration.ofMillis(1_500));
        udm().setStatusName(JobState.FAILED, "Broken");
        Main main = new Main();
        try {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export").to("genesys-udm:createJob");
                    from("direct:export-patient").to("genesys-udm:createJob?waitTimeout=30000");
                }
            });
            String prefix = "camel.component.genesys-udm.";
            main.addOverrideProperty(prefix + "base-url", sim().baseUrl());
            main.addOverrideProperty(prefix + "api-key", "mc-api-key");
            main.addOverrideProperty(prefix + "client-id", "mc-client");
            main.addOverrideProperty(prefix + "client-secret", "mc-secret");
            main.addOverrideProperty(prefix + "username", "agent1");
            main.addOverrideProperty(prefix + "password", "agent1-password");
            main.addOverrideProperty(prefix + "wait-for-completion", "true");
            main.addOverrideProperty(prefix + "wait-timeout", "400");
            main.addOverrideProperty(prefix + "wait-poll-delay", "20");
            main.addOverrideProperty(prefix + "waitPollMaxDelay", "100");
            main.addOverrideProperty(prefix + "failed-statuses", "Broken");
            main.start();
            ProducerTemplate producer = main.getCamelContext().createProducerTemplate();

            // the component's waitForCompletion and waitTimeout: the endpoint waits, and gives up after 400 ms
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> producer.requestBody("direct:export", job("Slow")));
            UdmJobException timedOut = assertInstanceOf(UdmJobException.class, e.getCause());
            assertTrue(timedOut.isTimedOut(), timedOut.getMessage());
            assertTrue(timedOut.getMessage().contains("did not complete within waitTimeout"), timedOut.getMessage());

            // the URI's waitTimeout overrides it; the component's waitForCompletion still applies
            JobInfo done = producer.requestBody("direct:export-patient", job("Patient"), JobInfo.class);
            assertEquals(100, done.getProgress());

            // the component's failedStatuses was checked against the tenant's names before each job was created
            assertTrue(sim().requests().count("GET", "/udm/v10/data/job-statuses") >= 2);
            assertEquals("Broken", main.getCamelContext().getComponent("genesys-udm", UdmComponent.class)
                    .getConfiguration().getFailedStatuses());
        } finally {
            main.stop();
        }
    }

    @Test
    void failedStatusesHasNoDefaultAndAWaitThatCannotWorkFailsTheEndpointNamingTheOptions() {
        assertNull(context.getComponent("genesys-udm", UdmComponent.class).getConfiguration().getFailedStatuses());
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-wait").to(udm("createJob", "waitTimeout=0"));
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("waitTimeout and waitPollDelay must be more than 0"), root.getMessage());
    }
}
