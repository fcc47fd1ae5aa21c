package io.camelgenesys.statistics.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/**
 * The value of one statistic of a subscription: a {@link PeekedStatisticValue} with the {@code statisticId} the
 * subscription gave it ({@code name} only for pre-configured statistics).
 */
public class StatisticValue extends PeekedStatisticValue {

    private String statisticId;

    /**
     * The {@code subscriptionId} a notification gave this value, not yet in the additional properties: every notified
     * value has one, and most are only read for their value, so the map is made when it is first asked for.
     */
    private String deferredSubscriptionId;

    public String getStatisticId() {
        return statisticId;
    }

    public void setStatisticId(String statisticId) {
        this.statisticId = statisticId;
    }

    /**
     * Sets the {@code subscriptionId} additional property as the first one, without creating the map until it is
     * read: {@link #getAdditionalProperties()} (and JSON) shows it exactly as {@code setAdditionalProperty} would.
     * Only valid before any other additional property is set (the notification decoder's case).
     */
    public void deferSubscriptionId(String subscriptionId) {
        this.deferredSubscriptionId = subscriptionId;
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        Map<String, Object> map = super.getAdditionalProperties();
        if (deferredSubscriptionId != null) {
            String id = deferredSubscriptionId;
            deferredSubscriptionId = null;
            map.put("subscriptionId", id);
        }
        return map;
    }

    @Override
    String describe() {
        return (statisticId != null ? statisticId + " " : "") + super.describe();
    }
}
