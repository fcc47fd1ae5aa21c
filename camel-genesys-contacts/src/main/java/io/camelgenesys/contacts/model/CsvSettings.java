package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** CSV import settings (CsvSettings of the SDK): which CSV column goes to which contact field. Fields this class does not declare are kept (GenesysModel). */
public class CsvSettings extends GenesysModel {

    private String id;
    private String externalSettingsId;
    private List<CsvMappingEntry> mappings;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getExternalSettingsId() {
        return externalSettingsId;
    }

    public void setExternalSettingsId(String externalSettingsId) {
        this.externalSettingsId = externalSettingsId;
    }

    public List<CsvMappingEntry> getMappings() {
        return mappings;
    }

    public void setMappings(List<CsvMappingEntry> mappings) {
        this.mappings = mappings;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
