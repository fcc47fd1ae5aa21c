package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** A Genesys Cloud external contact (ExternalContact, seed 003). Fields this class does not declare are kept (GenesysModel). */
public class ExternalContact extends GenesysModel {

    private String id;
    private String firstName;
    private String middleName;
    private String lastName;
    private String salutation;
    private String title;
    private PhoneNumber workPhone;
    private PhoneNumber cellPhone;
    private PhoneNumber homePhone;
    private PhoneNumber otherPhone;
    private String workEmail;
    private String personalEmail;
    private String otherEmail;
    private ContactAddress address;
    private TwitterId twitterId;
    private Map<String, Object> lineId;
    private Map<String, Object> whatsAppId;
    private Map<String, Object> facebookId;
    private Map<String, Object> instagramId;
    private List<Map<String, Object>> appleOpaqueIds;
    private ExternalOrganization externalOrganization;
    private String type;
    private Boolean surveyOptOut;
    private String externalSystemUrl;
    private List<Map<String, Object>> externalIds;
    private List<ContactIdentifier> identifiers;
    private Map<String, Object> customFields;
    private Map<String, Object> schema;
    private List<Map<String, Object>> externalDataSources;
    private Map<String, Object> canonicalContact;
    private Map<String, Object> mergeOperation;
    private Map<String, Object> division;
    private List<Map<String, Object>> mergedFrom;
    private Map<String, Object> mergedTo;
    private List<Map<String, Object>> mergeSet;
    private String createDate;
    private String modifyDate;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getSalutation() {
        return salutation;
    }

    public void setSalutation(String salutation) {
        this.salutation = salutation;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public PhoneNumber getWorkPhone() {
        return workPhone;
    }

    public void setWorkPhone(PhoneNumber workPhone) {
        this.workPhone = workPhone;
    }

    public PhoneNumber getCellPhone() {
        return cellPhone;
    }

    public void setCellPhone(PhoneNumber cellPhone) {
        this.cellPhone = cellPhone;
    }

    public PhoneNumber getHomePhone() {
        return homePhone;
    }

    public void setHomePhone(PhoneNumber homePhone) {
        this.homePhone = homePhone;
    }

    public PhoneNumber getOtherPhone() {
        return otherPhone;
    }

    public void setOtherPhone(PhoneNumber otherPhone) {
        this.otherPhone = otherPhone;
    }

    public String getWorkEmail() {
        return workEmail;
    }

    public void setWorkEmail(String workEmail) {
        this.workEmail = workEmail;
    }

    public String getPersonalEmail() {
        return personalEmail;
    }

    public void setPersonalEmail(String personalEmail) {
        this.personalEmail = personalEmail;
    }

    public String getOtherEmail() {
        return otherEmail;
    }

    public void setOtherEmail(String otherEmail) {
        this.otherEmail = otherEmail;
    }

    public ContactAddress getAddress() {
        return address;
    }

    public void setAddress(ContactAddress address) {
        this.address = address;
    }

    public ExternalOrganization getExternalOrganization() {
        return externalOrganization;
    }

    public void setExternalOrganization(ExternalOrganization externalOrganization) {
        this.externalOrganization = externalOrganization;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Boolean getSurveyOptOut() {
        return surveyOptOut;
    }

    public void setSurveyOptOut(Boolean surveyOptOut) {
        this.surveyOptOut = surveyOptOut;
    }

    public String getExternalSystemUrl() {
        return externalSystemUrl;
    }

    public void setExternalSystemUrl(String externalSystemUrl) {
        this.externalSystemUrl = externalSystemUrl;
    }

    public List<Map<String, Object>> getExternalIds() {
        return externalIds;
    }

    public void setExternalIds(List<Map<String, Object>> externalIds) {
        this.externalIds = externalIds;
    }

    public List<ContactIdentifier> getIdentifiers() {
        return identifiers;
    }

    public void setIdentifiers(List<ContactIdentifier> identifiers) {
        this.identifiers = identifiers;
    }

    public Map<String, Object> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(Map<String, Object> customFields) {
        this.customFields = customFields;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }

    public List<Map<String, Object>> getMergedFrom() {
        return mergedFrom;
    }

    public void setMergedFrom(List<Map<String, Object>> mergedFrom) {
        this.mergedFrom = mergedFrom;
    }

    public Map<String, Object> getMergedTo() {
        return mergedTo;
    }

    public void setMergedTo(Map<String, Object> mergedTo) {
        this.mergedTo = mergedTo;
    }

    public List<Map<String, Object>> getMergeSet() {
        return mergeSet;
    }

    public void setMergeSet(List<Map<String, Object>> mergeSet) {
        this.mergeSet = mergeSet;
    }

    public String getCreateDate() {
        return createDate;
    }

    public void setCreateDate(String createDate) {
        this.createDate = createDate;
    }

    public String getModifyDate() {
        return modifyDate;
    }

    public void setModifyDate(String modifyDate) {
        this.modifyDate = modifyDate;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }

    public TwitterId getTwitterId() {
        return twitterId;
    }

    public void setTwitterId(TwitterId twitterId) {
        this.twitterId = twitterId;
    }

    public Map<String, Object> getLineId() {
        return lineId;
    }

    public void setLineId(Map<String, Object> lineId) {
        this.lineId = lineId;
    }

    public Map<String, Object> getWhatsAppId() {
        return whatsAppId;
    }

    public void setWhatsAppId(Map<String, Object> whatsAppId) {
        this.whatsAppId = whatsAppId;
    }

    public Map<String, Object> getFacebookId() {
        return facebookId;
    }

    public void setFacebookId(Map<String, Object> facebookId) {
        this.facebookId = facebookId;
    }

    public Map<String, Object> getInstagramId() {
        return instagramId;
    }

    public void setInstagramId(Map<String, Object> instagramId) {
        this.instagramId = instagramId;
    }

    public List<Map<String, Object>> getAppleOpaqueIds() {
        return appleOpaqueIds;
    }

    public void setAppleOpaqueIds(List<Map<String, Object>> appleOpaqueIds) {
        this.appleOpaqueIds = appleOpaqueIds;
    }

    public Map<String, Object> getSchema() {
        return schema;
    }

    public void setSchema(Map<String, Object> schema) {
        this.schema = schema;
    }

    public List<Map<String, Object>> getExternalDataSources() {
        return externalDataSources;
    }

    public void setExternalDataSources(List<Map<String, Object>> externalDataSources) {
        this.externalDataSources = externalDataSources;
    }

    public Map<String, Object> getCanonicalContact() {
        return canonicalContact;
    }

    public void setCanonicalContact(Map<String, Object> canonicalContact) {
        this.canonicalContact = canonicalContact;
    }

    public Map<String, Object> getMergeOperation() {
        return mergeOperation;
    }

    public void setMergeOperation(Map<String, Object> mergeOperation) {
        this.mergeOperation = mergeOperation;
    }
}
