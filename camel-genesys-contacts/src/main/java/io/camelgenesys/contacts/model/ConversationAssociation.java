package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** Associates a conversation with an external contact, or disassociates it when externalContactId is absent (ConversationAssociation of the Genesys Cloud SDK; conversationId repeats the path's and is required; mediaType one of CALL, CALLBACK, CHAT, COBROWSE, EMAIL, MESSAGE, SOCIAL_EXPRESSION, VIDEO, SCREENSHARE). Fields this class does not declare are kept (GenesysModel). */
public class ConversationAssociation extends GenesysModel {

    private String externalContactId;
    private String conversationId;
    private String communicationId;
    private String mediaType;

    public String getExternalContactId() {
        return externalContactId;
    }

    public void setExternalContactId(String externalContactId) {
        this.externalContactId = externalContactId;
    }

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getCommunicationId() {
        return communicationId;
    }

    public void setCommunicationId(String communicationId) {
        this.communicationId = communicationId;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }
}
