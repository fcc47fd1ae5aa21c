package io.camelgenesys.contacts.model;

/** A page of CSV settings (Listing of the SDK). */
public class CsvSettingsListing extends Listing<CsvSettings> {
}
