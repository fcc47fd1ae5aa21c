package io.camelgenesys.conversations;

/** The Genesys Cloud paths of this module, as the official SDK (purecloud-platform-client-v2 262.0.0) has them. */
final class CloudPaths {

    static final String V2 = "/api/v2";
    static final String CONVERSATIONS = V2 + "/conversations";
    static final String CONVERSATION = CONVERSATIONS + "/{conversationId}";
    static final String RECORDINGS = CONVERSATION + "/recordings";
    static final String RECORDING = RECORDINGS + "/{recordingId}";
    static final String DETAILS_QUERY = V2 + "/analytics/conversations/details/query";
    static final String USER = V2 + "/users/{userId}";
    static final String USERS_SEARCH = V2 + "/users/search";
    static final String ROUTING_STATUS = USER + "/routingstatus";
    static final String PRESENCE = USER + "/presences/purecloud";
    static final String QUEUE_MEMBERS = V2 + "/routing/queues/{queueId}/members";
    static final String CHANNELS = V2 + "/notifications/channels";
    static final String CHANNEL_SUBSCRIPTIONS = CHANNELS + "/{channelId}/subscriptions";

    private CloudPaths() {
    }
}
