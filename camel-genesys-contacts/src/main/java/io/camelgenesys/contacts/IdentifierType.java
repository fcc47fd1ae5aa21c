package io.camelgenesys.contacts;

/** ContactIdentifier.TypeEnum of the Genesys Cloud SDK (platform-client-v2, docs/ContactIdentifier.md). */
public enum IdentifierType {
    SocialLine,
    SocialFacebook,
    SocialTwitter,
    SocialWhatsapp,
    Email,
    Phone,
    Cookie,
    ExternalId
}
