package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** A phone number of a contact or organization (PhoneNumber in the Genesys Cloud SDK). Fields this class does not declare are kept (GenesysModel). */
public class PhoneNumber extends GenesysModel {

    private String display;
    private Long extension;
    private Boolean acceptsSMS;
    private String normalizationCountryCode;
    private String userInput;
    private String e164;
    private String countryCode;

    public String getDisplay() {
        return display;
    }

    public void setDisplay(String display) {
        this.display = display;
    }

    public Long getExtension() {
        return extension;
    }

    public void setExtension(Long extension) {
        this.extension = extension;
    }

    public Boolean getAcceptsSMS() {
        return acceptsSMS;
    }

    public void setAcceptsSMS(Boolean acceptsSMS) {
        this.acceptsSMS = acceptsSMS;
    }

    public String getNormalizationCountryCode() {
        return normalizationCountryCode;
    }

    public void setNormalizationCountryCode(String normalizationCountryCode) {
        this.normalizationCountryCode = normalizationCountryCode;
    }

    public String getUserInput() {
        return userInput;
    }

    public void setUserInput(String userInput) {
        this.userInput = userInput;
    }

    public String getE164() {
        return e164;
    }

    public void setE164(String e164) {
        this.e164 = e164;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }
}
