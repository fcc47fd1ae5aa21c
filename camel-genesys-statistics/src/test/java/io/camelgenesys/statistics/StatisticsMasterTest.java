package io.camelgenesys.statistics;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelgenesys.statistics.StatisticsConsumerTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code master:} with a file-lock cluster service and two CamelContexts (two application instances): one
 * subscriber; stopping the leader moves the subscription to the standby.
 */
class StatisticsMasterTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    @TempDir
    Path clusterRoot;

    private CamelContext one;
    private CamelContext two;

    @AfterEach
    void stopContexts() {
        for (CamelContext c : new CamelContext[] { one, two }) {
            if (c != null) {
                c.stop();
            }
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails instead of blocking the build
    void oneSubscriberAndTheStandbyTakesOverWhenTheLeaderStops() throws Exception {
        GenesysSimulator sim = SIM.simulator();
        one = instance("one");
        two = instance("two");
        one.start();
        two.start();

        await("exactly one live subscription", 15_000, () -> sim.statistics().subscriptionCount() == 1
                                                             && (received(one) > 0 || received(two) > 0));
        CamelContext leader = received(one) > 0 ? one : two;
        CamelContext standby = leader == one ? two : one;
        String first = sim.statistics().subscriptionIds().iterator().next();
        assertEquals(1, sim.statistics().publishUpdates());
        await("the leader's update", 10_000, () -> received(leader) == 2);
        assertEquals(0, received(standby), "the standby does not subscribe");

        leader.stop();

        await("the standby's subscription", 20_000, () -> sim.statistics().subscriptionCount() == 1
                                                          && !sim.statistics().subscriptionIds().contains(first)
                                                          && received(standby) == 1);
        String second = sim.statistics().subscriptionIds().iterator().next();
        assertNotEquals(first, second);
        assertEquals(1, sim.statistics().publishUpdates());
        await("the standby's update", 10_000, () -> received(standby) == 2);
        assertEquals(Set.of(second), sim.statistics().subscriptionIds(), "nothing left of the old leader");
        MockEndpoint mock = standby.getEndpoint("mock:stats", MockEndpoint.class);
        assertEquals(List.of(StatisticsConstants.INITIAL_VALUES, StatisticsConstants.STATISTIC_UPDATE),
                mock.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(StatisticsConstants.EVENT_TYPE))
                        .toList());
    }

    private CamelContext instance(String name) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("cluster-" + name);
        cluster.setRoot(clusterRoot.toString());
        // Camel's default delay: FileLockClusterView (4.14.0) can deadlock when the lock is taken while the master
        // consumer registers its listener, which a very short first delay makes likely
        cluster.setAcquireLockDelay(1, TimeUnit.SECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        String uri = "master:statistics:genesys-stats:subscribe?" + SimulatorSupport.multicloud(SIM.simulator())
                     + "&statistics=CurrentAgentState:Agent:agent2";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("stats").to("mock:stats");
            }
        });
        return context;
    }

    private static int received(CamelContext context) {
        return context.getEndpoint("mock:stats", MockEndpoint.class).getReceivedCounter();
    }
}
