package io.camelgenesys.statistics.model;

import io.camelgenesys.core.json.GenesysModel;

/**
 * One statistic to read or to open in a subscription: a pre-configured statistic by {@code name}, or a full
 * {@link StatisticDefinition}, applied to the object {@code objectType}/{@code objectId} (Stat Server's terms).
 * {@code statisticId} identifies it inside a subscription (unique there); it is not used by get-statistic-ex.
 */
public class Statistic extends GenesysModel {

    private String statisticId;
    private String name;
    private String objectType;
    private String objectId;
    private StatisticDefinition definition;

    public Statistic() {
    }

    public Statistic(String name, String objectType, String objectId) {
        this.name = name;
        this.objectType = objectType;
        this.objectId = objectId;
    }

    /** A statistic computed from a full definition instead of a pre-configured name. */
    public static Statistic of(StatisticDefinition definition, String objectType, String objectId) {
        Statistic s = new Statistic(null, objectType, objectId);
        s.setDefinition(definition);
        return s;
    }

    public Statistic statisticId(String statisticId) {
        this.statisticId = statisticId;
        return this;
    }

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

    public StatisticDefinition getDefinition() {
        return definition;
    }

    public void setDefinition(StatisticDefinition definition) {
        this.definition = definition;
    }

    @Override
    public String toString() {
        return "Statistic[" + (statisticId != null ? statisticId + " " : "") + (name != null ? name : "definition")
               + ":" + objectType + ":" + objectId + "]";
    }
}
