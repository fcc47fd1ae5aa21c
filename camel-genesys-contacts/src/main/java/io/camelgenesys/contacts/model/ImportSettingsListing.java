package io.camelgenesys.contacts.model;

/** A page of import settings (ContactImportSettingsEntityListing of the SDK), with its cursors. */
public class ImportSettingsListing extends Listing<ContactImportSettings> {

    private Cursors cursors;

    public Cursors getCursors() {
        return cursors;
    }

    public void setCursors(Cursors cursors) {
        this.cursors = cursors;
    }
}
