package io.camelgenesys.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelgenesys.contacts.model.Cluster;
import io.camelgenesys.contacts.model.ClusterScan;
import io.camelgenesys.contacts.model.ClusterScanStatistics;
import io.camelgenesys.contacts.model.ExternalContact;
import io.camelgenesys.contacts.model.GraphSettings;
import io.camelgenesys.core.GenesysApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity graph through routes: cluster scans group the contacts of one division that share identifiers, the
 * clusters are streamed with pageAll and filtered by division, a cluster is merged on demand or by the scan itself
 * (automatic merging), and the documented errors (404 before any scan, 409 for an out-of-date cluster, 429, expired
 * tokens, bad input refused before sending).
 */
class IdentityGraphRouteTest extends ContactsTestSupport {

    private static final String SCANS = EC + "/graphs/clusterscans";

    private String contact(String first, String email, String phone, String division) throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("firstName", first);
        c.put("lastName", "Graph");
        if (email != null) {
            c.put("workEmail", email);
        }
        if (phone != null) {
            c.put("cellPhone", Map.of("e164", phone, "display", phone));
        }
        if (division != null) {
            c.put("division", Map.of("id", division));
        }
        return body("create", "", c, ExternalContact.class).getId();
    }

    /** A, B share an email and B, C a phone (div-1): one cluster of three; D, E share an email across divisions: none. */
    private Map<String, String> people() throws Exception {
        Map<String, String> ids = new HashMap<>();
        ids.put("A", contact("A", "ab@example.com", null, "div-1"));
        ids.put("B", contact("B", "AB@example.com", "+13175550111", "div-1"));
        ids.put("C", contact("C", "c@example.com", "+13175550111", "div-1"));
        ids.put("D", contact("D", "de@example.com", null, "div-1"));
        ids.put("E", contact("E", "de@example.com", null, "div-2"));
        ids.put("F", contact("F", "fg@example.com", null, "div-2"));
        ids.put("G", contact("G", "fg@example.com", null, "div-2"));
        ids.put("H", contact("H", "alone@example.com", null, null));
        return ids;
    }

    private static Set<String> members(Cluster cluster) {
        Set<String> ids = new TreeSet<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) ((Map<String, Object>) cluster.getGraph()
                .get("vertices")).get("contacts");
        contacts.forEach(v -> ids.add(String.valueOf(((Map<?, ?>) v.get("contact")).get("id"))));
        return ids;
    }

    @Test
    void clustersComeFromSharedIdentifiersWithinADivisionAndStreamWithPageAll() throws Exception {
        Map<String, String> ids = people();
        String scanId = sim().externalContacts().runClusterScan();

        Exchange streamed = call("listClusters", "scanId=" + scanId + "&pageSize=1&pageAll=true", null);
        Iterator<?> it = streamed.getMessage().getBody(Iterator.class);
        List<Set<String>> clusters = new ArrayList<>();
        while (it.hasNext()) {
            clusters.add(members(assertInstanceOf(Cluster.class, it.next())));
        }
        assertEquals(List.of(new TreeSet<>(List.of(ids.get("A"), ids.get("B"), ids.get("C"))),
                new TreeSet<>(List.of(ids.get("F"), ids.get("G")))), clusters);
        assertEquals(2, sim().requests().count("GET", SCANS + "/" + scanId + "/clusters"),
                "one cluster per page; the second has no next cursor");

        List<?> div2 = template.requestBodyAndHeader(route(contacts("listClusters", "scanId=" + scanId)), null,
                "CamelGenesysDivisionIds", List.of("div-2"), List.class);
        assertEquals(1, div2.size());
        Cluster fg = (Cluster) div2.get(0);
        assertEquals("div-2", fg.getDivision().get("id"));
        assertEquals("NotMerged", fg.getMergeInfo().get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) fg.getGraph().get("edges");
        assertEquals(2, edges.size(), "each contact to the one email they share");

        ClusterScanStatistics stats = body("getLatestClusterScanStatistics", "", null, ClusterScanStatistics.class);
        assertEquals(2, ((Number) stats.getAggregated().get("totalClusters")).intValue());
        ClusterScan scan = template.requestBodyAndHeader(route(contacts("getClusterScan", "scanId=" + scanId)), null,
                "CamelGenesysExpand", "statistics", ClusterScan.class);
        assertEquals(scanId, scan.getId());
        assertEquals(2, ((Number) scan.getStatistics().getAggregated().get("totalClusters")).intValue());
        assertNull(body("getLatestClusterScan", "", null, ClusterScan.class).getStatistics(),
                "statistics only with expand=statistics");
    }

    @Test
    void mergingAClusterMergesItsContactsOnceAndAnOutOfDateClusterIsAConflict() throws Exception {
        Map<String, String> ids = people();
        String scanId = sim().externalContacts().runClusterScan();
        List<?> clusters = body("listClusters", "scanId=" + scanId, null, List.class);
        Cluster abc = (Cluster) clusters.get(0);
        Cluster fg = (Cluster) clusters.get(1);
        String abcUri = "scanId=" + scanId + "&clusterId=" + abc.getId();

        Cluster merged = body("mergeCluster", abcUri, null, Cluster.class);
        assertEquals("Merged", merged.getMergeInfo().get("status"));
        String canonical = body("get", "contactId=" + ids.get("A"), null, ExternalContact.class).getId();
        assertFalse(ids.containsValue(canonical), "A now resolves to the contact the merge created");
        assertEquals(canonical, body("get", "contactId=" + ids.get("C"), null, ExternalContact.class).getId());
        // a PUT again is no second merge
        assertEquals("Merged", body("mergeCluster", abcUri, null, Cluster.class).getMergeInfo().get("status"));
        assertEquals(canonical, body("get", "contactId=" + ids.get("B"), null, ExternalContact.class).getId());

        body("delete", "contactId=" + ids.get("G"), null, Object.class);
        GenesysApiException conflict = assertInstanceOf(GenesysApiException.class, failure("mergeCluster",
                "scanId=" + scanId + "&clusterId=" + fg.getId(), null));
        assertEquals(409, conflict.getHttpStatus());
        assertTrue(conflict.getMessage().contains("out of date"), conflict.getMessage());
        assertEquals("Failed", body("getCluster", "scanId=" + scanId + "&clusterId=" + fg.getId(), null, Cluster.class)
                .getMergeInfo().get("status"));
        assertTrue(sim().externalContacts().contact(ids.get("F")).orElseThrow().get("mergedTo") == null,
                "nothing half merged");
    }

    @Test
    void automaticMergingMergesWhatTheScanFinds() throws Exception {
        Map<String, String> ids = people();
        GraphSettings on = new GraphSettings();
        on.setAutomaticMergingEnabled(true);
        assertTrue(body("updateGraphSettings", "", on, GraphSettings.class).getAutomaticMergingEnabled());
        assertTrue(body("getGraphSettings", "", null, GraphSettings.class).getAutomaticMergingEnabled());
        sim().externalContacts().runClusterScan();
        ClusterScanStatistics stats = body("getLatestClusterScanStatistics", "", null, ClusterScanStatistics.class);
        assertEquals(2, ((Number) stats.getAggregated().get("totalAutomaticMergeSuccesses")).intValue());
        assertEquals(0, ((Number) stats.getAggregated().get("totalAutomaticMergeFailures")).intValue());
        assertTrue(sim().externalContacts().contact(ids.get("F")).orElseThrow().get("mergedTo") != null);
        assertNull(sim().externalContacts().contact(ids.get("D")).orElseThrow().get("mergedTo"),
                "D and E are in different divisions");
        // the next scan finds nothing left to merge
        String next = sim().externalContacts().runClusterScan();
        assertEquals(0, body("listClusters", "scanId=" + next, null, List.class).size());
        Exchange scans = call("listClusterScans", "pageSize=1&pageAll=true", null);
        Iterator<?> it = scans.getMessage().getBody(Iterator.class);
        int n = 0;
        for (; it.hasNext(); n++) {
            assertInstanceOf(ClusterScan.class, it.next());
        }
        assertEquals(2, n);
    }

    @Test
    void documentedErrors() throws Exception {
        GenesysApiException none = assertInstanceOf(GenesysApiException.class,
                failure("getLatestClusterScan", "", null));
        assertEquals(404, none.getHttpStatus());
        String scanId = sim().externalContacts().runClusterScan();
        GenesysApiException unknown = assertInstanceOf(GenesysApiException.class,
                failure("getCluster", "scanId=" + scanId + "&clusterId=nope", null));
        assertEquals(404, unknown.getHttpStatus());
        assertTrue(unknown.getMessage().contains("Cluster nope not found"), unknown.getMessage());

        // refused before sending: the cluster listings take 1-100 per page, a scan's divisions at most 50
        IllegalArgumentException limit = assertInstanceOf(IllegalArgumentException.class,
                failure("listClusters", "scanId=" + scanId + "&pageSize=101", null));
        assertTrue(limit.getMessage().contains("limit"), limit.getMessage());
        IllegalArgumentException missing = assertInstanceOf(IllegalArgumentException.class,
                failure("listClusters", "", null));
        assertTrue(missing.getMessage().contains("scanId"), missing.getMessage());
        IllegalArgumentException notBoolean = assertInstanceOf(IllegalArgumentException.class,
                failure("updateGraphSettings", "", Map.of("automaticMergingEnabled", "yes")));
        assertTrue(notBoolean.getMessage().contains("automaticMergingEnabled"), notBoolean.getMessage());
        assertEquals(0, sim().requests().count("PUT", EC + "/graphs/settings"));

        sim().faults().on("GET", SCANS + "/" + scanId + "/clusters").status(429).header("Retry-After", "1").times(1);
        assertEquals(0, body("listClusters", "scanId=" + scanId, null, List.class).size());
        assertEquals(2, sim().requests().count("GET", SCANS + "/" + scanId + "/clusters"), "retried after Retry-After");

        String r = route(contacts("getGraphSettings", ""));
        template.requestBody(r, (Object) null);
        sim().tokens().revokeAll();
        assertFalse(template.requestBody(r, null, GraphSettings.class).getAutomaticMergingEnabled(),
                "an expired token is refreshed and the call replayed");
    }
}
