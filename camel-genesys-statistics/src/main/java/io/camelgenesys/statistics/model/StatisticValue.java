package io.camelgenesys.statistics.model;

/**
 * The value of one statistic of a subscription: a {@link PeekedStatisticValue} with the {@code statisticId} the
 * subscription gave it ({@code name} only for pre-configured statistics).
 */
public class StatisticValue extends PeekedStatisticValue {

    private String statisticId;

    public String getStatisticId() {
        return statisticId;
    }

    public void setStatisticId(String statisticId) {
        this.statisticId = statisticId;
    }

    @Override
    String describe() {
        return (statisticId != null ? statisticId + " " : "") + super.describe();
    }
}
