package io.camelgenesys.messaging.model;

import java.time.OffsetDateTime;

/**
 * A secure email (seed 002's Secure Email API; the item schema is not in the seed, these are the fields the
 * simulator reads and answers). {@code direction} {@code inbound} or {@code outbound}, {@code status} {@code unread} or
 * {@code read}; {@code deleted} only after a {@code remove=delete}.
 */
public class SecureEmail extends SecureEmailMessage {

    private String secureMailId;
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
