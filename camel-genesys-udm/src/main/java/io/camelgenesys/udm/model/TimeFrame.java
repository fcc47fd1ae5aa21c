package io.camelgenesys.udm.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * What a job exports (TimeFrame, seed 002 L9536-9541): everything, or the interactions from dateFrom to dateTo
 * (ISO-8601 date-times or dates, kept as text: the seed gives no format).
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 */
public class TimeFrame extends GenesysModel {

    private Boolean all;
    private String dateFrom;
    private String dateTo;

    public Boolean getAll() {
        return all;
    }

    public void setAll(Boolean all) {
        this.all = all;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }

    public void setDateTo(String dateTo) {
        this.dateTo = dateTo;
    }
}
