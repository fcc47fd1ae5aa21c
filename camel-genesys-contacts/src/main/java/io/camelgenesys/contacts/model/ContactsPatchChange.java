package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** One change of a patch (ContactsPatchChange of the Genesys Cloud SDK): {@code field} a dot-notation JSONPath from the contact's root ({@code $.title}, {@code $.address.city}), {@code value} the value to apply, {@code action} one of UpdateIfEmpty, UpdateIfExists, Update, AppendToCollection, Remove, RemoveFromCollection. Fields this class does not declare are kept (GenesysModel). */
public class ContactsPatchChange extends GenesysModel {

    private String field;
    private Object value;
    private String action;

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public Object getValue() {
        return value;
    }

    public void setValue(Object value) {
        this.value = value;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
