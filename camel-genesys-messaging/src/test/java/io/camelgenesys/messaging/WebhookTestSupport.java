package io.camelgenesys.messaging;

import java.time.Duration;
import java.util.List;

import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.DigitalChannels;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.Messaging;
import io.camelgenesys.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook tests through real HTTP: camel-platform-http-main's Vert.x server on a free port serves the routes, and the
 * simulator's dispatcher plays Genesys (signs the exact bytes it sends, waits up to its response timeout, redelivers on
 * 5xx and timeouts, records every attempt). Every log line of the test, from before the context starts, is checked for
 * the secrets.
 */
public abstract class WebhookTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    protected static final String SMS = Messaging.DEFAULT_SMS_CHANNEL;
    protected static final String SMS_SECRET = Messaging.DEFAULT_SMS_SECRET;
    protected static final String EMAIL = Messaging.DEFAULT_EMAIL_CHANNEL;
    protected static final String EMAIL_SECRET = Messaging.DEFAULT_EMAIL_SECRET;
    protected static final String INTERACTIONS_SECRET = "interactions-webhook-secret";
    protected static final Duration WAIT = Duration.ofSeconds(40);

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected LogCapture logs;

    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    protected DigitalChannels dc() {
        return sim().digitalChannels();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        logs = LogCapture.install();
        CamelContext context = super.createCamelContext();
        // camel-platform-http-main's Vert.x server; outside Camel Main it is registered explicitly (CAMEL-21741)
        MainHttpServer server = new MainHttpServer();
        server.setPort(port);
        context.addService(server);
        context.getPropertiesComponent().addInitialProperty("sms.secret", SMS_SECRET);
        context.getPropertiesComponent().addInitialProperty("email.secret", EMAIL_SECRET);
        context.getPropertiesComponent().addInitialProperty("interactions.secret", INTERACTIONS_SECRET);
        return context;
    }

    /** Quick redeliveries (Genesys' schedule is per deployment; the simulator's default is 1 s, 5 s, 30 s). */
    @BeforeEach
    void quickRedeliveries() {
        dc().webhooks().setRetryDelays(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @AfterEach
    void noSecretLogged() {
        if (logs == null) {
            return;
        }
        try {
            logs.assertNoneContains(List.of(SMS_SECRET, EMAIL_SECRET, INTERACTIONS_SECRET, "mc-secret", "mc-api-key",
                    "agent1-password"));
        } finally {
            logs.uninstall();
        }
    }

    protected static WebhookDelivery done(WebhookDelivery delivery) throws InterruptedException {
        return delivery.await(WAIT);
    }

    protected static List<Integer> statuses(WebhookDelivery delivery) {
        return delivery.attempts().stream().map(WebhookDelivery.Attempt::status).toList();
    }
}
