package io.camelgenesys.statistics;

import io.camelgenesys.simulator.Cometd;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 10 item 4: against a server that ties a subscription to the CometD session by its cookie (the simulator's
 * session affinity), the REST call that creates the subscription must carry the CometD session's cookie, as the
 * official clients' shared cookie jar does; otherwise the consumer receives nothing.
 */
class StatisticsSessionCookieTest extends StatisticsConsumerTestSupport {

    @AfterEach
    void affinityOff() {
        sim().statistics().setSessionAffinity(false);
    }

    @Test
    void theSubscriptionIsCreatedWithTheCometdSessionCookieSoItsUpdatesArrive() throws Exception {
        sim().statistics().setSessionAffinity(true);
        StatisticsConsumer consumer = route("r1", subscribe("initialValues=false&statistics=" + TWO_STATS), "mock:stats");
        String id = awaitSubscription(consumer);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, sim().statistics().publishUpdates());
        }
        MockEndpoint mock = getMockEndpoint("mock:stats");
        awaitCount("three updates of two statistics", () -> updatesOf(mock, id).size() == 6);
        assertStays("nothing else", 6, mock::getReceivedCounter);
        assertEquals(HealthCheck.State.UP, health("r1").getState());
        String cookie = sim().statistics().cookieOf(id);
        assertNotNull(cookie, "the create carried the " + Cometd.BROWSER_COOKIE + " cookie of the CometD session");
        String sent = sim().requests().lastHeader("/statistics/v3/notifications/connect", "Cookie");
        assertEquals(Cometd.BROWSER_COOKIE + "=" + cookie, sent, "one cookie, sent once, on the CometD requests too");

        // a new CometD session keeps the cookie, so the subscription keeps reaching it
        sim().cometd().dropAllSessions();
        awaitCount("a new session", () -> consumer.notifications().handshakeCount() == 2);
        awaitCount("the channels subscribed again", () -> sim().cometd().subscriberCount(StatisticsConsumer.UPDATES) == 1);
        assertEquals(1, sim().statistics().publishUpdates());
        awaitCount("the update after the new session", () -> updatesOf(mock, id).size() == 8);
    }
}
