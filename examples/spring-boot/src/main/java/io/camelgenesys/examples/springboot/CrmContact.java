package io.camelgenesys.examples.springboot;

import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.PhoneNumber;

/** A contact as the CRM posts it to {@code POST /crm/contacts}; {@code crmId} is its id in the CRM. */
public record CrmContact(String crmId, String firstName, String lastName, String email, String phone) {

    /** The Genesys Cloud external contact (the CRM id travels as the ExternalId identifier, not in the contact). */
    public ExternalContact toGenesys() {
        ExternalContact contact = new ExternalContact();
        contact.setFirstName(firstName);
        contact.setLastName(lastName);
        contact.setWorkEmail(email);
        if (phone != null && !phone.isBlank()) {
            PhoneNumber workPhone = new PhoneNumber();
            workPhone.setDisplay(phone);
            contact.setWorkPhone(workPhone);
        }
        return contact;
    }
}
