package io.camelgenesys.benchmarks.soak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.Statistics;
import io.camelgenesys.statistics.StatisticsConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * What the simulator's CometD server sent to the statistics consumers' session, and what reached the routes.
 * <p>
 * <b>Sent</b>: every statistic value in a {@code StatisticUpdate} the server dequeued for a session, i.e. wrote into
 * a {@code /meta/connect} answer ({@link ServerSession.DeQueueListener}). A value published while no session was
 * subscribed (a CometD restart, an outage) is not sent; the consumer re-reads the current values instead.
 * <p>
 * <b>Delivered</b>: every exchange of a {@code genesys-stats:subscribe} route, with its statistic id, subscription
 * id, event type ({@code InitialValues} or {@code StatisticUpdate}), timestamp and value.
 * <p>
 * Per statistic id (each consumer's ids are its own UUIDs, kept across the subscriptions it creates):
 * <ul>
 * <li><b>lost</b>: a value sent to the session that never reached the route, unless the route got a newer one
 * (later timestamp) as {@code InitialValues}: the documented recovery, whose re-read value may overtake an update
 * still on its way, which is then dropped as not newer;</li>
 * <li><b>duplicated</b>: a value (timestamp and value) delivered right after itself, unless it is the documented
 * re-statement: an {@code InitialValues} after a recovery (a CometD re-subscription, a service state change, or a
 * new subscription id) since the one before;</li>
 * <li><b>backwards</b>: a value whose timestamp is older than the one delivered before it.</li>
 * </ul>
 */
final class StatsLedger {

    /** One value, as sent or as delivered (values compared as text: the wire does not keep Integer vs Long). */
    record Value(long timestamp, String value) {
    }

    record Delivered(String subscriptionId, boolean initial, long timestamp, String value, long arrivalNanos) {
    }

    /** The verdict. */
    record Verdict(long sent, long delivered, long lost, long duplicated, long backwards, long restatements,
                   long supersededByInitialValues, List<String> examples) {
    }

    private final Map<String, Set<Value>> sent = new ConcurrentHashMap<>();
    private final Map<String, List<Delivered>> delivered = new ConcurrentHashMap<>();
    /** statisticId -> the route that delivered it. */
    private final Map<String, String> routeOf = new ConcurrentHashMap<>();
    private final List<Long> recoveries = new CopyOnWriteArrayList<>();
    private final LongAdder sentCount = new LongAdder();
    private final LongAdder deliveredCount = new LongAdder();

    /** Listens to the simulator's CometD server and Statistics publisher. */
    void attach(GenesysSimulator sim) {
        sim.cometd().addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionAdded(ServerSession session, ServerMessage message) {
                session.addListener((ServerSession.DeQueueListener) (s, queue) -> queue.forEach(m -> {
                    if (Statistics.UPDATES.equals(m.getChannel())) {
                        sent(m.getDataAsMap());
                    }
                }));
            }
        });
        sim.cometd().onSubscribe((session, channel) -> {
            if (Statistics.UPDATES.equals(channel)) {
                recoveries.add(System.nanoTime());
            }
        });
        sim.statistics().addPublishListener(p -> {
            if (Statistics.SERVICE.equals(p.channel())) {
                recoveries.add(p.nanos());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void sent(Map<String, Object> notification) {
        Map<String, Object> data = (Map<String, Object>) notification.get("data");
        if (data == null) {
            return;
        }
        Object statistics = data.get("statistics");
        List<Object> list = statistics instanceof Object[] array ? List.of(array)
                : statistics instanceof List<?> l ? (List<Object>) l : List.of();
        for (Object o : list) {
            Map<String, Object> entry = (Map<String, Object>) o;
            Object ts = entry.get("timestamp");
            if (entry.get("statisticId") instanceof String id && ts instanceof Number n) {
                sent.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet())
                        .add(new Value(n.longValue(), String.valueOf(entry.get("value"))));
                sentCount.increment();
            }
        }
    }

    /** The route's processor: records one exchange. */
    void delivered(String routeId, Exchange exchange) {
        Message m = exchange.getMessage();
        String statisticId = m.getHeader(StatisticsConstants.STATISTIC_ID, String.class);
        if (statisticId == null) {
            return;
        }
        Long timestamp = m.getHeader(StatisticsConstants.TIMESTAMP, Long.class);
        routeOf.putIfAbsent(statisticId, routeId);
        List<Delivered> list = delivered.computeIfAbsent(statisticId, k -> new ArrayList<>());
        synchronized (list) {
            list.add(new Delivered(m.getHeader(StatisticsConstants.VALUE_SUBSCRIPTION_ID, String.class),
                    StatisticsConstants.INITIAL_VALUES.equals(m.getHeader(StatisticsConstants.EVENT_TYPE)),
                    timestamp != null ? timestamp : -1, String.valueOf(m.getBody()), System.nanoTime()));
        }
        deliveredCount.increment();
    }

    long sentCount() {
        return sentCount.sum();
    }

    long deliveredCount() {
        return deliveredCount.sum();
    }

    /**
     * Whether every value sent so far reached the routes or was overtaken by a newer one: at the end of the run, once
     * the faults stopped, this must come true.
     */
    boolean caughtUp() {
        for (Map.Entry<String, Set<Value>> e : sent.entrySet()) {
            Value newest = null;
            for (Value v : e.getValue()) {
                if (newest == null || v.timestamp() > newest.timestamp()) {
                    newest = v;
                }
            }
            List<Delivered> d = snapshot(e.getKey());
            Value target = newest;
            if (target != null && d.stream().noneMatch(x -> x.timestamp() >= target.timestamp())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values one {@code StatisticUpdate} publication carried for the given subscriptions: statistic id to
     * timestamp. What {@link #reached} then waits for: a value published is only counted as sent once the server
     * dequeues it for a session, which may be after {@link #caughtUp()} was last true.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Long> published(Statistics.Publication publication, Set<String> subscriptionIds) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (!Statistics.UPDATES.equals(publication.channel())
            || !(publication.notification().get("data") instanceof Map<?, ?> data)
            || !(data.get("statistics") instanceof List<?> entries)) {
            return values;
        }
        for (Object o : entries) {
            Map<String, Object> entry = (Map<String, Object>) o;
            if (subscriptionIds.contains(entry.get("subscriptionId")) && entry.get("statisticId") instanceof String id
                && entry.get("timestamp") instanceof Number ts) {
                values.merge(id, ts.longValue(), Math::max);
            }
        }
        return values;
    }

    /**
     * Whether every statistic of {@code expected} reached a route with that timestamp or a later one (as an update or
     * as the {@code InitialValues} of a re-read, the documented recovery when the session was not subscribed).
     */
    boolean reached(Map<String, Long> expected) {
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            long timestamp = e.getValue();
            if (snapshot(e.getKey()).stream().noneMatch(d -> d.timestamp() >= timestamp)) {
                return false;
            }
        }
        return true;
    }

    /** Judges everything recorded, per statistic (see the class comment). */
    Verdict verdict() {
        long lost = 0;
        long duplicated = 0;
        long backwards = 0;
        long restatements = 0;
        long superseded = 0;
        long sentValues = 0;
        List<String> examples = new ArrayList<>();
        List<Long> recoveryTimes = List.copyOf(recoveries);
        Set<String> ids = new HashSet<>(sent.keySet());
        ids.addAll(delivered.keySet());
        for (String id : ids) {
            List<Delivered> d = snapshot(id);
            String route = routeOf.getOrDefault(id, "?");
            for (int i = 1; i < d.size(); i++) {
                Delivered before = d.get(i - 1);
                Delivered now = d.get(i);
                if (now.timestamp() < before.timestamp()) {
                    backwards++;
                    example(examples, route + " " + id + ": backwards, " + now + " after " + before);
                } else if (now.timestamp() == before.timestamp() && Objects.equals(now.value(), before.value())) {
                    if (isRestatement(before, now, recoveryTimes)) {
                        restatements++;
                    } else {
                        duplicated++;
                        example(examples, route + " " + id + ": duplicate, " + now + " after " + before);
                    }
                }
            }
            Set<Value> deliveredValues = new HashSet<>();
            d.forEach(x -> deliveredValues.add(new Value(x.timestamp(), x.value())));
            for (Value v : sent.getOrDefault(id, Set.of())) {
                sentValues++;
                if (deliveredValues.contains(v)) {
                    continue;
                }
                Delivered next = d.stream().filter(x -> x.timestamp() > v.timestamp()
                                                        || (x.timestamp() == v.timestamp()
                                                            && !Objects.equals(x.value(), v.value())))
                        .findFirst().orElse(null);
                if (next != null && next.initial()) {
                    superseded++;
                } else {
                    lost++;
                    example(examples, route + " " + id + ": lost " + v + ", next delivered " + next);
                }
            }
        }
        return new Verdict(sentValues, deliveredCount.sum(), lost, duplicated, backwards, restatements, superseded,
                examples);
    }

    private static boolean isRestatement(Delivered before, Delivered now, List<Long> recoveryTimes) {
        if (!now.initial()) {
            return false;
        }
        if (!Objects.equals(before.subscriptionId(), now.subscriptionId())) {
            return true;
        }
        return recoveryTimes.stream().anyMatch(r -> before.arrivalNanos() < r && r < now.arrivalNanos());
    }

    private List<Delivered> snapshot(String statisticId) {
        List<Delivered> d = delivered.get(statisticId);
        if (d == null) {
            return List.of();
        }
        synchronized (d) {
            return List.copyOf(d);
        }
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }

    /** Routes and how many values each received, for the report. */
    Map<String, Long> deliveredByRoute() {
        Map<String, Long> byRoute = new LinkedHashMap<>();
        delivered.forEach((id, list) -> {
            synchronized (list) {
                byRoute.merge(routeOf.getOrDefault(id, "?"), (long) list.size(), Long::sum);
            }
        });
        return byRoute;
    }

    /** Forgets everything recorded (after the verdict, before the last heap measurement). */
    void release() {
        sent.clear();
        delivered.clear();
        recoveries.clear();
    }
}
