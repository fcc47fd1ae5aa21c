package io.camelgenesys.conversations.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.conversations.NotificationsChannelOperation;
import io.camelgenesys.conversations.notifications.NotificationTopics;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.test.Await;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.contract.Contract;
import io.camelgenesys.core.test.contract.ContractRecorder;
import io.camelgenesys.core.test.contract.ContractReport;
import io.camelgenesys.core.test.contract.KnownMismatch;
import io.camelgenesys.core.test.contract.SpecContractCheck;
import io.camelgenesys.core.test.contract.WireContractCheck;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The channel calls of genesys-notifications against the contract extracted from Genesys' official SDK
 * (purecloud-platform-client-v2 262.0.0 NotificationsApi, {@code contract/notifications.json}): the rows statically,
 * and every call the consumer makes (create a channel, add topics, replace them when a consumer stops, remove them
 * when the last stops) recorded through real routes against the simulator and validated.
 */
class NotificationsContractTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    /** The reviewed differences still to be fixed: none. */
    static final List<KnownMismatch> KNOWN_MISMATCHES = List.of();

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @Test
    void channelCallsMatchTheSdkContract() {
        ContractReport report = new ContractReport("genesys-notifications channel calls vs purecloud-platform-client-v2"
                                                   + " 262.0.0 NotificationsApi");
        new SpecContractCheck(Contract.load("notifications"), report).check(NotificationsChannelOperation.class,
                GenesysPlatform.cloud);
        report.assertOnly(KNOWN_MISMATCHES, "spec ");
    }

    /**
     * The event models the consumer converts each known topic's events to ({@link NotificationTopics.Known}) against
     * the SDK's model of that topic ({@code topics} of the contract): every topic the library knows has its SDK model,
     * of the same name, and every JSON property of ours is a field of it with a compatible type.
     */
    @Test
    void topicEventModelsMatchTheSdkContract() {
        Contract contract = Contract.load("notifications");
        ContractReport report = new ContractReport("genesys-notifications topic event models vs"
                                                   + " purecloud-platform-client-v2 262.0.0");
        SpecContractCheck check = new SpecContractCheck(contract, report);
        for (NotificationTopics.Known known : NotificationTopics.Known.values()) {
            String model = null;
            for (com.fasterxml.jackson.databind.JsonNode t : contract.root().path("topics")) {
                NotificationTopics.Match match = NotificationTopics.match(t.path("topic").asText().replace("{id}", "x"));
                if (match != null && match.kind() == known) {
                    model = t.path("model").asText();
                }
            }
            if (model == null) {
                report.mismatch(known.name(), "spec topic " + known.name() + ": not among the contract's topics",
                        "the contract lists the topics whose SDK model is known");
                continue;
            }
            if (!model.equals(known.model().getSimpleName())) {
                report.mismatch(known.name(), "spec topic " + known.name() + ": model " + known.model().getSimpleName()
                                              + ", the SDK's " + model, "the SDK names the event model of the topic");
            }
            check.checkModel(known.name(), known.model(), model);
        }
        report.assertOnly(KNOWN_MISMATCHES, "spec ");
    }

    @Test
    void everyChannelCallOverTheWireMatchesTheSdkContract() throws Exception {
        try (ContractRecorder recorder = new ContractRecorder(sim().baseUrl())) {
            ContractReport report = new ContractReport("genesys-notifications <-> simulator exchanges vs "
                                                       + "purecloud-platform-client-v2 262.0.0");
            WireContractCheck wire = new WireContractCheck(Contract.load("notifications"), report, recorder);
            List<String> users = sim().cloudConversations().seedUsers(2);
            String base = "baseUrl=" + recorder.baseUrl() + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)";
            wire.drive("createChannel", spec(NotificationsChannelOperation.createChannel), () -> wire.drive(
                    "addSubscriptions", spec(NotificationsChannelOperation.addSubscriptions), () -> {
                        start("a", "genesys-notifications:v2.users." + users.get(0) + "?topics=presence,routingStatus&"
                                   + base);
                        start("b", "genesys-notifications:v2.users." + users.get(1) + ".presence?" + base);
                        return null;
                    }));
            wire.drive("replaceSubscriptions", spec(NotificationsChannelOperation.replaceSubscriptions), () -> {
                context.getRouteController().stopRoute("a");
                return null;
            });
            wire.drive("deleteSubscriptions", spec(NotificationsChannelOperation.deleteSubscriptions), () -> {
                context.getRouteController().stopRoute("b");
                return null;
            });
            wire.requireCoverage(NotificationsChannelOperation.class, GenesysPlatform.cloud, Set.of());
            report.assertOnly(KNOWN_MISMATCHES, "wire ");
        }
    }

    private void start(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
        Await.until("route " + routeId + " subscribed", 20_000, () -> HealthCheckHelper
                .invoke(context, "consumer:" + routeId, Map.of()).map(r -> r.getState() == HealthCheck.State.UP)
                .orElse(false));
    }

    private static io.camelgenesys.core.operation.OperationSpec spec(NotificationsChannelOperation op) {
        return op.spec(GenesysPlatform.cloud);
    }
}
