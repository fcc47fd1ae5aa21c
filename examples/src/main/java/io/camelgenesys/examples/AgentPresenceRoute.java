package io.camelgenesys.examples;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;

/**
 * Agents' presence into a database table as Genesys Cloud pushes it: one
 * {@code genesys-notifications:v2.users.<id>.presence} consumer per agent of {@code example.presence.agents} (all on
 * the one notification channel of the credentials), each change written to {@code agent_presence} (a row per agent,
 * updated, or inserted the first time) in the example database ({@link CrmDatabase}: an embedded H2 by default).
 * After a gap in the notifications (the channel was down: Genesys does not replay), the agent's presence is read again
 * with {@code genesys-users:getPresence} before it is written, since the changes of the gap are lost. Left out when
 * {@code example.presence} is false, without agents, or without the database. With the embedded simulator, route
 * {@code simulated-presence} changes an agent's presence every {@code example.presence.change-interval} ms through
 * the API ({@code genesys-users:setPresence}), which Genesys (the simulator) then pushes.
 */
final class AgentPresenceRoute extends RouteBuilder {

    static final List<String> PRESENCES = List.of("presence-available", "presence-busy", "presence-away",
            "presence-break", "presence-meeting");

    @Override
    public void configure() {
        if (!enabled("example.presence", true) || !enabled(CrmDatabase.PROPERTY, true)) {
            return;
        }
        List<String> agents = Arrays.stream(getContext().resolvePropertyPlaceholders("{{example.presence.agents:}}")
                .split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (agents.isEmpty()) {
            return; // real Genesys needs example.presence.agents
        }
        // tag::agent-presence[]
        for (String agent : agents) {
            from("genesys-notifications:v2.users." + agent + ".presence").routeId("agent-presence-" + agent)
                    .to("direct:agent-presence");
        }
        from("direct:agent-presence").routeId("agent-presence")
                .setHeader("userId", header("CamelGenesysNotificationEntityId"))
                .filter(header("CamelGenesysNotificationGapSince").isNotNull())
                    // changes during the gap are lost: read the presence as it is now
                    .setHeader("CamelGenesysUserId", header("userId"))
                    .to("genesys-users:getPresence")
                .end()
                .setHeader("systemPresence", simple("${body.presenceDefinition?.systemPresence}"))
                .setHeader("presenceId", simple("${body.presenceDefinition?.id}"))
                .setHeader("message", simple("${body.message}"))
                .setHeader("modifiedDate", simple("${body.modifiedDate}"))
                .setHeader("gapSince", simple("${header.CamelGenesysNotificationGapSince}"))
                .to("sql:update agent_presence set system_presence = :#systemPresence, presence_id = :#presenceId,"
                    + " message = :#message, modified_date = :#modifiedDate, updated_at = localtimestamp,"
                    + " changes = changes + 1, gap_since = :#gapSince where user_id = :#userId")
                .filter(header("CamelSqlUpdateCount").isEqualTo(0))
                    .to("sql:insert into agent_presence (user_id, system_presence, presence_id, message,"
                        + " modified_date, changes, gap_since) values (:#userId, :#systemPresence, :#presenceId,"
                        + " :#message, :#modifiedDate, 1, :#gapSince)")
                .end()
                .log("Agent presence: ${header.userId} is ${header.systemPresence}");
        // end::agent-presence[]

        if (enabled("example.presence.simulate", false)) {
            // includeMetadata: Camel 4's timer sets CamelTimerCounter only when asked to
            from("timer:simulated-presence?delay={{example.presence.change-delay:3000}}"
                 + "&period={{example.presence.change-interval:5000}}&includeMetadata=true")
                    .routeId("simulated-presence")
                    .process(e -> {
                        long n = e.getProperty("CamelTimerCounter", Long.class);
                        e.getMessage().setHeader("CamelGenesysUserId", agents.get((int) (n % agents.size())));
                        e.getMessage().setBody(java.util.Map.of("presenceDefinition",
                                java.util.Map.of("id", PRESENCES.get((int) (n % PRESENCES.size())))));
                    })
                    .to("genesys-users:setPresence");
        }
    }

    private boolean enabled(String property, boolean byDefault) {
        return Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{" + property + ":" + byDefault + "}}")
                .strip());
    }
}
