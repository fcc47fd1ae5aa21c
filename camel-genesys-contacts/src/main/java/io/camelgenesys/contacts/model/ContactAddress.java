package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A postal address of a contact or organization (ContactAddress in the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class ContactAddress extends GenesysModel {

    private String address1;
    private String address2;
    private String city;
    private String state;
    private String postalCode;
    private String countryCode;

    public String getAddress1() {
        return address1;
    }

    public void setAddress1(String address1) {
        this.address1 = address1;
    }

    public String getAddress2() {
        return address2;
    }

    public void setAddress2(String address2) {
        this.address2 = address2;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }
}
