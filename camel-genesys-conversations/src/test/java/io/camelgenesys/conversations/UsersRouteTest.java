package io.camelgenesys.conversations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.QueueMember;
import io.camelgenesys.conversations.model.RoutingStatus;
import io.camelgenesys.conversations.model.User;
import io.camelgenesys.conversations.model.UserPresence;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-users through routes: get with expand, search, routing status and presence read and changed, queue members
 * with page-number paging, sort and pageAll; the documented errors and the 1,000-record cap.
 */
class UsersRouteTest extends CloudTestSupport {

    @Test
    void getAddsPresenceAndRoutingStatusOnlyWhenExpanded() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        User plain = body("users", "get", "userId=" + id, null, User.class);
        assertEquals("Agent 0001", plain.getName());
        assertNull(plain.getPresence());
        assertNull(plain.getRoutingStatus());
        String from = route(uri("users", "get", ""));
        User full = template.requestBodyAndHeaders(from, null, Map.of(UsersConstants.USER_ID, id,
                UsersConstants.EXPAND, List.of("presence", "routingStatus")), User.class);
        assertEquals("OFF_QUEUE", full.getRoutingStatus().getStatus());
        assertEquals("presence-offline", full.getPresence().getPresenceDefinition().getId());
    }

    @Test
    void anUnknownUserIs404FromGenesys() throws Exception {
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("users", "get", "userId=nope", null));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void searchSendsTheCriteriaAndAnswersTheMatchingUsers() throws Exception {
        cloud().seedUsers(12);
        JsonNode found = body("users", "search", "", Map.of("query", List.of(Map.of("type", "STARTS_WITH",
                "fields", List.of("name"), "value", "Agent 001")), "pageSize", 2, "pageNumber", 1, "sortOrder", "DESC",
                "expand", List.of("routingStatus")), JsonNode.class);
        assertEquals(3, found.get("total").asInt()); // Agent 0010, 0011, 0012
        assertEquals("Agent 0012", found.get("results").get(0).get("name").asText());
        assertEquals("OFF_QUEUE", found.get("results").get(0).get("routingStatus").get("status").asText());
    }

    @Test
    void searchWithoutCriteriaIsRefusedBeforeAnythingIsSent() throws Exception {
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class,
                failure("users", "search", "", Map.of("query", List.of(Map.of("type", "FUZZY")))));
        assertTrue(e.getMessage().contains("type"), e.getMessage());
        assertEquals(0, sim().requests().count("POST", V2 + "/users/search"));
    }

    @Test
    void routingStatusIsReadAndSet() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        RoutingStatus set = body("users", "setRoutingStatus", "userId=" + id, Map.of("status", "IDLE"),
                RoutingStatus.class);
        assertEquals("IDLE", set.getStatus());
        assertEquals("IDLE", cloud().store().routingStatusOf(id).orElseThrow());
        assertEquals("IDLE", body("users", "getRoutingStatus", "userId=" + id, null, RoutingStatus.class).getStatus());
    }

    @Test
    void theSeedsOnQueueIsNotARoutingStatusAndIsRefusedNamingTheValidOnes() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class,
                failure("users", "setRoutingStatus", "userId=" + id, Map.of("status", "ON_QUEUE")));
        assertTrue(e.getMessage().contains("status"), e.getMessage());
        assertTrue(e.getMessage().contains("OFF_QUEUE"), e.getMessage());
        assertEquals(0, sim().requests().count("PUT", V2 + "/users/*/routingstatus"));
    }

    @Test
    void presenceIsReadAndSet() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        UserPresence set = body("users", "setPresence", "userId=" + id,
                Map.of("presenceDefinition", Map.of("id", "presence-on-queue"), "message", "back"), UserPresence.class);
        assertEquals("On Queue", set.getPresenceDefinition().getSystemPresence());
        assertEquals("presence-on-queue", cloud().store().presenceOf(id).orElseThrow());
        UserPresence got = body("users", "getPresence", "userId=" + id, null, UserPresence.class);
        assertEquals("back", got.getMessage());
        assertEquals("PURECLOUD", got.getSource());
    }

    /**
     * PresenceApi.patchUserPresencesPurecloud (npm SDK 262.0.0): "The presence object can be patched one of three
     * ways. Option 1: Set the primary property to true. [...] Option 2: Provide the presenceDefinition value. [...]
     * Option 3: Provide the message value." A message alone, or primary alone, changes the presence; the contract
     * check found the component (and the simulator) refusing both for want of a presenceDefinition.
     */
    @Test
    void aPresenceChangeTakesTheSdksThreeWaysAndAnUnknownDefinitionIs400FromGenesys() throws Exception {
        String id = cloud().seedUsers(1).get(0);
        body("users", "setPresence", "userId=" + id, Map.of("presenceDefinition", Map.of("id", "presence-on-queue")),
                UserPresence.class);
        UserPresence message = body("users", "setPresence", "userId=" + id, Map.of("message", "at lunch"),
                UserPresence.class);
        assertEquals("at lunch", message.getMessage());
        assertEquals("presence-on-queue", cloud().store().presenceOf(id).orElseThrow(), "the definition stays");
        UserPresence primary = body("users", "setPresence", "userId=" + id, Map.of("primary", true), UserPresence.class);
        assertEquals(Boolean.TRUE, primary.getPrimary());
        assertEquals("at lunch", primary.getMessage(), "the message stays");
        assertEquals("presence-on-queue", cloud().store().presenceOf(id).orElseThrow());

        int sent = sim().requests().count("PATCH", V2 + "/users/" + id + "/presences/purecloud");
        IllegalArgumentException empty = assertInstanceOf(IllegalArgumentException.class,
                failure("users", "setPresence", "userId=" + id, Map.of()));
        for (String way : List.of("presenceDefinition", "message", "primary")) {
            assertTrue(empty.getMessage().contains(way), empty.getMessage());
        }
        assertEquals(sent, sim().requests().count("PATCH", V2 + "/users/" + id + "/presences/purecloud"),
                "refused before sending");
        GenesysApiException unknown = assertInstanceOf(GenesysApiException.class, failure("users", "setPresence",
                "userId=" + id, Map.of("presenceDefinition", Map.of("id", "presence-sleeping"))));
        assertEquals(400, unknown.getHttpStatus());
        assertTrue(unknown.getMessage().contains("presence-sleeping"), unknown.getMessage());
    }

    @Test
    void queueMembersArePagedAndSorted() throws Exception {
        String queue = cloud().addQueue(cloud().seedUsers(7));
        Exchange page = call("users", "listQueueMembers", "queueId=" + queue + "&pageSize=3&pageNumber=2&sortOrder=desc",
                null);
        List<?> members = page.getMessage().getBody(List.class);
        assertEquals(List.of("Agent 0004", "Agent 0003", "Agent 0002"),
                members.stream().map(m -> ((QueueMember) m).getName()).toList());
        assertEquals(2, page.getMessage().getHeader(GenesysConstants.RESPONSE_PAGE_NUMBER));
    }

    @Test
    void pageAllStreamsEveryMemberOnce() throws Exception {
        String queue = cloud().addQueue(cloud().seedUsers(23));
        Iterator<?> it = body("users", "listQueueMembers", "queueId=" + queue + "&pageSize=5&pageAll=true", null,
                Iterator.class);
        List<String> names = new ArrayList<>();
        it.forEachRemaining(m -> names.add(((QueueMember) m).getName()));
        assertEquals(23, names.size());
        assertEquals(23, names.stream().distinct().count());
        assertEquals("Agent 0001", names.get(0));
    }

    @Test
    void pagingPastTheThousandRecordCapIsRefusedWithAdviceThatFitsQueues() throws Exception {
        String queue = cloud().addQueue(cloud().seedUsers(1));
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class,
                failure("users", "listQueueMembers", "queueId=" + queue + "&pageSize=100&pageNumber=11", null));
        assertTrue(e.getMessage().contains("<= 1,000"), e.getMessage());
        assertTrue(e.getMessage().contains("no scan of queue members"), e.getMessage());
        IllegalArgumentException size = assertInstanceOf(IllegalArgumentException.class,
                failure("users", "listQueueMembers", "queueId=" + queue + "&pageSize=101", null));
        assertTrue(size.getMessage().contains("pageSize"), size.getMessage());
        assertEquals(0, sim().requests().count("GET", V2 + "/routing/queues/*/members"));
    }

    @Test
    void queueMembersAreFilteredByRoutingStatusAndName() throws Exception {
        List<String> users = cloud().seedUsers(5);
        String queue = cloud().addQueue(users);
        body("users", "setRoutingStatus", "userId=" + users.get(1), Map.of("status", "IDLE"), RoutingStatus.class);
        body("users", "setRoutingStatus", "userId=" + users.get(3), Map.of("status", "IDLE"), RoutingStatus.class);
        List<?> idle = body("users", "listQueueMembers", "queueId=" + queue + "&routingStatus=IDLE", null, List.class);
        assertEquals(List.of("Agent 0002", "Agent 0004"), idle.stream().map(m -> ((QueueMember) m).getName()).toList());
        List<?> named = body("users", "listQueueMembers", "queueId=" + queue + "&name=0005", null, List.class);
        assertEquals(1, named.size());
        assertEquals(0, body("users", "listQueueMembers", "queueId=" + queue + "&skills=Spanish", null, List.class).size());
    }

    @Test
    void anUnknownQueueIs404FromGenesys() throws Exception {
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("users", "listQueueMembers", "queueId=nope", null));
        assertEquals(404, e.getHttpStatus());
    }
}
