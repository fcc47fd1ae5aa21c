package io.camelgenesys.contacts;

/**
 * What enrich does with the contacts its matching identifiers find: ContactEnrichRequest.ActionEnum of the Genesys
 * Cloud SDK (com.mypurecloud.sdk.v2:platform-client-v2 254.0.0, docs/ContactEnrichRequest.md).
 */
public enum EnrichAction {
    /** Create a contact; fails (409) when one already claims an identifier. */
    Insert,
    /** Update the matching contact; fails (404) when none matches. */
    Update,
    /** Update the matching contact, or create one: the idempotent upsert. */
    Upsert,
    /** Like Upsert, merging several matching contacts first. */
    Merge
}
