package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** A Genesys Cloud external organization (ExternalOrganization, seed 003). Fields this class does not declare are kept (GenesysModel). */
public class ExternalOrganization extends GenesysModel {

    private String id;
    private String name;
    private String companyType;
    private String industry;
    private Long employeeCount;
    private Long revenue;
    private List<String> websites;
    private List<Map<String, Object>> tickers;
    private List<String> tags;
    private PhoneNumber phoneNumber;
    private PhoneNumber faxNumber;
    private ContactAddress address;
    private TwitterId twitterId;
    private String externalSystemUrl;
    private List<Map<String, Object>> externalIds;
    private List<ContactIdentifier> identifiers;
    private Map<String, Object> trustor;
    private Map<String, Object> customFields;
    private Map<String, Object> schema;
    private List<Map<String, Object>> externalDataSources;
    private Map<String, Object> division;
    private String createDate;
    private String modifyDate;
    private String selfUri;

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

    public String getCompanyType() {
        return companyType;
    }

    public void setCompanyType(String companyType) {
        this.companyType = companyType;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public Long getEmployeeCount() {
        return employeeCount;
    }

    public void setEmployeeCount(Long employeeCount) {
        this.employeeCount = employeeCount;
    }

    public Long getRevenue() {
        return revenue;
    }

    public void setRevenue(Long revenue) {
        this.revenue = revenue;
    }

    public List<String> getWebsites() {
        return websites;
    }

    public void setWebsites(List<String> websites) {
        this.websites = websites;
    }

    public List<Map<String, Object>> getTickers() {
        return tickers;
    }

    public void setTickers(List<Map<String, Object>> tickers) {
        this.tickers = tickers;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public PhoneNumber getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(PhoneNumber phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public PhoneNumber getFaxNumber() {
        return faxNumber;
    }

    public void setFaxNumber(PhoneNumber faxNumber) {
        this.faxNumber = faxNumber;
    }

    public ContactAddress getAddress() {
        return address;
    }

    public void setAddress(ContactAddress address) {
        this.address = address;
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

    public Map<String, Object> getTrustor() {
        return trustor;
    }

    public void setTrustor(Map<String, Object> trustor) {
        this.trustor = trustor;
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
}
