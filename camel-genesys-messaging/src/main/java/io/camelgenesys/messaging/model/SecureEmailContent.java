package io.camelgenesys.messaging.model;

import java.util.Map;

/**
 * The {@code data} of a secure email to create (untyped in the seed, L3654-3877): {@code emailAddress}
 * (the consumer) is required; other fields are kept and sent.
 */
public class SecureEmailContent extends SecureEmailMessage {

    private Map<String, Object> userData;

    public Map<String, Object> getUserData() {
        return userData;
    }

    public void setUserData(Map<String, Object> userData) {
        this.userData = userData;
    }
}
