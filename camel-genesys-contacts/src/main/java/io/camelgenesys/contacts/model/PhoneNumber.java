package io.camelgenesys.contacts.model;

import java.util.regex.Pattern;

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

    /** E.164: a + and 7 to 15 digits, the first not 0 (the formatting characters removed). */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /**
     * A phone number from its text, as a CRM column or a CSV holds it: an E.164 number, formatted or not
     * ({@code +15551234567}, {@code +1 (555) 123-4567}, {@code +44 20 7946 0958}), sets {@code e164} without its
     * spaces, dashes, dots and parentheses; any other text ({@code 555-0100}, {@code 020 7946 0958}) sets
     * {@code display} as given, for Genesys to normalize with {@code normalizationCountryCode}. Used by the
     * {@code String} to {@code PhoneNumber} type converter, by the mapping of a row to a contact
     * ({@code workPhone="+15551234567"}) and by Jackson for a phone given as text.
     */
    public static PhoneNumber valueOf(String text) {
        PhoneNumber phone = new PhoneNumber();
        String given = text.trim();
        String compact = given.replaceAll("[\\s().-]", "");
        if (E164.matcher(compact).matches()) {
            phone.setE164(compact);
        } else {
            phone.setDisplay(given);
        }
        return phone;
    }
}
