package io.camelgenesys.core.test;

import java.util.List;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysConnections;
import org.apache.camel.CamelContext;
import org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy;

/**
 * What the selector threads of a connection's Jetty client did, from Jetty's own counters: a read whose callback is
 * non-blocking for Jetty is run by the selector thread that saw the bytes ("produce-consume", counted by
 * {@link AdaptiveExecutionStrategy#getPCTasksConsumed()}); any other read is handed to a pool thread (the other
 * counters). Core's connector makes the reads of its HTTP/1.1 connections non-blocking, not those of an upgraded
 * connection (a WebSocket).
 */
public final class SelectorReads {

    private final List<AdaptiveExecutionStrategy> strategies;

    private SelectorReads(List<AdaptiveExecutionStrategy> strategies) {
        if (strategies.isEmpty()) {
            throw new AssertionError("the Jetty client has no selector (is it started?)");
        }
        this.strategies = strategies;
    }

    /** The selectors of the one connection of a context (the test opened exactly one). */
    public static SelectorReads ofOnlyConnection(CamelContext context) {
        List<GenesysConnection> connections = GenesysConnections.of(context).connections();
        if (connections.size() != 1) {
            throw new AssertionError("expected one connection, found " + connections);
        }
        return new SelectorReads(List.copyOf(connections.get(0).http().jetty()
                .getContainedBeans(AdaptiveExecutionStrategy.class)));
    }

    /** Tasks the selector threads ran themselves (non-blocking reads and writes completed inline). */
    public long onSelector() {
        return strategies.stream().mapToLong(AdaptiveExecutionStrategy::getPCTasksConsumed).sum();
    }

    /** Tasks handed to, or run while handing the selector to, pool threads (Jetty's blocking tasks). */
    public long offSelector() {
        return strategies.stream().mapToLong(s -> s.getPECTasksExecuted() + s.getEPCTasksConsumed()
                                                  + s.getPICTasksExecuted()).sum();
    }

    @Override
    public String toString() {
        return "SelectorReads[onSelector=" + onSelector() + ", offSelector=" + offSelector() + "]";
    }
}
