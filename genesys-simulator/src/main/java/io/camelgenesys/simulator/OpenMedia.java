package io.camelgenesys.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Task Routing / Open Media of Digital Channels (seed 002, "Openmedia API", L6718-7256): workitems (open media
 * interactions) that third-party applications submit to an open media service, then read, update and stop, by
 * interaction id or by their external id.
 * <p>
 * The seed documents no response body ({@code {object}}), so an interaction is the simulator's own:
 * {@code {"id","openMediaService","externalId"?,"parentInteractionId"?,"receivedAt"?,"userData":{…},
 * "state":"Queued"|"Stopped","createdAt","stoppedAt"?,"stopReason"?:{"reasonSystemName","reasonDescription"}}}.
 * <p>
 * Open media services are configuration (a Genesys representative sets them up) and survive
 * {@link GenesysSimulator#reset()}; {@value #DEFAULT_SERVICE} exists from the start (the seed's example of a
 * third party). Interactions are cleared by reset. Thread-safe.
 */
public final class OpenMedia {

    /** The open media service that exists from the start. */
    public static final String DEFAULT_SERVICE = "salesforce";
    public static final String QUEUED = "Queued";
    public static final String STOPPED = "Stopped";
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final Object lock = new Object();
    private final SecureRandom random = new SecureRandom();
    private final Set<String> services = new LinkedHashSet<>(List.of(DEFAULT_SERVICE));
    /** service → interaction id → interaction. */
    private final Map<String, Map<String, ObjectNode>> interactions = new HashMap<>();
    /** service + " " + externalId → interaction id. */
    private final Map<String, String> byExternalId = new HashMap<>();

    OpenMedia() {
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    /** Adds an open media service (idempotent). */
    public void addService(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An open media service needs a name");
        }
        synchronized (lock) {
            services.add(name);
        }
    }

    /** Removes a service and its interactions; @return whether it existed */
    public boolean removeService(String name) {
        synchronized (lock) {
            Map<String, ObjectNode> gone = interactions.remove(name);
            if (gone != null) {
                gone.values().forEach(i -> externalId(i).ifPresent(ext -> byExternalId.remove(name + " " + ext)));
            }
            return services.remove(name);
        }
    }

    public Set<String> services() {
        synchronized (lock) {
            return Set.copyOf(services);
        }
    }

    boolean hasService(String name) {
        synchronized (lock) {
            return services.contains(name);
        }
    }

    // ---- interactions --------------------------------------------------------------------------------------------

    /** The outcome of a create: the interaction, or which rule it broke. */
    record Created(ObjectNode interaction, String conflict, String unknownParent) {
    }

    /** Creates an interaction from the validated {@code data} (may be empty). */
    Created create(String service, ObjectNode data) {
        synchronized (lock) {
            Map<String, ObjectNode> ofService = interactions.computeIfAbsent(service, s -> new LinkedHashMap<>());
            String externalId = data.path("externalId").asText(null);
            if (externalId != null && byExternalId.containsKey(service + " " + externalId)) {
                return new Created(null, byExternalId.get(service + " " + externalId), null);
            }
            String parent = data.path("parentInteractionId").asText(null);
            if (parent != null && !ofService.containsKey(parent)) {
                return new Created(null, null, parent);
            }
            ObjectNode interaction = Json.object();
            String id = newId();
            interaction.put("id", id);
            interaction.put("openMediaService", service);
            for (String field : List.of("externalId", "parentInteractionId", "receivedAt")) {
                if (data.hasNonNull(field)) {
                    interaction.set(field, data.get(field));
                }
            }
            interaction.set("userData", data.hasNonNull("userData") ? data.get("userData").deepCopy() : Json.object());
            interaction.put("state", QUEUED);
            interaction.put("createdAt", Json.timestamp(Instant.now()));
            ofService.put(id, interaction);
            if (externalId != null) {
                byExternalId.put(service + " " + externalId, id);
            }
            return new Created(interaction.deepCopy(), null, null);
        }
    }

    /**
     * @param reference an interaction id, or {@code ext_} + an external id (already decoded)
     * @return a copy, or {@code null}
     */
    ObjectNode find(String service, String reference) {
        synchronized (lock) {
            ObjectNode found = lookup(service, reference);
            return found == null ? null : found.deepCopy();
        }
    }

    /** Stops the interaction (again: no change); @return it after the stop, or {@code null} when unknown */
    ObjectNode stop(String service, String reference, String reasonSystemName, String reasonDescription) {
        synchronized (lock) {
            ObjectNode interaction = lookup(service, reference);
            if (interaction == null) {
                return null;
            }
            if (!STOPPED.equals(interaction.path("state").asText())) {
                interaction.put("state", STOPPED);
                interaction.put("stoppedAt", Json.timestamp(Instant.now()));
                if (reasonSystemName != null || reasonDescription != null) {
                    ObjectNode reason = interaction.putObject("stopReason");
                    if (reasonSystemName != null) {
                        reason.put("reasonSystemName", reasonSystemName);
                    }
                    if (reasonDescription != null) {
                        reason.put("reasonDescription", reasonDescription);
                    }
                }
            }
            return interaction.deepCopy();
        }
    }

    /** The outcome of an update: the interaction after it, {@code missing} when unknown, or {@code stopped}. */
    record Updated(ObjectNode interaction, boolean missing, boolean stopped) {
    }

    /** Adds, changes, then deletes properties of the interaction's {@code userData}. */
    Updated update(String service, String reference, ObjectNode added, ObjectNode changed, List<String> deleted) {
        synchronized (lock) {
            ObjectNode interaction = lookup(service, reference);
            if (interaction == null) {
                return new Updated(null, true, false);
            }
            if (STOPPED.equals(interaction.path("state").asText())) {
                return new Updated(null, false, true);
            }
            ObjectNode userData = (ObjectNode) interaction.get("userData");
            if (added != null) {
                userData.setAll(added);
            }
            if (changed != null) {
                userData.setAll(changed);
            }
            if (deleted != null) {
                deleted.forEach(userData::remove);
            }
            return new Updated(interaction.deepCopy(), false, false);
        }
    }

    private ObjectNode lookup(String service, String reference) {
        Map<String, ObjectNode> ofService = interactions.get(service);
        if (ofService == null) {
            return null;
        }
        if (reference.startsWith(OpenMediaApi.EXTERNAL_PREFIX)) {
            String id = byExternalId.get(service + " " + reference.substring(OpenMediaApi.EXTERNAL_PREFIX.length()));
            return id == null ? null : ofService.get(id);
        }
        return ofService.get(reference);
    }

    /** An id in the style of Universal Contact Server interaction ids (16 characters, e.g. {@code 000A1B2C3D4E5F6G}). */
    private String newId() {
        char[] id = new char[16];
        id[0] = '0';
        id[1] = '0';
        id[2] = '0';
        for (int i = 3; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private static Optional<String> externalId(JsonNode interaction) {
        return Optional.ofNullable(interaction.path("externalId").asText(null));
    }

    // ---- Java API (tests) ----------------------------------------------------------------------------------------

    /** @return a copy of the interaction with this id in the service */
    public Optional<ObjectNode> interaction(String service, String interactionId) {
        synchronized (lock) {
            Map<String, ObjectNode> ofService = interactions.get(service);
            ObjectNode found = ofService == null ? null : ofService.get(interactionId);
            return Optional.ofNullable(found == null ? null : found.deepCopy());
        }
    }

    /** @return a copy of the interaction with this external id in the service */
    public Optional<ObjectNode> interactionByExternalId(String service, String externalId) {
        return Optional.ofNullable(find(service, OpenMediaApi.EXTERNAL_PREFIX + externalId));
    }

    /** @return how many interactions the service holds */
    public int count(String service) {
        synchronized (lock) {
            Map<String, ObjectNode> ofService = interactions.get(service);
            return ofService == null ? 0 : ofService.size();
        }
    }

    void clear() {
        synchronized (lock) {
            interactions.clear();
            byExternalId.clear();
        }
    }
}
