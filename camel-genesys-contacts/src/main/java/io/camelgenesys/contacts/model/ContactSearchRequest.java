package io.camelgenesys.contacts.model;

import java.util.List;
import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** The body of searchContacts (ContactSearchRequest of the SDK): a page ({@code pageNumber}, {@code pageSize}), the divisions to search, the fields to expand and the search itself ({@code operation.simpleSearch}: {@code query}, {@code sortOrder}, {@code ids}). Fields this class does not declare are kept (GenesysModel). */
public class ContactSearchRequest extends GenesysModel {

    private Integer pageNumber;
    private Integer pageSize;
    private List<String> divisionIds;
    private List<String> expand;
    private Map<String, Object> operation;

    public Integer getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(Integer pageNumber) {
        this.pageNumber = pageNumber;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public List<String> getDivisionIds() {
        return divisionIds;
    }

    public void setDivisionIds(List<String> divisionIds) {
        this.divisionIds = divisionIds;
    }

    public List<String> getExpand() {
        return expand;
    }

    public void setExpand(List<String> expand) {
        this.expand = expand;
    }

    public Map<String, Object> getOperation() {
        return operation;
    }

    public void setOperation(Map<String, Object> operation) {
        this.operation = operation;
    }
}
