package io.camelgenesys.contacts.model;

/** A page of import jobs (ContactImportJobEntityListing of the SDK), with its cursors. */
public class ImportJobListing extends Listing<ContactImportJob> {

    private Cursors cursors;

    public Cursors getCursors() {
        return cursors;
    }

    public void setCursors(Cursors cursors) {
        this.cursors = cursors;
    }
}
