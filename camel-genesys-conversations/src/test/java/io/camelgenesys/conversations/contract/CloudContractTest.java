package io.camelgenesys.conversations.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgenesys.conversations.ConversationsOperation;
import io.camelgenesys.conversations.UsersOperation;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.contract.Contract;
import io.camelgenesys.core.test.contract.ContractRecorder;
import io.camelgenesys.core.test.contract.ContractReport;
import io.camelgenesys.core.test.contract.KnownMismatch;
import io.camelgenesys.core.test.contract.SeedOnly;
import io.camelgenesys.core.test.contract.SpecContractCheck;
import io.camelgenesys.core.test.contract.WireContractCheck;
import io.camelgenesys.simulator.CloudConversations;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * genesys-conversations and genesys-users against the contract extracted from Genesys' official SDK
 * (purecloud-platform-client-v2 262.0.0, {@code contract/conversations.json}): both operation tables statically, and
 * every operation driven through a Camel route against the simulator with the raw exchanges validated. Seed 000's
 * paths that Genesys Cloud does not have are not rows at all (the component page maps each to the real one), so no
 * operation is seed-only.
 */
class CloudContractTest extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    private static final String CLOUD = "000_9a488de2a3d153b6.txt";

    /**
     * Fields the rows' rules require and the SDK does not, where seed 000 makes them the point of the call (checked
     * statically by SpecContractCheck on an empty body): a user search has a query (the seed's {@code q}, the only
     * parameter it does not mark optional), a routing status change a status.
     */
    static final List<SeedOnly> REQUIRED_BY_SEED = List.of(
            new SeedOnly("search.required.query", CLOUD, 493, "`q` (string): Search query"),
            new SeedOnly("setRoutingStatus.required.status", CLOUD, 420, "\"status\": \"OFF_QUEUE\","));

    /** The reviewed differences still to be fixed: none. A new difference fails the test. */
    static final List<KnownMismatch> KNOWN_MISMATCHES = List.of();

    private final Map<String, String> routes = new HashMap<>();
    private ContractRecorder recorder;
    private WireContractCheck wire;

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

    @Test
    void operationSpecsMatchTheSdkContract() {
        ContractReport report = new ContractReport("genesys-conversations, genesys-users: operation tables vs "
                                                   + "purecloud-platform-client-v2 262.0.0").seedOnly(REQUIRED_BY_SEED);
        SpecContractCheck check = new SpecContractCheck(Contract.load("conversations"), report);
        check.check(ConversationsOperation.class, GenesysPlatform.cloud);
        check.check(UsersOperation.class, GenesysPlatform.cloud);
        report.assertOnly(KNOWN_MISMATCHES, "spec ");
    }

    private Object call(String component, GenesysOperation operation, String options, Object body,
                        Map<String, Object> headers) throws Exception {
        String uri = "genesys-" + component + ":" + operation.name() + "?baseUrl=" + recorder.baseUrl()
                     + "&clientId=cloud-client&clientSecret=RAW(cloud-secret)" + (options.isEmpty() ? "" : "&" + options);
        String from = routes.computeIfAbsent(uri, u -> {
            try {
                return route(u);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return wire.drive(operation.name(), operation.spec(GenesysPlatform.cloud),
                () -> template.requestBodyAndHeaders(from, body, headers));
    }

    private static Map<String, Object> two(String header, Object a, Object b) {
        return Map.of(header, List.of(a, b));
    }

    @Test
    void everyOperationOverTheWireMatchesTheSdkContract() throws Exception {
        Contract contract = Contract.load("conversations");
        recorder = new ContractRecorder(sim().baseUrl());
        ContractReport report = new ContractReport("genesys-conversations, genesys-users <-> simulator exchanges vs "
                                                   + "purecloud-platform-client-v2 262.0.0");
        wire = new WireContractCheck(contract, report, recorder);
        CloudConversations cloud = sim().cloudConversations();
        List<String> users = cloud.seedUsers(4);
        String user = "userId=" + users.get(0);
        String queue = "queueId=" + cloud.addQueue(users);
        String conversationId = cloud.addConversation(users.get(0), 2048, 4096);
        String conversation = "conversationId=" + conversationId;
        String recording = conversation + "&recordingId=" + cloud.recordingIds(conversationId).get(0);

        // ---- genesys-conversations ------------------------------------------------------------------------------
        call("conversations", ConversationsOperation.list, "communicationType=call", null, Map.of());
        call("conversations", ConversationsOperation.get, conversation, null, Map.of());
        String interval = Instant.now().minus(Duration.ofDays(1)) + "/" + Instant.now().plus(Duration.ofDays(1));
        call("conversations", ConversationsOperation.search, "", Map.of("interval", interval, "order", "asc",
                "paging", Map.of("pageSize", 25, "pageNumber", 1)), Map.of());
        call("conversations", ConversationsOperation.search, "", Map.of("interval", interval), Map.of());
        String formats = "CamelGenesysMediaFormats";
        call("conversations", ConversationsOperation.listRecordings, conversation
                + "&maxWaitMs=1000&formatId=WAV&locale=en&includePauseAnnotationsForScreenRecordings=false", null,
                two(formats, "WAV", "MP3"));
        call("conversations", ConversationsOperation.getRecording, recording + "&formatId=MP3&emailFormatId=EML"
                + "&chatFormatId=ZIP&messageFormatId=ZIP&download=false&fileName=call&locale=en", null,
                two(formats, "MP3", "WAV"));
        call("conversations", ConversationsOperation.downloadRecording, recording + "&formatId=WAV", null,
                two(formats, "WAV", "OGG_OPUS"));

        // ---- genesys-users --------------------------------------------------------------------------------------
        Map<String, Object> getHeaders = new HashMap<>(two("CamelGenesysExpand", "presence", "routingStatus"));
        getHeaders.put("CamelGenesysUserCustomAttributeSchemaIds", List.of("schema-1", "schema-2"));
        call("users", UsersOperation.get, user + "&integrationPresenceSource=MicrosoftTeams&state=active", null,
                getHeaders);
        call("users", UsersOperation.search, "", Map.of("query", List.of(Map.of("type", "CONTAINS",
                "fields", List.of("name", "email"), "value", "agent")), "pageSize", 25, "pageNumber", 1,
                "sortOrder", "ASC", "expand", List.of("presence")), Map.of());
        call("users", UsersOperation.setRoutingStatus, user, Map.of("status", "IDLE"), Map.of());
        call("users", UsersOperation.getRoutingStatus, user, null, Map.of());
        call("users", UsersOperation.setPresence, user, Map.of("presenceDefinition", Map.of("id", "presence-available"),
                "message", "here"), Map.of());
        call("users", UsersOperation.getPresence, user, null, Map.of());
        call("users", UsersOperation.listQueueMembers, queue + "&pageSize=2&pageNumber=1&sortOrder=asc&name=Agent"
                + "&memberBy=user&joined=true", null, two("CamelGenesysExpand", "presence", "routingStatus"));
        Map<String, Object> filters = new HashMap<>();
        filters.put("CamelGenesysProfileSkills", List.of("s1", "s2"));
        filters.put("CamelGenesysSkills", List.of("s1", "s2"));
        filters.put("CamelGenesysLanguages", List.of("en", "fr"));
        filters.put("CamelGenesysRoutingStatus", List.of("IDLE", "OFF_QUEUE"));
        filters.put("CamelGenesysPresence", List.of("Available", "Offline"));
        call("users", UsersOperation.listQueueMembers, queue, null, filters);

        wire.requireCoverage(ConversationsOperation.class, GenesysPlatform.cloud, Set.of());
        wire.requireCoverage(UsersOperation.class, GenesysPlatform.cloud, Set.of());
        report.assertOnly(KNOWN_MISMATCHES, "wire ");
    }
}
