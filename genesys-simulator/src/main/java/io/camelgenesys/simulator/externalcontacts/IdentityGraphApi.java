package io.camelgenesys.simulator.externalcontacts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelgenesys.simulator.ApiException;
import io.camelgenesys.simulator.ApiRequest;
import io.camelgenesys.simulator.ApiResponse;
import io.camelgenesys.simulator.Auth;
import io.camelgenesys.simulator.Checks;
import io.camelgenesys.simulator.Routes;

/**
 * The identity graph routes (npm SDK 262.0.0, preview methods): {@code /graphs/settings} (GET, PUT),
 * {@code /graphs/clusterscans} (a cursor listing, limit 1–100, default 20), one scan or the latest (404 before the
 * first scan), their statistics, a scan's clusters (a cursor listing filtered by {@code divisionIds}, at most 50),
 * one cluster and its merge ({@code PUT .../merge}: 200 with the cluster, its {@code mergeInfo} Merged; 409 when a
 * contact of the cluster was merged or deleted since the scan). The data is {@link IdentityGraph}'s.
 */
final class IdentityGraphApi extends ResourceApi {

    private static final String SCANS = IdentityGraph.PATH + "/clusterscans";

    IdentityGraphApi(ExternalContactsStores store) {
        super(store);
    }

    @Override
    void register(Routes routes) {
        IdentityGraph graph = store.graph;
        routes.add("GET", IdentityGraph.PATH + "/settings", Auth.CLOUD,
                guard(r -> ApiResponse.ok(graph.settings())).reading(graph.lock()));
        routes.add("PUT", IdentityGraph.PATH + "/settings", Auth.CLOUD, guard(this::updateSettings)
                .writing(graph.lock()));
        routes.add("GET", SCANS, Auth.CLOUD, guard(this::listScans).reading(graph.lock()));
        routes.add("GET", SCANS + "/latest", Auth.CLOUD,
                guard(r -> ApiResponse.ok(IdentityGraph.view(graph.latest(), expandsStatistics(r))))
                        .reading(graph.lock()));
        routes.add("GET", SCANS + "/latest/statistics", Auth.CLOUD,
                guard(r -> ApiResponse.ok(graph.latest().get("statistics").deepCopy())).reading(graph.lock()));
        routes.add("GET", SCANS + "/{scanId}", Auth.CLOUD, guard(r -> ApiResponse.ok(IdentityGraph.view(
                graph.scan(r.pathParam("scanId")), expandsStatistics(r)))).reading(graph.lock()));
        routes.add("GET", SCANS + "/{scanId}/statistics", Auth.CLOUD, guard(r -> ApiResponse.ok(
                graph.scan(r.pathParam("scanId")).get("statistics").deepCopy())).reading(graph.lock()));
        routes.add("GET", SCANS + "/{scanId}/clusters", Auth.CLOUD, guard(this::listClusters).reading(graph.lock()));
        routes.add("GET", SCANS + "/{scanId}/clusters/{clusterId}", Auth.CLOUD, guard(r -> ApiResponse.ok(
                graph.cluster(r.pathParam("scanId"), r.pathParam("clusterId")).deepCopy())).reading(graph.lock()));
        routes.add("PUT", SCANS + "/{scanId}/clusters/{clusterId}/merge", Auth.CLOUD, guard(this::merge)
                .reading(locks.organizations).writing(locks.contacts, locks.identifiers, graph.lock()));
    }

    /** {@code expand=statistics} embeds the scan's statistics. */
    private static boolean expandsStatistics(ApiRequest request) {
        return Checks.listParam(request, "expand").contains("statistics");
    }

    /** GraphSettings: automaticMergingEnabled, true or false, is its one writable field; without it nothing changes. */
    private ApiResponse updateSettings(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        JsonNode enabled = body.get("automaticMergingEnabled");
        if (enabled == null || enabled.isNull()) {
            return ApiResponse.ok(store.graph.settings());
        }
        if (!enabled.isBoolean()) {
            throw ApiException.badRequest("automaticMergingEnabled must be true or false");
        }
        return ApiResponse.ok(store.graph.settings(enabled.asBoolean()));
    }

    private ApiResponse listScans(ApiRequest request) {
        ObjectNode page = store.scans.scan(request, "clusterscans", store.graph.scans(), s -> true, SCANS, 1, 100,
                20);
        boolean statistics = expandsStatistics(request);
        page.withArray("entities").forEach(s -> {
            if (!statistics) {
                ((ObjectNode) s).remove("statistics");
            }
        });
        return ApiResponse.ok(page);
    }

    private ApiResponse listClusters(ApiRequest request) {
        String scanId = request.pathParam("scanId");
        store.graph.scan(scanId);
        List<String> divisions = Checks.listParam(request, "divisionIds");
        if (divisions.size() > 50) {
            throw ApiException.badRequest("divisionIds must list at most 50 divisions, got " + divisions.size());
        }
        return ApiResponse.ok(store.scans.scan(request, "clusters:" + scanId + ":" + divisions,
                store.graph.clusters(), c -> scanId.equals(c.path("clusterScan").path("id").asText())
                        && ContactStore.inDivisions(c, divisions), SCANS + "/" + scanId + "/clusters", 1, 100, 20));
    }

    private ApiResponse merge(ApiRequest request) {
        ObjectNode cluster = store.graph.cluster(request.pathParam("scanId"), request.pathParam("clusterId"));
        if (!store.graph.merge(store, cluster)) {
            ObjectNode error = (ObjectNode) cluster.path("mergeInfo").path("error");
            throw new ApiException(409, "cluster.merge.conflict", "The cluster is out of date: "
                    + error.path("message").asText() + "; a later cluster scan reflects the contacts as they are now");
        }
        return ApiResponse.ok(cluster.deepCopy());
    }
}
