package io.camelgenesys.statistics.model;

import java.util.ArrayList;
import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/** A subscription and the current values of its statistics (create a subscription, get its values). */
public class StatisticData extends GenesysModel {

    private String subscriptionId;
    private String operationId;
    private List<StatisticValue> statistics = new ArrayList<>();

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getOperationId() {
        return operationId;
    }

    public void setOperationId(String operationId) {
        this.operationId = operationId;
    }

    public List<StatisticValue> getStatistics() {
        return statistics;
    }

    public void setStatistics(List<StatisticValue> statistics) {
        this.statistics = statistics != null ? statistics : new ArrayList<>();
    }

    @Override
    public String toString() {
        return "StatisticData[subscriptionId=" + subscriptionId + ", " + statistics.size() + " statistics]";
    }
}
