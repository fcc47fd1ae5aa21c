package io.camelgenesys.conversations;

import io.camelgenesys.conversations.model.RoutingStatus;
import io.camelgenesys.conversations.model.UserPresence;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.QueryRule;

import static io.camelgenesys.core.operation.BodyRules.each;
import static io.camelgenesys.core.operation.BodyRules.list;
import static io.camelgenesys.core.operation.BodyRules.object;
import static io.camelgenesys.core.operation.BodyRules.oneOf;
import static io.camelgenesys.core.operation.BodyRules.text;
import static io.camelgenesys.core.operation.BodyRules.typed;

/**
 * The input rules of genesys-conversations and genesys-users, checked before anything is sent; the values are the
 * official SDK's (enums of purecloud-platform-client-v2 262.0.0 and the Java SDK) where it has them.
 */
public final class CloudLimits {

    /** Page-number paging: 1-100 per page (seed 000 L509-513). */
    public static final QueryRule PAGE_SIZE = QueryRule.range("pageSize", 1, 100);

    /**
     * RoutingStatus.status as the SDK enumerates it. Seed 000 lists ON_QUEUE, OFF_QUEUE, IDLE, ON_A_CALL and CUSTOM
     * (L410-444); ON_QUEUE, ON_A_CALL and CUSTOM are not routing statuses of Genesys Cloud (an agent goes on queue by
     * the On Queue presence).
     */
    public static final String[] ROUTING_STATUSES = {"OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING",
            "COMMUNICATING"};

    public static final BodyRules ROUTING_STATUS = typed(RoutingStatus.class,
            oneOf("status", true, ROUTING_STATUSES));

    /**
     * A presence change, one of the three ways PresenceApi.patchUserPresencesPurecloud documents (npm SDK 262.0.0):
     * "Option 1: Set the primary property to true [...] Option 2: Provide the presenceDefinition value. The id is the
     * only value required within the presenceDefinition. Option 3: Provide the message value. Option 1 can be
     * combined with Option 2 and/or Option 3." A body with none of them changes nothing and is refused.
     */
    public static final BodyRules PRESENCE = typed(UserPresence.class,
            object("presenceDefinition", false, BodyRules.of(text("id", 1, 200, true))),
            text("message", 0, 5000, false),
            (body, path, violations) -> {
                for (String way : new String[] {"presenceDefinition", "message", "primary"}) {
                    if (body.hasNonNull(way)) {
                        return;
                    }
                }
                violations.add(path + "the body needs presenceDefinition (with its id), message or primary: the three"
                               + " ways Genesys patches a presence");
            });

    private static final BodyRules USER_CRITERION = BodyRules.of(
            oneOf("type", true, "EXACT", "STARTS_WITH", "CONTAINS", "REGEX", "TERM", "TERMS", "REQUIRED_FIELDS",
                    "MATCH_ALL", "QUERY_STRING"),
            list("fields", 0, 50, false));

    /** UserSearchRequest: one or more criteria; page size 1-100. */
    public static final BodyRules USER_SEARCH = BodyRules.of(list("query", 1, 100, true), each("query", USER_CRITERION),
            oneOf("sortOrder", false, "ASC", "DESC", "SCORE"));

    /**
     * ConversationQuery: the interval is required (ISO-8601 start/end); order is one of the SDK's OrderEnum (asc, desc,
     * unordered: Java SDK 198.1.0, contract/conversations.json).
     */
    public static final BodyRules CONVERSATION_QUERY = BodyRules.of(text("interval", 3, 200, true),
            oneOf("order", false, "asc", "desc", "unordered"));

    private CloudLimits() {
    }
}
