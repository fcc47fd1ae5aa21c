package io.camelgenesys.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.QueueMember;
import io.camelgenesys.conversations.model.RoutingStatus;
import io.camelgenesys.conversations.model.User;
import io.camelgenesys.conversations.model.UserPresence;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;

import static io.camelgenesys.conversations.CloudPaths.PRESENCE;
import static io.camelgenesys.conversations.CloudPaths.QUEUE_MEMBERS;
import static io.camelgenesys.conversations.CloudPaths.ROUTING_STATUS;
import static io.camelgenesys.conversations.CloudPaths.USER;
import static io.camelgenesys.conversations.CloudPaths.USERS_SEARCH;
import static io.camelgenesys.conversations.ConversationsOperation.cloud;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.patch;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;

/**
 * The genesys-users operations, one row each: Genesys Cloud users, their routing status and presence, and queue
 * members (seed 000 section 8, rows 5-8, at the paths of the official SDK).
 */
public enum UsersOperation implements GenesysOperation {

    /** A user; expand=presence,routingStatus adds them (sent as the parameter repeated). */
    get(cloud(get(USER).queryMulti("expand").query("integrationPresenceSource")
            .queryMulti("userCustomAttributeSchemaIds").query("state").returns(User.class))),
    /** The seed's GET /users/search?q= is POST /users/search with a UserSearchRequest body. */
    search(cloud(post(USERS_SEARCH).body(JsonNode.class).returns(JsonNode.class).idempotent(true)
            .rules(CloudLimits.USER_SEARCH))),
    getRoutingStatus(cloud(get(ROUTING_STATUS).returns(RoutingStatus.class))),
    /** The seed's PATCH /users/{userId} with a routingStatus is PUT /users/{userId}/routingstatus. */
    setRoutingStatus(cloud(put(ROUTING_STATUS).body(RoutingStatus.class).returns(RoutingStatus.class)
            .idempotent(true).rules(CloudLimits.ROUTING_STATUS))),
    /** The user's presence from Genesys Cloud's own source (the seed reads it only through expand=presence). */
    getPresence(cloud(get(PRESENCE).returns(UserPresence.class))),
    setPresence(cloud(patch(PRESENCE).body(UserPresence.class).returns(UserPresence.class)
            .rules(CloudLimits.PRESENCE))),
    /** The seed's GET /queues/{queueId}/members is GET /routing/queues/{queueId}/members; page-number paging. */
    listQueueMembers(cloud(get(QUEUE_MEMBERS).query("sortOrder").queryMulti("expand").query("name")
            .queryMulti("profileSkills", "skills", "languages", "routingStatus", "presence")
            .query("memberBy", "joined").returns(QueueMember.class)
            .paging(PagingStyle.PAGE_NUMBER).queryRules(CloudLimits.PAGE_SIZE)
            .beyondCap("Genesys has no scan of queue members: narrow the listing with the name, routingStatus,"
                       + " presence, skills, languages or joined options")));

    private final OperationSpec spec;

    UsersOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }
}
