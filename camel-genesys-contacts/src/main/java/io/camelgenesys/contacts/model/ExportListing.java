package io.camelgenesys.contacts.model;

/** A page of exports (ContactsExportListing and the notes, organizations and relationships ones of the SDK). */
public class ExportListing extends Listing<EntitiesExport> {
}
