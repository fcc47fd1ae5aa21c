package io.camelgenesys.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.camelgenesys.simulator.GenesysSimulator;

/**
 * The ids of the genesys-stats consumer's subscription on the simulator ({@code sim.statistics()}), so that the
 * updates the benchmark publishes carry them and reach the consumer's route (it tells its updates apart by
 * {@code subscriptionId}).
 */
final class StatsSubscriptions {

    private StatsSubscriptions() {
    }

    /** Waits until exactly one subscription with statistics is open, and returns its ids. */
    static StatsDeliveryBenchmark.SubscriptionIds await(GenesysSimulator sim, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> ids = sim.statistics().subscriptionIds();
            if (ids.size() > 1) {
                throw new IllegalStateException("Expected only the genesys-stats consumer's subscription, found "
                                                + ids);
            }
            if (ids.size() == 1) {
                String id = ids.iterator().next();
                List<String> statistics = sim.statistics().statisticIds(id);
                if (!statistics.isEmpty()) {
                    return new StatsDeliveryBenchmark.SubscriptionIds(id, statistics);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The genesys-stats consumer opened no subscription within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
