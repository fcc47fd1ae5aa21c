package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-conversations: the shared camel-genesys headers plus its inputs (each overrides the option of the
 * same name for one message). Each says its direction first (see {@link GenesysConstants}).
 */
public final class ConversationsConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the conversation id; overrides the conversationId"
              + " option.", javaType = "String")
    public static final String CONVERSATION_ID = "GenesysConversationId";

    @Metadata(label = "producer,input", description = "Input: the recording id; overrides the recordingId option.",
              javaType = "String")
    public static final String RECORDING_ID = "GenesysRecordingId";

    @Metadata(label = "producer,input", description = "Input: the media format of a recording (e.g. WAV, MP3);"
              + " overrides the formatId option.", javaType = "String")
    public static final String FORMAT_ID = "GenesysFormatId";
}
