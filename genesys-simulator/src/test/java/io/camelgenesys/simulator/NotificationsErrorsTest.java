package io.camelgenesys.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.simulator.notifications.Notifications;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.NotifyRest.CHANNELS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Notifications API's refusals, each a Genesys Cloud error body naming what is wrong. */
class NotificationsErrorsTest {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();
    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    Notifications n;
    NotifyRest rest;
    String channel;
    String user;

    @BeforeEach
    void setUp() throws Exception {
        n = SIM.simulator().notifications();
        rest = new NotifyRest(http, http.cloudToken());
        channel = rest.createChannel().get("id").asText();
        user = SIM.simulator().cloudConversations().seedUsers(1).get(0);
    }

    String subscriptions(String id) {
        return CHANNELS + "/" + id + "/subscriptions";
    }

    @Test
    void anUnknownChannelIs404OnEveryPath() throws Exception {
        String unknown = "streaming-0-nosuchchannel0000000000000000";
        assertEquals(404, rest.head(unknown));
        for (String method : List.of("GET", "PUT", "POST", "DELETE")) {
            String body = method.equals("PUT") || method.equals("POST") ? NotifyRest.topics("v2.users." + user
                    + ".presence") : null;
            String message = http.cloudError(404, method, subscriptions(unknown), rest.token, body);
            assertTrue(message.contains(unknown), message);
        }
    }

    @Test
    void noTokenOrABadTokenIs401() throws Exception {
        assertEquals(401, http.request("POST", CHANNELS).send().getStatus());
        assertEquals(401, http.request("GET", subscriptions(channel)).send().getStatus());
        http.cloudError(401, "PUT", subscriptions(channel), "not-a-token", NotifyRest.topics("v2.users." + user
                + ".presence"));
        assertEquals(401, http.cloud("HEAD", CHANNELS + "/" + channel, "not-a-token").send().getStatus());
    }

    @Test
    void moreThan1000TopicsOnAChannelIsRefusedAndChangesNothing() throws Exception {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            topics.add("v2.users.user-" + i + ".presence");
        }
        JsonNode ok = rest.subscribe("PUT", channel, topics.toArray(String[]::new));
        assertEquals(1000, ok.get("entities").size());
        String message = http.cloudError(400, "POST", subscriptions(channel), rest.token,
                NotifyRest.topics("v2.users.user-1000.presence"));
        assertTrue(message.contains("at most 1000 topics"), message);
        assertEquals(1000, n.subscriptions(channel).size());
        // a topic already there does not count twice
        assertEquals(1000, rest.subscribe("POST", channel, "v2.users.user-0.presence").get("entities").size());
        topics.add("v2.users.user-1000.presence");
        http.cloudError(400, "PUT", subscriptions(channel), rest.token, NotifyRest.topics(topics.toArray(String[]::new)));
        assertEquals(1000, n.subscriptions(channel).size());
    }

    @Test
    void anUnknownTopicIs400UnlessErrorsAreIgnored() throws Exception {
        String presence = "v2.users." + user + ".presence";
        String message = http.cloudError(400, "PUT", subscriptions(channel), rest.token,
                NotifyRest.topics(presence, "v2.no.such.topic"));
        assertTrue(message.contains("v2.no.such.topic"), message);
        assertEquals(List.of(), n.subscriptions(channel));

        JsonNode answer = http.cloudOk("PUT", subscriptions(channel) + "?ignoreErrors=true", rest.token,
                NotifyRest.topics(presence, "v2.no.such.topic"));
        assertEquals(presence, answer.at("/entities/0/id").asText());
        assertEquals("Permitted", answer.at("/entities/0/state").asText());
        assertEquals("v2.no.such.topic", answer.at("/entities/1/id").asText());
        assertEquals("Rejected", answer.at("/entities/1/state").asText());
        assertTrue(answer.at("/entities/1/rejectionReason").asText().contains("not a valid topic"));
        assertEquals(List.of(presence), n.subscriptions(channel));
    }

    @Test
    void aBodyThatIsNoListOfChannelTopicsIs400() throws Exception {
        assertTrue(http.cloudError(400, "PUT", subscriptions(channel), rest.token, "{\"id\":\"x\"}")
                .contains("JSON array of ChannelTopic"));
        assertTrue(http.cloudError(400, "POST", subscriptions(channel), rest.token, "[{\"name\":\"x\"}]")
                .contains("[0].id is required"));
        http.cloudError(400, "POST", subscriptions(channel), rest.token, "[{\"id\":");
        http.cloudError(400, "GET", CHANNELS + "?includechannels=everything", rest.token, null);
    }

    @Test
    void theChannelsOfOtherTokensAreListedWithoutTheirIds() throws Exception {
        NotifyRest other = new NotifyRest(http, http.cloudToken());
        String theirs = other.createChannel().get("id").asText();
        JsonNode mine = http.cloudOk("GET", CHANNELS, rest.token, null);
        assertEquals(1, mine.get("entities").size());
        assertEquals(channel, mine.at("/entities/0/id").asText());
        JsonNode all = http.cloudOk("GET", CHANNELS + "?includechannels=oauthclient", rest.token, null);
        assertEquals(2, all.get("entities").size());
        assertTrue(all.at("/entities/1").has("expires"));
        assertTrue(all.at("/entities/1/id").isMissingNode());
        // the same OAuth client manages it, as Genesys scopes channels to the user/app
        assertEquals(200, rest.head(theirs));
        ContentResponse deleted = rest.call("DELETE", subscriptions(theirs), null);
        assertEquals(204, deleted.getStatus());
    }
}
