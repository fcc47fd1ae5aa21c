package io.camelgenesys.examples;

import java.util.Map;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.PhoneNumber;

/** Maps a row of the CRM export (snake_case columns) to a Genesys Cloud external contact. */
public final class CrmContacts {

    private CrmContacts() {
    }

    public static ExternalContact toGenesysContact(Map<String, String> row) {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName(blankToNull(row.get("first_name")));
        contact.setLastName(blankToNull(row.get("last_name")));
        contact.setWorkEmail(blankToNull(row.get("email")));
        contact.setTitle(blankToNull(row.get("title")));
        String phone = blankToNull(row.get("phone"));
        if (phone != null) {
            PhoneNumber workPhone = new PhoneNumber();
            workPhone.setDisplay(phone);
            contact.setWorkPhone(workPhone);
        }
        return contact;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
