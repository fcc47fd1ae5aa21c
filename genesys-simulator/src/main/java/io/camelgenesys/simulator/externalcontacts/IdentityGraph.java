package io.camelgenesys.simulator.externalcontacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.Json;
import io.camelgenesys.simulator.store.EntityTable;
import io.camelgenesys.simulator.store.StoreLock;

/**
 * The External Contacts identity graph (npm SDK 262.0.0 models ClusterScan, Cluster, Graph, GraphSettings), guarded
 * by its own lock ({@link #lock()}, ranked after every other External Contacts store): the org-wide settings, the
 * cluster scans and the clusters each found. A scan (Genesys runs them on its own schedule; a test runs one with
 * {@code sim.externalContacts().runClusterScan()}) links the visible (unmerged) contacts of one division that share
 * an identifier: an email address (any email field, case-insensitive), an E.164 phone number (any phone field) or an
 * external id (source and value). Each group of two or more is a cluster, whose graph has a vertex per contact and per
 * shared identifier and an edge from each contact to each shared identifier it has. With
 * {@code automaticMergingEnabled} the scan merges every cluster it finds (as {@code POST /contacts/merge}); otherwise
 * {@code PUT .../clusters/{clusterId}/merge} merges one. A cluster's {@code mergeInfo.status} is NotMerged, Merged or
 * Failed (with {@code error}).
 */
final class IdentityGraph {

    static final String PATH = ExternalContactsStores.BASE + "/graphs";

    private final StoreLock lock;
    private final EntityTable scans;
    private final EntityTable clusters;
    private ObjectNode settings = defaultSettings();

    IdentityGraph(StoreLock lock) {
        this.lock = lock;
        this.scans = new EntityTable(PATH + "/clusterscans", lock);
        this.clusters = new EntityTable(PATH + "/clusters", lock);
    }

    StoreLock lock() {
        return lock;
    }

    EntityTable scans() {
        return scans;
    }

    EntityTable clusters() {
        return clusters;
    }

    private static ObjectNode defaultSettings() {
        ObjectNode s = Json.object();
        s.put("automaticMergingEnabled", false);
        s.put("selfUri", PATH + "/settings");
        return s;
    }

    /** Reads the graph. */
    ObjectNode settings() {
        lock.checkRead();
        return settings.deepCopy();
    }

    /** Writes the graph. */
    ObjectNode settings(boolean automaticMergingEnabled) {
        lock.checkWrite();
        settings.put("automaticMergingEnabled", automaticMergingEnabled);
        settings.put("dateModified", ContactStore.now());
        return settings.deepCopy();
    }

    /** Writes the graph. */
    void clear() {
        lock.checkWrite();
        scans.clear();
        clusters.clear();
        settings = defaultSettings();
    }

    /** @return the scan, or 404. Reads the graph. */
    ObjectNode scan(String scanId) {
        ObjectNode scan = scans.get(scanId);
        if (scan == null) {
            throw ApiException.notFound("Cluster scan " + scanId + " not found");
        }
        return scan;
    }

    /** @return the newest scan, or 404 when none has run yet. Reads the graph. */
    ObjectNode latest() {
        List<ObjectNode> all = scans.filter(s -> true);
        if (all.isEmpty()) {
            throw ApiException.notFound("No cluster scan has completed yet");
        }
        return all.get(all.size() - 1);
    }

    /** @return the cluster of that scan, or 404. Reads the graph. */
    ObjectNode cluster(String scanId, String clusterId) {
        scan(scanId);
        ObjectNode cluster = clusters.get(clusterId);
        if (cluster == null || !scanId.equals(cluster.path("clusterScan").path("id").asText())) {
            throw ApiException.notFound("Cluster " + clusterId + " not found in cluster scan " + scanId);
        }
        return cluster;
    }

    /** A scan as answered: its statistics only with {@code expand=statistics}. */
    static ObjectNode view(ObjectNode scan, boolean withStatistics) {
        ObjectNode copy = scan.deepCopy();
        if (!withStatistics) {
            copy.remove("statistics");
        }
        return copy;
    }

    /**
     * Runs a cluster scan over the contacts, merging every cluster when automatic merging is on. Reads organizations,
     * writes contacts, identifiers and the graph.
     *
     * @return the scan's id
     */
    String run(ExternalContactsStores store) {
        ObjectNode scan = Json.object();
        scan.put("dateCompleted", ContactStore.now());
        ObjectNode stored = scans.insert(scan);
        String scanId = stored.get("id").asText();
        boolean automatic = settings.path("automaticMergingEnabled").asBoolean(false);
        int found = 0;
        int merged = 0;
        int failed = 0;
        for (List<ObjectNode> members : groups(store.contacts.table().filter(ContactStore::visible))) {
            ObjectNode cluster = cluster(stored, members);
            ObjectNode inserted = clusters.insert(cluster);
            inserted.put("selfUri", scan.get("selfUri").asText() + "/clusters/" + inserted.get("id").asText());
            found++;
            if (automatic) {
                if (merge(store, inserted)) {
                    merged++;
                } else {
                    failed++;
                }
            }
        }
        ObjectNode statistics = stored.putObject("statistics");
        ObjectNode aggregated = statistics.putObject("aggregated");
        aggregated.put("totalClusters", found);
        aggregated.put("totalAutomaticMergeSuccesses", merged);
        aggregated.put("totalAutomaticMergeFailures", failed);
        statistics.put("selfUri", stored.get("selfUri").asText() + "/statistics");
        return scanId;
    }

    /**
     * Merges a cluster's contacts into one (Merging); records the outcome in its {@code mergeInfo}. A merged cluster
     * is not merged again. Reads organizations, writes contacts, identifiers and the graph.
     *
     * @return whether the cluster is merged
     */
    boolean merge(ExternalContactsStores store, ObjectNode cluster) {
        ObjectNode info = (ObjectNode) cluster.get("mergeInfo");
        if ("Merged".equals(info.path("status").asText())) {
            return true;
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode vertex : cluster.path("graph").path("vertices").path("contacts")) {
            ids.add(vertex.path("contact").path("id").asText());
        }
        info.remove("error");
        try {
            Merging.merge(store, ids, null);
            info.put("status", "Merged");
            info.put("dateMerged", ContactStore.now());
            return true;
        } catch (ApiException e) {
            // a contact deleted or merged since the scan: the cluster is out of date, not half merged (Merging
            // checks every contact before it changes any)
            info.put("status", "Failed");
            ObjectNode error = info.putObject("error");
            error.put("code", "cluster.merge.failed");
            error.put("message", e.getMessage());
            return false;
        }
    }

    /** Groups of two or more contacts of one division linked, directly or not, by shared identifiers. */
    private static List<List<ObjectNode>> groups(List<ObjectNode> contacts) {
        int[] parent = new int[contacts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstHolder = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            String division = contacts.get(i).path("division").path("id").asText("");
            for (String key : identifierKeys(contacts.get(i))) {
                Integer other = firstHolder.putIfAbsent(division + "\n" + key, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        Map<Integer, List<ObjectNode>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(contacts.get(i));
        }
        List<List<ObjectNode>> groups = new ArrayList<>();
        byRoot.values().stream().filter(g -> g.size() > 1).forEach(groups::add);
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A contact's identifiers, normalized as {@code Type\tvalue}. */
    private static Set<String> identifierKeys(ObjectNode contact) {
        Set<String> keys = new LinkedHashSet<>();
        for (String f : ContactStore.EMAIL_FIELDS) {
            String email = contact.path(f).asText("").strip().toLowerCase(Locale.ROOT);
            if (!email.isEmpty()) {
                keys.add("Email\t" + email);
            }
        }
        for (String f : ContactStore.PHONE_FIELDS) {
            String e164 = contact.path(f).path("e164").asText("").strip();
            if (!e164.isEmpty()) {
                keys.add("Phone\t" + e164);
            }
        }
        for (JsonNode id : contact.path("externalIds")) {
            String value = id.path("value").asText("");
            if (!value.isEmpty()) {
                keys.add("ExternalId\t" + id.path("externalSource").path("id").asText("") + ":" + value);
            }
        }
        return keys;
    }

    /** A Cluster of a scan: its division (the members'), its graph, not merged yet. */
    private static ObjectNode cluster(ObjectNode scan, List<ObjectNode> members) {
        ObjectNode cluster = Json.object();
        JsonNode division = members.get(0).get("division");
        if (division != null && division.isObject()) {
            cluster.set("division", division.deepCopy());
        }
        cluster.putObject("clusterScan").put("id", scan.get("id").asText()).put("selfUri", scan.get("selfUri").asText());
        cluster.putObject("mergeInfo").put("status", "NotMerged");
        ObjectNode graph = cluster.putObject("graph");
        ObjectNode vertices = graph.putObject("vertices");
        ArrayNode contactVertices = vertices.putArray("contacts");
        ArrayNode identifierVertices = vertices.putArray("identifiers");
        ArrayNode edges = graph.putArray("edges");
        Map<String, Integer> holders = new LinkedHashMap<>();
        for (ObjectNode member : members) {
            identifierKeys(member).forEach(k -> holders.merge(k, 1, Integer::sum));
        }
        Map<String, String> identifierVertex = new LinkedHashMap<>();
        holders.forEach((key, count) -> {
            if (count > 1) {
                String vertexId = "identifier-" + (identifierVertex.size() + 1);
                identifierVertex.put(key, vertexId);
                String[] typeValue = key.split("\t", 2);
                identifierVertices.addObject().put("vertexId", vertexId).put("normalizedType", typeValue[0])
                        .put("normalizedValue", typeValue[1]);
            }
        });
        for (ObjectNode member : members) {
            String vertexId = "contact-" + member.get("id").asText();
            ObjectNode vertex = contactVertices.addObject();
            vertex.put("vertexId", vertexId);
            vertex.set("contact", member.deepCopy());
            for (String key : identifierKeys(member)) {
                String to = identifierVertex.get(key);
                if (to != null) {
                    edges.addObject().put("from", vertexId).put("to", to);
                }
            }
        }
        cluster.put("dateCreated", ContactStore.now());
        return cluster;
    }
}
