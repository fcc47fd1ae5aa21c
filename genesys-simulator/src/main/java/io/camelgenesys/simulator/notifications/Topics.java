package io.camelgenesys.simulator.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.Json;

/**
 * The notification topics the simulator serves, as templates ({@code v2.users.{id}.presence}): the built-in ones whose
 * events come from the simulator's own state, and those a test defines. A channel may subscribe to a template with
 * every parameter filled. Thread-safe (its own monitor, a leaf: it calls nothing that locks).
 */
public final class Topics {

    /** A topic template with what {@code GET /api/v2/notifications/availabletopics} says of it. */
    record Template(String id, String description, List<String> permissions, List<String> parameters,
            Pattern pattern) {

        ObjectNode describe() {
            ObjectNode t = Json.object();
            t.put("id", id);
            t.put("description", description);
            ArrayNode p = t.putArray("requiresPermissions");
            permissions.forEach(p::add);
            t.putArray("transports").add("All");
            ArrayNode params = t.putArray("topicParameters");
            parameters.forEach(params::add);
            return t;
        }
    }

    public static final String USER_PRESENCE = "v2.users.{id}.presence";
    public static final String USER_ROUTING_STATUS = "v2.users.{id}.routingStatus";
    public static final String USER_CONVERSATIONS = "v2.users.{id}.conversations";
    public static final String QUEUE_CONVERSATIONS = "v2.routing.queues.{id}.conversations";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Map<String, Template> builtIn = new LinkedHashMap<>();
    private final Map<String, Template> defined = new LinkedHashMap<>();

    Topics() {
        add(builtIn, USER_PRESENCE, "Presence changes of a user (PresenceEventUserPresence)",
                List.of("presence:userPresence:view"));
        add(builtIn, USER_ROUTING_STATUS, "Routing status changes of a user (UserRoutingStatusUserRoutingStatus)",
                List.of("routing:agent:view"));
        add(builtIn, USER_CONVERSATIONS, "Conversations of a user (ConversationEventTopicConversation)",
                List.of());
        add(builtIn, QUEUE_CONVERSATIONS, "Conversations routed through a queue (QueueConversationEventTopicConversation)",
                List.of("routing:queue:view"));
    }

    private static void add(Map<String, Template> into, String template, String description, List<String> permissions) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^.?&{}\\s]+");
            parameters.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        into.put(template, new Template(template, description, List.copyOf(permissions), List.copyOf(parameters),
                Pattern.compile(regex.toString())));
    }

    /**
     * Makes a topic template subscribable, e.g. {@code v2.test.{id}.events}.
     *
     * @throws IllegalArgumentException unless it is a dotted name starting with {@code v2.}
     */
    public synchronized void define(String template, String description) {
        Objects.requireNonNull(template, "template");
        if (!template.matches("v2(\\.[A-Za-z0-9_{}-]+)+")) {
            throw new IllegalArgumentException("A topic is a dotted name starting with v2., e.g. v2.test.{id}.events: "
                                               + template);
        }
        add(defined, template, description == null ? template : description, List.of());
    }

    /**
     * The topics a subscription stands for: itself, or for a combined topic {@code prefix?a&b} (as Genesys' streaming
     * client combines topics of one entity to stay under the topic limit) {@code prefix.a} and {@code prefix.b}.
     */
    static List<String> expand(String topic) {
        int q = topic.indexOf('?');
        if (q < 0) {
            return List.of(topic);
        }
        List<String> topics = new ArrayList<>();
        for (String suffix : topic.substring(q + 1).split("&", -1)) {
            topics.add(topic.substring(0, q) + "." + suffix);
        }
        return topics;
    }

    /** @return whether a channel may subscribe to this topic (every topic of a combined one) */
    public boolean isServed(String topic) {
        int q = topic.indexOf('?');
        if (q == 0 || q == topic.length() - 1 || topic.indexOf('?', q + 1) >= 0) {
            return false;
        }
        for (String one : expand(topic)) {
            if (one.endsWith(".") || !isServedTopic(one)) {
                return false;
            }
        }
        return true;
    }

    private synchronized boolean isServedTopic(String topic) {
        for (Map<String, Template> templates : List.of(builtIn, defined)) {
            for (Template t : templates.values()) {
                if (t.pattern().matcher(topic).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the {@code AvailableTopic} entities, built-in first */
    synchronized ArrayNode available() {
        ArrayNode all = Json.array();
        builtIn.values().forEach(t -> all.add(t.describe()));
        defined.values().forEach(t -> all.add(t.describe()));
        return all;
    }

    /** Forgets the topics tests defined. */
    synchronized void reset() {
        defined.clear();
    }
}
