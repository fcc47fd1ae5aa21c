package io.camelgenesys.messaging.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What a secure email to create ({@link SecureEmailContent}) and a stored one ({@link SecureEmail}) share: the
 * consumer it is addressed to and its text (seed 002, Secure Email API, L3654-3877).
 */
public abstract class SecureEmailMessage extends GenesysModel {

    private String emailAddress;
    private String firstName;
    private String lastName;
    private String subject;
    private String text;

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
}
