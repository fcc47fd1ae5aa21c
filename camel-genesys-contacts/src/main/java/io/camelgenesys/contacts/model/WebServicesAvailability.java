package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** A Web Services contact availability by channel (seed 004). Fields this class does not declare are kept (GenesysModel). */
public class WebServicesAvailability extends GenesysModel {

    private List<Channel> channels;

    /** One channel: whether the contact is available on it, and the user state. */
    public static class Channel extends GenesysModel {
        private String channel;
        private Boolean available;
        private String phoneNumber;
        private String userActivity;
        private Map<String, Object> userState;

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public Boolean getAvailable() {
            return available;
        }

        public void setAvailable(Boolean available) {
            this.available = available;
        }

        public String getPhoneNumber() {
            return phoneNumber;
        }

        public void setPhoneNumber(String phoneNumber) {
            this.phoneNumber = phoneNumber;
        }

        public String getUserActivity() {
            return userActivity;
        }

        public void setUserActivity(String userActivity) {
            this.userActivity = userActivity;
        }

        public Map<String, Object> getUserState() {
            return userState;
        }

        public void setUserState(Map<String, Object> userState) {
            this.userState = userState;
        }
    }

    public List<Channel> getChannels() {
        return channels;
    }

    public void setChannels(List<Channel> channels) {
        this.channels = channels;
    }
}
