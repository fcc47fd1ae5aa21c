package io.camelgenesys.benchmarks;

import java.time.Duration;

import io.camelgenesys.simulator.GenesysSimulator;

/** The ids of the genesys-stats consumer's subscription on the simulator, so published updates reach it. */
final class StatsSubscriptions {

    private StatsSubscriptions() {
    }

    static StatsDeliveryBenchmark.SubscriptionIds await(GenesysSimulator sim, Duration timeout) {
        // TODO replace with the simulator's Statistics API once it lands
        return new StatsDeliveryBenchmark.SubscriptionIds(StatsDeliveryBenchmark.PLACEHOLDER_SUBSCRIPTION,
                java.util.List.of(StatsDeliveryBenchmark.PLACEHOLDER_STATISTIC));
    }
}
