package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConfiguration;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-conversations: the shared ones (inherited) and those of its rows, each bound by name to a path
 * variable or query parameter; the {@code CamelGenesys<Option>} header overrides it for one message.
 */
@UriParams
public class ConversationsConfiguration extends GenesysConfiguration {

    @UriParam(label = "producer", description = "get, listRecordings, getRecording, downloadRecording: the conversation id; the CamelGenesysConversationId header overrides it.")
    private String conversationId;

    @UriParam(label = "producer", description = "getRecording, downloadRecording: the recording id; the CamelGenesysRecordingId header overrides it.")
    private String recordingId;

    @UriParam(label = "producer", description = "list: only conversations of this communication type (e.g. call or chat).")
    private String communicationType;

    @UriParam(label = "producer", description = "getRecording, downloadRecording, listRecordings: the media format: WAV, WEBM, WAV_ULAW, OGG_VORBIS, OGG_OPUS, MP3 or NONE (Genesys' default WEBM; NONE gives no media link).")
    private String formatId;

    @UriParam(label = "producer", description = "getRecording, downloadRecording, listRecordings: every acceptable media format, comma separated (overrides formatId), sent as the parameter repeated.")
    private String mediaFormats;

    @UriParam(label = "producer", description = "getRecording, downloadRecording: the format of an email recording: EML or NONE.")
    private String emailFormatId;

    @UriParam(label = "producer", description = "getRecording, downloadRecording: the format of a chat recording: ZIP or NONE.")
    private String chatFormatId;

    @UriParam(label = "producer", description = "getRecording, downloadRecording: the format of a message recording: ZIP or NONE.")
    private String messageFormatId;

    @UriParam(label = "producer", description = "getRecording: ask for a download link. downloadRecording sends download=true unless this option is"
              + " set to false, which it then sends as set (Genesys still answers mediaUris links, which it follows).")
    private Boolean download;

    @UriParam(label = "producer", description = "getRecording, downloadRecording: the name Genesys gives the downloaded file.")
    private String fileName;

    @UriParam(label = "producer", description = "getRecording, downloadRecording, listRecordings: the locale (ISO 639-1) of the requested file or of the redaction of sensitive data.")
    private String locale;

    @UriParam(label = "producer", description = "listRecordings: the most milliseconds Genesys waits for the recordings to be ready before it answers.")
    private Integer maxWaitMs;

    @UriParam(label = "producer", description = "listRecordings: include the pause annotations of screen recordings.")
    private Boolean includePauseAnnotationsForScreenRecordings;

    @UriParam(label = "producer", description = "downloadRecording: write the media to this directory (as the recording id) and answer the File, instead of streaming it to the route as an InputStream.")
    private String downloadDirectory;

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getRecordingId() {
        return recordingId;
    }

    public void setRecordingId(String recordingId) {
        this.recordingId = recordingId;
    }

    public String getCommunicationType() {
        return communicationType;
    }

    public void setCommunicationType(String communicationType) {
        this.communicationType = communicationType;
    }

    public String getFormatId() {
        return formatId;
    }

    public void setFormatId(String formatId) {
        this.formatId = formatId;
    }

    public String getMediaFormats() {
        return mediaFormats;
    }

    public void setMediaFormats(String mediaFormats) {
        this.mediaFormats = mediaFormats;
    }

    public String getEmailFormatId() {
        return emailFormatId;
    }

    public void setEmailFormatId(String emailFormatId) {
        this.emailFormatId = emailFormatId;
    }

    public String getChatFormatId() {
        return chatFormatId;
    }

    public void setChatFormatId(String chatFormatId) {
        this.chatFormatId = chatFormatId;
    }

    public String getMessageFormatId() {
        return messageFormatId;
    }

    public void setMessageFormatId(String messageFormatId) {
        this.messageFormatId = messageFormatId;
    }

    public Boolean getDownload() {
        return download;
    }

    public void setDownload(Boolean download) {
        this.download = download;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public Integer getMaxWaitMs() {
        return maxWaitMs;
    }

    public void setMaxWaitMs(Integer maxWaitMs) {
        this.maxWaitMs = maxWaitMs;
    }

    public Boolean getIncludePauseAnnotationsForScreenRecordings() {
        return includePauseAnnotationsForScreenRecordings;
    }

    public void setIncludePauseAnnotationsForScreenRecordings(Boolean includePauseAnnotationsForScreenRecordings) {
        this.includePauseAnnotationsForScreenRecordings = includePauseAnnotationsForScreenRecordings;
    }

    public String getDownloadDirectory() {
        return downloadDirectory;
    }

    public void setDownloadDirectory(String downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    @Override
    public ConversationsConfiguration copy() {
        return (ConversationsConfiguration) super.copy();
    }
}
