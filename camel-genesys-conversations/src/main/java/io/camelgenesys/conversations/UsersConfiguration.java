package io.camelgenesys.conversations;

import io.camelgenesys.core.GenesysConfiguration;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-users: the shared ones (inherited) and those of its rows, each bound by name to a path variable
 * or query parameter; the {@code CamelGenesys<Option>} header overrides it for one message.
 */
@UriParams
public class UsersConfiguration extends GenesysConfiguration {

    @UriParam(label = "producer", description = "get, getRoutingStatus, setRoutingStatus, getPresence, setPresence: the user id; the CamelGenesysUserId header overrides it.")
    private String userId;

    @UriParam(label = "producer", description = "listQueueMembers: the queue id; the CamelGenesysQueueId header overrides it.")
    private String queueId;

    @UriParam(label = "producer", description = "get: what to add to the user, comma separated or a List header (e.g. presence, routingStatus, locations); listQueueMembers: what to add to each member's user. Sent as the parameter repeated.")
    private String expand;

    @UriParam(label = "producer", description = "get: the integration presence to add with expand=integrationPresence (MicrosoftTeams, ZoomPhone or RingCentral).")
    private String integrationPresenceSource;

    @UriParam(label = "producer", description = "get: the custom attribute schemas to add with expand=customAttributes, comma separated, sent as the parameter repeated.")
    private String userCustomAttributeSchemaIds;

    @UriParam(label = "producer", description = "get: the state of the user to find (active or deleted).")
    private String state;

    @UriParam(label = "producer", description = "listQueueMembers: sort the members by name, asc or desc.")
    private SortOrder sortOrder;

    @UriParam(label = "producer", description = "listQueueMembers: only members whose name contains this.")
    private String name;

    @UriParam(label = "producer", description = "listQueueMembers: only members with these profile skills, comma separated.")
    private String profileSkills;

    @UriParam(label = "producer", description = "listQueueMembers: only members with these skills, comma separated.")
    private String skills;

    @UriParam(label = "producer", description = "listQueueMembers: only members with these languages, comma separated.")
    private String languages;

    @UriParam(label = "producer", description = "listQueueMembers: only members in these routing statuses, comma separated (e.g. IDLE,INTERACTING).")
    private String routingStatus;

    @UriParam(label = "producer", description = "listQueueMembers: only members in these presences, comma separated.")
    private String presence;

    @UriParam(label = "producer", description = "listQueueMembers: only members added this way: user or group.")
    private String memberBy;

    @UriParam(label = "producer", description = "listQueueMembers: only members who joined (true) or did not (false).")
    private Boolean joined;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public String getIntegrationPresenceSource() {
        return integrationPresenceSource;
    }

    public void setIntegrationPresenceSource(String integrationPresenceSource) {
        this.integrationPresenceSource = integrationPresenceSource;
    }

    public String getUserCustomAttributeSchemaIds() {
        return userCustomAttributeSchemaIds;
    }

    public void setUserCustomAttributeSchemaIds(String userCustomAttributeSchemaIds) {
        this.userCustomAttributeSchemaIds = userCustomAttributeSchemaIds;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public SortOrder getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(SortOrder sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProfileSkills() {
        return profileSkills;
    }

    public void setProfileSkills(String profileSkills) {
        this.profileSkills = profileSkills;
    }

    public String getSkills() {
        return skills;
    }

    public void setSkills(String skills) {
        this.skills = skills;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getRoutingStatus() {
        return routingStatus;
    }

    public void setRoutingStatus(String routingStatus) {
        this.routingStatus = routingStatus;
    }

    public String getPresence() {
        return presence;
    }

    public void setPresence(String presence) {
        this.presence = presence;
    }

    public String getMemberBy() {
        return memberBy;
    }

    public void setMemberBy(String memberBy) {
        this.memberBy = memberBy;
    }

    public Boolean getJoined() {
        return joined;
    }

    public void setJoined(Boolean joined) {
        this.joined = joined;
    }

    @Override
    public UsersConfiguration copy() {
        return (UsersConfiguration) super.copy();
    }
}
