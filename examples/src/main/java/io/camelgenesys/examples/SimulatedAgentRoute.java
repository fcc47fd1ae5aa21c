package io.camelgenesys.examples;

import java.util.function.Supplier;

import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Messaging;
import org.apache.camel.builder.RouteBuilder;

/**
 * With the embedded simulator only: an agent who writes an SMS to a consumer every {@code example.sms.agent-interval}
 * ms, so that the SMS bridge has something to do. Digital Channels (the simulator) delivers it to the bridge's
 * webhook, signed, and redelivers it until the bridge answers 200.
 */
final class SimulatedAgentRoute extends RouteBuilder {

    private final Supplier<GenesysSimulator> simulator;

    SimulatedAgentRoute(Supplier<GenesysSimulator> simulator) {
        this.simulator = simulator;
    }

    @Override
    public void configure() {
        if (simulator.get() == null
            || !Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{example.sms-bridge:true}}"))) {
            return;
        }
        // includeMetadata: Camel 4's timer sets CamelTimerCounter only when asked to
        from("timer:simulated-agent?delay={{example.sms.agent-delay}}&period={{example.sms.agent-interval}}"
             + "&includeMetadata=true")
                .routeId("simulated-agent")
                .process(e -> {
                    GenesysSimulator sim = simulator.get();
                    if (sim != null) {
                        sim.digitalChannels().sendAgentText(Messaging.DEFAULT_SMS_CHANNEL,
                                e.getContext().resolvePropertyPlaceholders("{{example.sms.consumer}}"),
                                "Hello, your order has shipped (" + e.getProperty("CamelTimerCounter") + ")");
                    }
                });
    }
}
