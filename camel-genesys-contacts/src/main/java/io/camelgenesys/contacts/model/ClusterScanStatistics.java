package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** What a cluster scan found (ClusterScanStatistics of the SDK): {@code aggregated} holds totalClusters, totalAutomaticMergeSuccesses and totalAutomaticMergeFailures. Fields this class does not declare are kept (GenesysModel). */
public class ClusterScanStatistics extends GenesysModel {

    private Map<String, Object> aggregated;
    private String selfUri;

    public Map<String, Object> getAggregated() {
        return aggregated;
    }

    public void setAggregated(Map<String, Object> aggregated) {
        this.aggregated = aggregated;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
