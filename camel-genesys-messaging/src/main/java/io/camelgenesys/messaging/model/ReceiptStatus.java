package io.camelgenesys.messaging.model;

/** The status a delivery receipt reports (seed 002 L7541-7544). */
public enum ReceiptStatus {
    /** The message reached the consumer. */
    Delivered,
    /** The message was removed before it was delivered. */
    Removed,
    /** The message could not be delivered; the receipt says why with {@link Reason}s. */
    Failed
}
