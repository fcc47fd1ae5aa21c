package io.camelgenesys.udm.springboot;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.udm.UdmComponent;
import io.camelgenesys.udm.UdmConstants;
import io.camelgenesys.udm.model.JobInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter binds camel.component.genesys-udm.* (Multicloud credentials, the job wait, the download directory and
 * a {@code #bean:} idempotent repository) for producers and the files consumer: an export created and waited for by
 * one route is downloaded into the bound directory by the consumer started with the application, and its names land
 * in the bound repository. Options not given stay the component's (platform multicloud).
 */
@CamelSpringBootTest
@SpringBootTest(classes = UdmStarterTest.App.class, properties = {
        "camel.component.genesys-udm.api-key=mc-api-key",
        "camel.component.genesys-udm.client-id=mc-client",
        "camel.component.genesys-udm.client-secret=mc-secret",
        "camel.component.genesys-udm.username=agent1",
        "camel.component.genesys-udm.password=agent1-password",
        "camel.component.genesys-udm.wait-for-completion=true",
        "camel.component.genesys-udm.wait-poll-delay=50",
        "camel.component.genesys-udm.wait-poll-max-delay=200",
        "camel.component.genesys-udm.idempotent-repository=#bean:processedExports" })
@DirtiesContext
class UdmStarterTest {

    /** Started before Spring creates the application (which starts the consumer) and stopped after Camel stopped. */
    static final GenesysSimulator SIM = GenesysSimulator.builder().build();

    static Path downloads;

    @BeforeAll
    static void startSimulator() throws Exception {
        SIM.start();
        SIM.udm().setRunDuration(Duration.ofMillis(300));
        SIM.udm().setExportSize(300_000);
        downloads = Files.createTempDirectory("udm-starter");
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.genesys-udm.base-url", SIM::baseUrl);
        registry.add("camel.component.genesys-udm.download-directory", () -> downloads.toString());
    }

    @AfterAll
    static void stopCamelThenSimulator(@Autowired CamelContext camel) throws Exception {
        try {
            camel.stop();   // Spring closes the rest (@DirtiesContext)
        } finally {
            SIM.stop();
            try (var files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    IdempotentRepository processedExports;

    @EndpointInject("mock:files")
    MockEndpoint files;

    @Test
    void propertiesReachTheComponent() {
        UdmComponent component = camelContext.getComponent("genesys-udm", UdmComponent.class);
        assertEquals("mc-client", option(component, "clientId"));
        assertEquals(true, option(component, "waitForCompletion"));
        assertEquals(50L, option(component, "waitPollDelay"));
        assertEquals(downloads.toString(), option(component, "downloadDirectory"));
        assertSame(processedExports, option(component, "idempotentRepository"), "#bean: reference");
        // not set: the component keeps its own defaults
        assertEquals(GenesysPlatform.multicloud, option(component, "platform"));
        assertEquals(3_600_000L, option(component, "waitTimeout"));
    }

    @Test
    void anExportWaitedForByTheProducerIsDownloadedByTheConsumer() throws Exception {
        JobInfo done = template.requestBody("direct:export", EXPORT, JobInfo.class);
        assertEquals(100, done.getProgress());
        List<String> names = List.of(done.getFileName().split(","));
        assertEquals(3, names.size(), "300,000 bytes split at 100KB");

        await().atMost(Duration.ofSeconds(20)).until(() -> files.getReceivedCounter() >= names.size());
        // a file goes into the repository when its exchange completes, just after the mock (the route's last step)
        // counted it: the last one may not be there yet when the count is reached
        await().atMost(Duration.ofSeconds(20)).until(() -> names.stream().allMatch(processedExports::contains));
        for (String name : names) {
            assertEquals(SIM.udm().file(name).orElseThrow().size(), Files.size(downloads.resolve(name)), name);
            assertTrue(processedExports.contains(name), name + " in the bound repository");
        }
        for (Exchange exchange : files.getReceivedExchanges()) {
            File body = assertInstanceOf(File.class, exchange.getMessage().getBody(), "downloadDirectory: a File body");
            assertTrue(names.contains(exchange.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME, String.class)));
            assertEquals(downloads, body.toPath().getParent());
        }
        assertEquals(names.size(), files.getReceivedCounter(), "each file once");
    }

    static Object option(UdmComponent component, String name) {
        return ((PropertyConfigurerGetter) component.getComponentPropertyConfigurer()).getOptionValue(component, name,
                true);
    }

    /** An immediate interaction export of March 2024 split into files of 100 KB, as JSON (a Job, a Map or JSON). */
    static final String EXPORT = """
            {"source": "UCS", "type": "UCS", "title": "Starter export", "suspended": false,
             "timeFrame": {"all": false, "dateFrom": "2024-03-01T00:00:00Z", "dateTo": "2024-03-31"},
             "schedulerParam": {"immediately": true},
             "jobParams": {"type": "Interaction", "media": ["chat", "email"], "fileSplitSize": "100KB"}}
            """;

    @Configuration
    @EnableAutoConfiguration
    static class App {

        @Bean
        IdempotentRepository processedExports() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        RouteBuilder udmRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export").to("genesys-udm:createJob");
                    from("genesys-udm:files?delay=100").to("mock:files");
                }
            };
        }
    }
}
