package io.camelgenesys.messaging.model;

import java.time.OffsetDateTime;

import io.camelgenesys.core.json.GenesysModel;

/**
 * A secure email (seed 002's Secure Email API; the item schema is not in the seed, these are the fields the
 * simulator reads and answers). {@code direction} {@code inbound} or {@code outbound}, {@code status} {@code unread} or
 * {@code read}; {@code deleted} only after a {@code remove=delete}.
 */
public class SecureEmail extends GenesysModel {

    private String secureMailId;
    private String emailAddress;
    private String firstName;
    private String lastName;
    private String subject;
    private String text;
    private String direction;
    private String status;
    private OffsetDateTime createdAt;
    private String securebox;
    private Boolean deleted;

    public String getSecureMailId() {
        return secureMailId;
    }

    public void setSecureMailId(String secureMailId) {
        this.secureMailId = secureMailId;
    }

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

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public String getSecurebox() {
        return securebox;
    }

    public void setSecurebox(String securebox) {
        this.securebox = securebox;
    }

    public Boolean getDeleted() {
        return deleted;
    }

    public void setDeleted(Boolean deleted) {
        this.deleted = deleted;
    }
}
