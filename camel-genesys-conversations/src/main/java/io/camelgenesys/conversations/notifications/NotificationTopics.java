package io.camelgenesys.conversations.notifications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelgenesys.conversations.model.ConversationEventTopicConversation;
import io.camelgenesys.conversations.model.PresenceEventUserPresence;
import io.camelgenesys.conversations.model.QueueConversationEventTopicConversation;
import io.camelgenesys.conversations.model.UserRoutingStatusUserRoutingStatus;

/**
 * Topic names of the Genesys Cloud Notifications API: the checks made when an endpoint is created, the expansion of
 * {@code topics=presence,routingStatus} into full names, and the topics whose event body has a model (the SDK's model
 * of that topic); any other topic is delivered as a Map / JSON.
 */
public final class NotificationTopics {

    /** A topic this library knows the event model of. */
    public enum Known {
        USER_PRESENCE("v2\\.users\\.([^.]+)\\.presence", PresenceEventUserPresence.class),
        USER_ROUTING_STATUS("v2\\.users\\.([^.]+)\\.routingstatus", UserRoutingStatusUserRoutingStatus.class),
        USER_CONVERSATIONS("v2\\.users\\.([^.]+)\\.conversations", ConversationEventTopicConversation.class),
        QUEUE_CONVERSATIONS("v2\\.routing\\.queues\\.([^.]+)\\.conversations",
                QueueConversationEventTopicConversation.class);

        private final Pattern pattern;
        private final Class<?> model;

        Known(String regex, Class<?> model) {
            this.pattern = Pattern.compile(regex);
            this.model = model;
        }

        public Class<?> model() {
            return model;
        }
    }

    /** A topic's known kind and the id of its entity (user, queue). */
    public record Match(Known kind, String entityId) {
    }

    private static final Pattern ENTITY = Pattern.compile("v2\\.(?:users|conversations|routing\\.queues|groups|"
                                                          + "analytics\\.queues|workforcemanagement\\.agents)\\.([^.]+)\\..+");

    private NotificationTopics() {
    }

    /** The known kind of a topic (topic names are compared ignoring case), or {@code null}. */
    public static Match match(String topic) {
        String lower = topic.toLowerCase(Locale.ROOT);
        for (Known k : Known.values()) {
            Matcher m = k.pattern.matcher(lower);
            if (m.matches()) {
                return new Match(k, topic.substring(m.start(1), m.end(1)));
            }
        }
        return null;
    }

    /** The id in a topic about one entity ({@code v2.users.<id>...}, {@code v2.routing.queues.<id>...}), or null. */
    public static String entityId(String topic) {
        Matcher m = ENTITY.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The topics of an endpoint: its path alone, or with {@code topics} each appended to it ({@code v2.users.<id>} and
     * {@code presence,routingStatus} are {@code v2.users.<id>.presence} and {@code v2.users.<id>.routingStatus}).
     *
     * @throws IllegalArgumentException naming what is wrong with a topic
     */
    public static List<String> expand(String path, String topics) {
        String base = path == null ? "" : path.strip();
        Set<String> result = new LinkedHashSet<>();
        if (topics == null || topics.isBlank()) {
            result.add(check(base));
        } else {
            for (String t : topics.split(",")) {
                String suffix = t.strip();
                if (suffix.isEmpty()) {
                    continue;
                }
                result.add(check(base.endsWith(".") ? base + suffix : base + "." + suffix));
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("The topics option '" + topics + "' names no topic: give the last"
                                                   + " parts of the topics, comma separated (e.g. presence,routingStatus)");
            }
        }
        return new ArrayList<>(result);
    }

    /** A topic as Genesys takes it: {@code v2.} and dot-separated parts, no placeholder, no space, no wildcard. */
    public static String check(String topic) {
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("The topic is required: genesys-notifications:v2.users.<userId>.presence"
                                               + " (the topic names of Genesys Cloud's Notifications API)");
        }
        if (topic.contains("{") || topic.contains("}")) {
            throw new IllegalArgumentException("The topic " + topic + " still has a placeholder: put the id in place of"
                                               + " {id} (e.g. v2.users.6f0c...presence)");
        }
        if (topic.contains("*")) {
            throw new IllegalArgumentException("The topic " + topic + " has a wildcard: Genesys Cloud topics name one"
                                               + " entity each; list them, or use the topics option for several topics"
                                               + " of one entity");
        }
        if (!topic.startsWith("v2.") || topic.endsWith(".") || topic.contains("..")
            || topic.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + topic + "' is not a Genesys Cloud notification topic: it starts"
                                               + " with v2. and has dot-separated parts without spaces (e.g."
                                               + " v2.users.<userId>.presence)");
        }
        return topic;
    }
}
