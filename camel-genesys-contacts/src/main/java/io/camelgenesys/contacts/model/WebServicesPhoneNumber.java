package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A Web Services contact phone number and the switch that owns it (seed 004). Fields this class does not declare are kept (GenesysModel). */
public class WebServicesPhoneNumber extends GenesysModel {

    private String phoneNumber;
    private String description;
    private String switchName;

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSwitchName() {
        return switchName;
    }

    public void setSwitchName(String switchName) {
        this.switchName = switchName;
    }
}
