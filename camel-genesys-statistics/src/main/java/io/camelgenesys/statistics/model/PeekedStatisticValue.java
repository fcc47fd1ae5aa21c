package io.camelgenesys.statistics.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * The value of one pre-configured statistic of one object at {@code timestamp} (epoch milliseconds, set by Stat
 * Server), as getValue and getValues answer it (seed 002 and genesys-statistics-client-js: PeekedStatisticValue, which
 * has no statisticId). {@code value}'s structure reflects the Stat Server message (a Map).
 */
public class PeekedStatisticValue extends GenesysModel {

    private String name;
    private String objectType;
    private String objectId;
    private Object value;
    private Long timestamp;

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
        return getClass().getSimpleName() + "[" + describe() + "]";
    }

    String describe() {
        return name + ":" + objectType + ":" + objectId + "=" + value + " @" + timestamp;
    }
}
