package io.camelgenesys.conversations.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** The channels of the credentials (ChannelEntityListing of the SDK). Fields this class does not declare are kept (GenesysModel). */
public class ChannelEntityListing extends GenesysModel {

    private List<Channel> entities;

    public List<Channel> getEntities() {
        return entities;
    }

    public void setEntities(List<Channel> entities) {
        this.entities = entities;
    }

}
