package io.camelgenesys.contacts.model;

import java.util.Map;

import io.camelgenesys.core.json.GenesysModel;

/** A cluster of the identity graph (Cluster of the SDK): external contacts of one division that share identifiers (the {@code graph}: contact and identifier vertices and the edges between them), found by a cluster scan and merged into one contact by mergeCluster ({@code mergeInfo}). Fields this class does not declare are kept (GenesysModel). */
public class Cluster extends GenesysModel {

    private String id;
    private Map<String, Object> division;
    private ClusterScan clusterScan;
    private Map<String, Object> mergeInfo;
    private Map<String, Object> graph;
    private String dateCreated;
    private String selfUri;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Map<String, Object> getDivision() {
        return division;
    }

    public void setDivision(Map<String, Object> division) {
        this.division = division;
    }

    public ClusterScan getClusterScan() {
        return clusterScan;
    }

    public void setClusterScan(ClusterScan clusterScan) {
        this.clusterScan = clusterScan;
    }

    public Map<String, Object> getMergeInfo() {
        return mergeInfo;
    }

    public void setMergeInfo(Map<String, Object> mergeInfo) {
        this.mergeInfo = mergeInfo;
    }

    public Map<String, Object> getGraph() {
        return graph;
    }

    public void setGraph(Map<String, Object> graph) {
        this.graph = graph;
    }

    public String getDateCreated() {
        return dateCreated;
    }

    public void setDateCreated(String dateCreated) {
        this.dateCreated = dateCreated;
    }

    public String getSelfUri() {
        return selfUri;
    }

    public void setSelfUri(String selfUri) {
        this.selfUri = selfUri;
    }
}
