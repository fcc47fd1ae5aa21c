package io.camelgenesys.conversations.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The topics of a channel (ChannelTopicEntityListing of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ChannelTopicEntityListing extends GenesysModel {

    private List<ChannelTopic> entities;

    public List<ChannelTopic> getEntities() {
        return entities;
    }

    public void setEntities(List<ChannelTopic> entities) {
        this.entities = entities;
    }

}
