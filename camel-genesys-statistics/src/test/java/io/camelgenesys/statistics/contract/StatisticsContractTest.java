package io.camelgenesys.statistics.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.contract.Contract;
import io.camelgenesys.core.test.contract.ContractRecorder;
import io.camelgenesys.core.test.contract.ContractReport;
import io.camelgenesys.core.test.contract.KnownMismatch;
import io.camelgenesys.core.test.contract.SeedOnly;
import io.camelgenesys.core.test.contract.SpecContractCheck;
import io.camelgenesys.core.test.contract.WireContractCheck;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.statistics.StatisticsConstants;
import io.camelgenesys.statistics.StatisticsOperation;
import io.camelgenesys.statistics.model.StatisticData;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.core.test.contract.KnownMismatch.known;

/**
 * genesys-stats against the Statistics contract extracted from the official Multicloud client
 * {@code genesys-statistics-client-js} 9.0.2 (contract/README.md): the operation table statically; every operation,
 * the subscribe consumer included, driven through a Camel route against the simulator with the raw exchanges
 * validated; and the CometD side (channels, headers, notification data, cookies) against what the client does.
 */
class StatisticsContractTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    private static final String MC = "002_b62a95316013058d.txt";
    private static final String PENDING = "issue 10 fix pending";

    /** What the Statistics notifications carry per seed 002; the client leaves notification data untyped. */
    static final List<SeedOnly> SEED_ONLY = List.of(
            new SeedOnly("StatisticValue.subscriptionId", MC, 5057, "\"subscriptionId\":\"UUID1\","),
            new SeedOnly("StatisticData.subscriptionId:optional", MC, 5052, "\"data\":{"));

    static final List<KnownMismatch> KNOWN_MISMATCHES = List.of();

    private static final ObjectMapper JSON = new ObjectMapper();
    private ContractRecorder recorder;

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    @AfterEach
    void closeRecorder() throws Exception {
        if (recorder != null) {
            recorder.close();
        }
    }

    private String uri(String operation, String options) {
        return "genesys-stats:" + operation + "?platform=multicloud&baseUrl=" + recorder.baseUrl()
               + "&apiKey=RAW(mc-api-key)&clientId=mc-client&clientSecret=RAW(mc-secret)&username=agent1"
               + "&password=RAW(agent1-password)" + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void operationSpecsMatchTheClientContract() {
        ContractReport report = new ContractReport("genesys-stats: operation table vs genesys-statistics-client-js 9.0.2")
                .seedOnly(List.of());
        new SpecContractCheck(Contract.load("statistics"), report).check(StatisticsOperation.class, GenesysPlatform.multicloud);
        report.assertOnly(KNOWN_MISMATCHES, "spec ");
    }

    @Test
    void everyOperationAndTheNotificationsOverTheWireMatchTheClientContract() throws Exception {
        Contract contract = Contract.load("statistics");
        recorder = new ContractRecorder(sim().baseUrl());
        ContractReport report = new ContractReport("genesys-stats <-> simulator exchanges vs genesys-statistics-client-js"
                                                   + " 9.0.2").seedOnly(SEED_ONLY);
        WireContractCheck wire = new WireContractCheck(contract, report, recorder);
        sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "Ready"));

        // the consumer first: it opens the CometD session, so REST calls after it could carry its cookies
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("subscribe", "statistics=CurrentAgentState:Agent:agent2&verbose=INFO")).routeId("subscribe")
                        .to("mock:updates");
            }
        });
        MockEndpoint updates = getMockEndpoint("mock:updates");
        wire.drive("subscribe", StatisticsOperation.subscribe.spec(), () -> {
            updates.expectedMinimumMessageCount(1);
            updates.assertIsSatisfied(20_000);
            updates.reset();
            updates.expectedMinimumMessageCount(1);
            sim().statistics().setValue("CurrentAgentState", "Agent", "agent2", Map.of("state", "NotReady"));
            updates.assertIsSatisfied(20_000);
            return null;
        });

        String getValue = route(uri("getValue", "statistics=CurrentAgentState:Agent:agent2"));
        wire.drive("getValue", StatisticsOperation.getValue.spec(), () -> template.requestBody(getValue, (Object) null));
        String getValues = route(uri("getValues", "statistics=CurrentAgentState:Agent:agent2,CurrentAgentState:Agent:agent1"));
        wire.drive("getValues", StatisticsOperation.getValues.spec(), () -> template.requestBody(getValues, (Object) null));
        String create = route(uri("createSubscription", "statistics=CurrentAgentState:Agent:agent2&verbose=INFO"));
        StatisticData created = wire.drive("createSubscription", StatisticsOperation.createSubscription.spec(),
                () -> template.requestBody(create, null, StatisticData.class));
        String values = route(uri("getSubscriptionValues", "verbose=OFF"));
        List<String> ids = created.getStatistics().stream().map(v -> v.getStatisticId()).toList();
        wire.drive("getSubscriptionValues", StatisticsOperation.getSubscriptionValues.spec(),
                () -> template.requestBodyAndHeaders(values, null, Map.of(StatisticsConstants.SUBSCRIPTION_ID,
                        created.getSubscriptionId(), StatisticsConstants.STATISTIC_IDS, List.of(ids.get(0), ids.get(0)))));
        String delete = route(uri("deleteSubscription", ""));
        wire.drive("deleteSubscription", StatisticsOperation.deleteSubscription.spec(),
                () -> template.requestBodyAndHeader(delete, null, StatisticsConstants.SUBSCRIPTION_ID, created.getSubscriptionId()));
        context.getRouteController().stopRoute("subscribe");

        checkNotifications(contract, report, wire);
        // the request bodies (the client types them only as objects) against what the official client sent
        Set<String> compared = new LinkedHashSet<>();
        for (JsonNode observed : contract.root().path("observed").path("rest")) {
            for (ContractRecorder.Exchange ex : recorder.exchanges()) {
                if (ex.method().equals(observed.path("method").asText()) && ex.path().equals(observed.path("path").asText())
                    && ex.requestBody().length > 0) {
                    String op = contract.operationForRequest(ex.method(), ex.path()).path("operationId").asText();
                    wire.compareWithObserved(op, ex, observed.get("body"));
                    compared.add(op);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(Set.of("createSubscription", "getStatValues"), compared,
                "the bodies of both calls the client sends one with");
        wire.requireCoverage(StatisticsOperation.class, GenesysPlatform.multicloud, Set.of());
        report.assertOnly(KNOWN_MISMATCHES, "wire ");
    }

    /**
     * The CometD side against what the official client does: the notifications path, the channels it subscribes,
     * the x-api-key and bearer headers on every Bayeux request, update data against the client's StatisticData
     * model, and the REST calls carrying the CometD session's cookies.
     */
    private void checkNotifications(Contract contract, ContractReport report, WireContractCheck wire) throws Exception {
        JsonNode n = contract.root().path("notifications");
        String path = n.path("path").asText();
        Set<String> channels = new LinkedHashSet<>();
        n.path("channels").forEach(c -> channels.add(c.asText()));
        Set<String> cometdCookies = new LinkedHashSet<>();
        int updates = 0;
        for (ContractRecorder.Exchange ex : recorder.exchanges()) {
            if (!ex.path().startsWith(path)) {
                continue;
            }
            report.exchangeChecked();
            for (String header : List.of("x-api-key", "authorization")) {
                if (!ex.requestHeaders().containsKey(header)) {
                    report.mismatch("subscribe", "wire cometd: a Bayeux request without " + header, ex.toString());
                }
            }
            for (JsonNode m : messages(ex.requestBody())) {
                if ("/meta/subscribe".equals(m.path("channel").asText()) && !channels.contains(m.path("subscription").asText())) {
                    report.mismatch("subscribe", "wire cometd: subscribes " + m.path("subscription").asText()
                                                 + ", the client subscribes " + channels, ex.toString());
                }
            }
            for (JsonNode m : messages(ex.responseBody())) {
                if ("/statistics/v3/updates".equals(m.path("channel").asText())) {
                    updates++;
                    // the message data is the StatisticUpdate {name, topic, data}; its data is the subscription's
                    wire.validate("subscribe", "notification", m.path("data").path("data"), Contract.ref("StatisticData"),
                            "$", "/statistics/v3/updates data");
                }
            }
            String setCookie = ex.requestHeaders().get("cookie");
            if (setCookie != null) {
                cometdCookies.add(setCookie);
            }
        }
        if (updates == 0) {
            report.mismatch("subscribe", "wire cometd: no update seen", "the consumer received updates; none were recorded");
        }
        // the official client's REST calls carry the cookies of its CometD session (contract: sharedCookieJar)
        if (contract.root().path("notifications").path("sharedCookieJar").asBoolean()) {
            boolean carried = recorder.exchanges().stream()
                    .filter(ex -> ex.path().startsWith("/statistics/v3/") && !ex.path().startsWith(path))
                    .anyMatch(ex -> ex.requestHeaders().containsKey("cookie"));
            if (!carried) {
                report.mismatch("subscribe", "wire cookies: REST calls do not carry the CometD session's cookies",
                        "CometD requests carried " + cometdCookies);
            }
        }
    }

    private static List<JsonNode> messages(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null) {
                return List.of();
            }
            if (tree.isArray()) {
                List<JsonNode> list = new java.util.ArrayList<>();
                tree.forEach(list::add);
                return list;
            }
            return List.of(tree);
        } catch (Exception e) {
            return List.of();
        }
    }
}
