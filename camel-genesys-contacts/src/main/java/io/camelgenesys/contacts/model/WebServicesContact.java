package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** An Engage Web Services contact (seeds 001 and 004): Custom, Queue or User. Fields this class does not declare are kept (GenesysModel). */
public class WebServicesContact extends GenesysModel {

    private String id;
    private String name;
    private String type;
    private String phoneNumber;
    private List<WebServicesPhoneNumber> phoneNumbers;
    private String userName;
    private String firstName;
    private String lastName;
    private String employeeId;
    private String emailAddress;
    private WebServicesAvailability availability;
    private List<Object> businessUnits;
    private List<String> roles;
    private String uri;
    private String path;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public List<WebServicesPhoneNumber> getPhoneNumbers() {
        return phoneNumbers;
    }

    public void setPhoneNumbers(List<WebServicesPhoneNumber> phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public WebServicesAvailability getAvailability() {
        return availability;
    }

    public void setAvailability(WebServicesAvailability availability) {
        this.availability = availability;
    }

    public List<Object> getBusinessUnits() {
        return businessUnits;
    }

    public void setBusinessUnits(List<Object> businessUnits) {
        this.businessUnits = businessUnits;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
