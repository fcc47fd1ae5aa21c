package io.camelgenesys.messaging.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The {@code data} of a secure email to create (untyped in the seed, L3654-3877): {@code emailAddress}
 * (the consumer) is required; other fields are kept and sent.
 */
public class SecureEmailContent extends GenesysModel {

    private String emailAddress;
    private String firstName;
    private String lastName;
    private String subject;
    private String text;
    private Map<String, Object> userData;

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Map<String, Object> getUserData() {
        return userData;
    }

    public void setUserData(Map<String, Object> userData) {
        this.userData = userData;
    }
}
