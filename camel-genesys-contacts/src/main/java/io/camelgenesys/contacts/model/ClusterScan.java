package io.camelgenesys.contacts.model;

import io.camelgenesys.core.json.GenesysModel;

/** One run of the identity graph's cluster scan (ClusterScan of the Genesys Cloud SDK): when it completed and, with {@code expand=statistics}, what it found. Fields this class does not declare are kept (GenesysModel). */
public class ClusterScan extends GenesysModel {

    private String id;
    private String dateCompleted;
    private ClusterScanStatistics statistics;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDateCompleted() {
        return dateCompleted;
    }

    public void setDateCompleted(String dateCompleted) {
        this.dateCompleted = dateCompleted;
    }

    public ClusterScanStatistics getStatistics() {
        return statistics;
    }

    public void setStatistics(ClusterScanStatistics statistics) {
        this.statistics = statistics;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
