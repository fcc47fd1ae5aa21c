package io.camelgenesys.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.Conversation;
import io.camelgenesys.conversations.model.Recording;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

import static io.camelgenesys.conversations.CloudPaths.CONVERSATION;
import static io.camelgenesys.conversations.CloudPaths.CONVERSATIONS;
import static io.camelgenesys.conversations.CloudPaths.DETAILS_QUERY;
import static io.camelgenesys.conversations.CloudPaths.RECORDING;
import static io.camelgenesys.conversations.CloudPaths.RECORDINGS;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.post;

/**
 * The genesys-conversations operations, one row each: Genesys Cloud conversations and their recordings (seed 000
 * section 8, rows 1-4, at the paths of the official SDK; the component's page lists each seed path and the real one).
 */
public enum ConversationsOperation implements GenesysOperation {

    /** The active conversations of the authenticated user (seed: GET /conversations; the SDK has no paging here). */
    list(cloud(get(CONVERSATIONS).query("communicationType").result("/entities").returns(Conversation.class))),
    /** A conversation with its participants (the seed's expand=participants is how Genesys always answers). */
    get(cloud(get(CONVERSATION).returns(Conversation.class))),
    /**
     * The seed's "search" (POST /conversations/search) is the analytics conversation details query: the body is a
     * ConversationQuery (interval, filters, order, paging), the answer {conversations, totalHits}.
     */
    search(cloud(post(DETAILS_QUERY).body(JsonNode.class).returns(JsonNode.class).idempotent(true)
            .rules(CloudLimits.CONVERSATION_QUERY))),
    /** The seed's expand=recordings: the metadata of every recording of a conversation. */
    listRecordings(cloud(get(RECORDINGS).query("maxWaitMs", "formatId").queryMulti("mediaFormats")
            .query("locale", "includePauseAnnotationsForScreenRecordings").returns(Recording.class))),
    /** One recording's metadata; with a formatId its mediaUris hold the pre-signed links. */
    getRecording(cloud(recording().returns(Recording.class))),
    /**
     * The recording's media (seed: GET /recordings/{recordingId}/media, 307 to a pre-signed URL), streamed to the
     * route as an InputStream or written to downloadDirectory; the link is followed without credentials.
     */
    downloadRecording(cloud(recording().execution(RecordingDownload.INSTANCE)));

    private final OperationSpec spec;

    ConversationsOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    private static OperationSpec recording() {
        return get(RECORDING).query("formatId", "emailFormatId", "chatFormatId", "messageFormatId", "download",
                "fileName", "locale").queryMulti("mediaFormats");
    }

    /** Every row is Genesys Cloud's. */
    static OperationSpec cloud(OperationSpec spec) {
        return spec.only(GenesysPlatform.cloud);
    }
}
