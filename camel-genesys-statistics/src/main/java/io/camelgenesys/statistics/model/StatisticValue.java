package io.camelgenesys.statistics.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The value of one statistic at {@code timestamp} (epoch milliseconds, set by Stat Server). {@code value}'s
 * structure reflects the Stat Server message (a Map). {@code statisticId} is set for statistics of a subscription;
 * {@code name} only for pre-configured statistics.
 */
public class StatisticValue extends GenesysModel {

    private String statisticId;
    private String name;
    private String objectType;
    private String objectId;
    private Object value;
    private Long timestamp;

    public String getStatisticId() {
        return statisticId;
    }

    public void setStatisticId(String statisticId) {
        this.statisticId = statisticId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public Object getValue() {
        return value;
    }

    public void setValue(Object value) {
        this.value = value;
    }

    public Long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return "StatisticValue[" + (statisticId != null ? statisticId + " " : "") + name + ":" + objectType + ":"
               + objectId + "=" + value + " @" + timestamp + "]";
    }
}
