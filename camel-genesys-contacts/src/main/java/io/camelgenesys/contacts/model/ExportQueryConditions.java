package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** What an export selects (the *ExportQueryConditions of the SDK): filters (eq, in, lte, gte, and, or, not, as the SDK's *ExportFilter) and a row limit. Fields this class does not declare are kept (GenesysModel). */
public class ExportQueryConditions extends GenesysModel {

    private Map<String, Object> filters;
    private Long limit;

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public Long getLimit() {
        return limit;
    }

    public void setLimit(Long limit) {
        this.limit = limit;
    }
}
