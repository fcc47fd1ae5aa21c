package io.camelgenesys.contacts;

/**
 * Whether the field named by {@code identifierField} stays in the contact (or organization) that enrich sends.
 */
public enum IdentifierFieldMode {
    /**
     * Left out when it is not a field of the model ({@code crmId}, {@code CRM_ID}: Genesys has no such field, and the
     * value is stored as the matching identifier anyway), kept when it is one ({@code workEmail} with
     * {@code identifierType=Email}, whose value the contact should keep).
     */
    auto,
    /** Always sent, e.g. a field Genesys added after this model was built. */
    keep,
    /** Never sent, even a field of the model. */
    remove
}
