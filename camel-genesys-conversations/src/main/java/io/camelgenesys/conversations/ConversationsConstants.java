package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.http.Download;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-conversations: the shared camel-genesys headers plus its inputs (each overrides the option of the
 * same name for one message). Each says its direction first (see {@link GenesysConstants}).
 */
public final class ConversationsConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the conversation id; overrides the conversationId"
              + " option.", javaType = "String")
    public static final String CONVERSATION_ID = "CamelGenesysConversationId";

    @Metadata(label = "producer,input", description = "Input: the recording id; overrides the recordingId option.",
              javaType = "String")
    public static final String RECORDING_ID = "CamelGenesysRecordingId";

    @Metadata(label = "producer,input", description = "Input: the media format of a recording (e.g. WAV, MP3);"
              + " overrides the formatId option. Genesys ignores formatId when mediaFormats is sent: with the"
              + " mediaFormats option set on the endpoint, this header has no effect unless the"
              + " CamelGenesysMediaFormats header is set too (it overrides the option).", javaType = "String")
    public static final String FORMAT_ID = "CamelGenesysFormatId";

    @Metadata(label = "producer,input", description = "Input: downloadRecording, the key of the Recording's mediaUris"
              + " entry to download when the recording has several (the SDK's Recording.mediaUris is a map, e.g. one"
              + " entry per screen of a screen recording). Without it, a recording with several media entries fails"
              + " naming their keys instead of downloading one of them silently; a route downloads each by sending"
              + " one exchange per key (getRecording lists them). Ignored when Genesys answers with a redirect.",
              javaType = "String")
    public static final String MEDIA_URI_KEY = "CamelGenesysMediaUriKey";

    @Metadata(label = "producer,output", description = "Output: downloadRecording, the recording id, the name the media"
              + " has in storage. CamelFileName is set to the same name, so that a following to(\"file:dir\") stores"
              + " the media under it.", javaType = "String")
    public static final String DOWNLOAD_FILE_NAME = Download.FILE_NAME_HEADER;

    @Metadata(label = "producer,output", description = "Output: downloadRecording, the size of the media in bytes, as"
              + " the storage host gives it.", javaType = "Long")
    public static final String DOWNLOAD_SIZE = Download.SIZE_HEADER;

    @Metadata(label = "producer,output", description = "Output: downloadRecording, the content type of the media, as"
              + " the storage host gives it.", javaType = "String")
    public static final String DOWNLOAD_CONTENT_TYPE = Download.CONTENT_TYPE_HEADER;

    @Metadata(label = "producer,output", description = "Output: downloadRecording, the ETag of the media in storage.",
              javaType = "String")
    public static final String DOWNLOAD_ETAG = Download.ETAG_HEADER;

    @Metadata(label = "producer,output", description = "Output: downloadRecording, when the media was last modified in"
              + " storage (HTTP date).", javaType = "String")
    public static final String DOWNLOAD_LAST_MODIFIED = Download.LAST_MODIFIED_HEADER;
}
