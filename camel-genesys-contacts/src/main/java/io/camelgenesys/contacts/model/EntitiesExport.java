package io.camelgenesys.contacts.model;

import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** An export of contacts, notes, organizations or relationships (ContactsExport, NotesExport, OrganizationsExport, RelationshipsExport of the SDK, which have the same fields): its status and, once done, its download link. Fields this class does not declare are kept (GenesysModel). */
public class EntitiesExport extends GenesysModel {

    private String id;
    private List<String> divisionIds;
    private DivisionRef createdBy;
    private String dateCreated;
    private String dateCompletion;
    private String status;
    private String downloadUrl;
    private Long resultRowCount;
    private ExportQueryConditions queryConditions;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<String> getDivisionIds() {
        return divisionIds;
    }

    public void setDivisionIds(List<String> divisionIds) {
        this.divisionIds = divisionIds;
    }

    public DivisionRef getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(DivisionRef createdBy) {
        this.createdBy = createdBy;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getDateCompletion() {
        return dateCompletion;
    }

    public void setDateCompletion(String dateCompletion) {
        this.dateCompletion = dateCompletion;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDownloadUrl() {
        return downloadUrl;
    }

    public void setDownloadUrl(String downloadUrl) {
        this.downloadUrl = downloadUrl;
    }

    public Long getResultRowCount() {
        return resultRowCount;
    }

    public void setResultRowCount(Long resultRowCount) {
        this.resultRowCount = resultRowCount;
    }

    public ExportQueryConditions getQueryConditions() {
        return queryConditions;
    }

    public void setQueryConditions(ExportQueryConditions queryConditions) {
        this.queryConditions = queryConditions;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
