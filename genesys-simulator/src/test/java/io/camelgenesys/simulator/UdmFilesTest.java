package io.camelgenesys.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelgenesys.simulator.UdmHttp.error;
import static io.camelgenesys.simulator.UdmHttp.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UDM v10 file metadata, pre-signed links, the 303 download through the storage host (which refuses Genesys
 * credentials and expired or forged links), ranges, deletes, faults, and a large download streamed end to end.
 */
class UdmFilesTest {

    @RegisterExtension
    static GenesysSimulatorExtension SIM = new GenesysSimulatorExtension();

    @RegisterExtension
    static final TestHttp http = new TestHttp(SIM);

    GenesysSimulator sim;
    UserDataManagement udm;
    UdmHttp api;

    @BeforeEach
    void setUp() throws Exception {
        sim = SIM.simulator();
        udm = sim.udm();
        api = new UdmHttp(http);
    }

    /** GET on the storage host, with no credentials unless the test adds them. */
    private Request storage(String url) {
        return http.client.newRequest(url).timeout(30, TimeUnit.SECONDS);
    }

    private String link(String name) throws Exception {
        ContentResponse redirect = api.get("/files/" + name);
        assertEquals(303, redirect.getStatus(), redirect.getContentAsString());
        String location = redirect.getHeaders().get("Location");
        assertNotNull(location);
        return location;
    }

    private static void xmlError(ContentResponse response, int status, String code, String messagePart) {
        String body = response.getContentAsString();
        String shown = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        assertEquals(status, response.getStatus(), shown);
        assertEquals("application/xml", response.getMediaType(), shown);
        assertTrue(body.contains("<Code>" + code + "</Code>"), body);
        assertTrue(body.contains(messagePart), body);
    }

    private static byte[] content(UdmFile file, long position, int length) {
        byte[] expected = new byte[length];
        assertEquals(length, file.read(position, expected, 0, length));
        return expected;
    }

    @Test
    void downloadIsA303ToThePreSignedLinkOnTheStorageHost() throws Exception {
        UdmFile file = udm.addFile("export-1.csv", 200_000);
        String location = link("export-1.csv");
        URI uri = URI.create(location);
        assertEquals(URI.create(udm.storageUrl()).getPort(), uri.getPort());
        assertTrue(uri.getPort() != sim.port(), "the storage host has its own port");
        assertTrue(uri.getRawQuery().contains("expires=") && uri.getRawQuery().contains("signature="), location);

        ContentResponse download = storage(location).send();
        assertEquals(200, download.getStatus(), download.getContentAsString());
        assertEquals("200000", download.getHeaders().get("Content-Length"));
        assertEquals(UdmFile.CONTENT_TYPE, download.getMediaType());
        assertEquals("bytes", download.getHeaders().get("Accept-Ranges"));
        assertEquals("attachment; filename=\"export-1.csv\"", download.getHeaders().get("Content-Disposition"));
        assertNotNull(download.getHeaders().get("ETag"));
        assertNotNull(download.getHeaders().get("Last-Modified"));
        assertArrayEquals(file.openStream().readAllBytes(), download.getContent());
        // deterministic, line-structured content
        String text = download.getContentAsString();
        assertTrue(text.startsWith("000000000000,"), text.substring(0, 64));
        assertEquals("000000000001,", text.substring(UdmFile.LINE_LENGTH, UdmFile.LINE_LENGTH + 13));
        // the storage request was counted, and carried no credential
        assertEquals(1, sim.requests().count("GET", "/udm-exports/**"));
        assertEquals(null, sim.requests().lastHeader("/udm-exports/**", "Authorization"));

        error(api.get("/files/no-such.csv"), 404, "File no-such.csv not found");
    }

    @Test
    void namesThatNeedEncodingSurviveTheRoundTrip() throws Exception {
        String name = "März export 1+1 (final).csv";
        UdmFile file = udm.addFile(name, 500);
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        ContentResponse redirect = api.get("/files/" + encoded);
        assertEquals(303, redirect.getStatus(), redirect.getContentAsString());
        ContentResponse download = storage(redirect.getHeaders().get("Location")).send();
        assertEquals(200, download.getStatus(), download.getContentAsString());
        assertArrayEquals(file.openStream().readAllBytes(), download.getContent());
        JsonNode link = ok(api.get("/files?filename=" + encoded), 200);
        assertEquals(200, storage(link.get("path").asText()).send().getStatus());
        assertEquals(204, api.delete("/files/" + encoded).getStatus());
    }

    @Test
    void storageRefusesGenesysCredentials() throws Exception {
        udm.addFile("secret.csv", 1000);
        String location = link("secret.csv");
        ContentResponse bearer = storage(location).headers(h -> h.put("Authorization", "Bearer abc")).send();
        xmlError(bearer, 400, "InvalidArgument", "Only one auth mechanism allowed");
        ContentResponse apiKey = storage(location).headers(h -> h.put("x-api-key", sim.multicloudApiKey())).send();
        xmlError(apiKey, 400, "InvalidArgument", "x-api-key");
        ContentResponse basic = storage(location).headers(h -> h.put("Authorization", TestHttp.basic("a", "b"))).send();
        assertEquals(400, basic.getStatus());
        // the same link without them works
        assertEquals(200, storage(location).send().getStatus());
    }

    @Test
    void storageRefusesForgedOrIncompleteLinks() throws Exception {
        udm.addFile("a.csv", 1000);
        udm.addFile("b.csv", 1000);
        String location = link("a.csv");
        String query = URI.create(location).getRawQuery();
        // a signature is for one file
        xmlError(storage(udm.storageUrl() + "/udm-exports/b.csv?" + query).send(), 403, "AccessDenied",
                "signature we calculated does not match");
        // nor can its expiry be stretched
        String stretched = location.replaceFirst("expires=(\\d+)", "expires=9" + "$1");
        xmlError(storage(stretched).send(), 403, "AccessDenied", "does not match");
        xmlError(storage(location.replaceFirst("signature=[^&]+", "signature=AAAA")).send(), 403, "AccessDenied",
                "does not match");
        xmlError(storage(udm.storageUrl() + "/udm-exports/a.csv").send(), 403, "AccessDenied",
                "requires the expires and signature parameters");
        xmlError(storage(udm.storageUrl() + "/elsewhere/a.csv?" + query).send(), 404, "NoSuchKey", "does not exist");
        ContentResponse put = storage(location).method("PUT").send();
        xmlError(put, 405, "MethodNotAllowed", "not allowed");
        assertEquals("GET, HEAD", put.getHeaders().get("Allow"));
    }

    @Test
    void linksExpire() throws Exception {
        udm.addFile("old.csv", 1000);
        String before = link("old.csv");
        udm.expireLinks();
        xmlError(storage(before).send(), 403, "AccessDenied", "Request has expired");
        assertEquals(200, storage(link("old.csv")).send().getStatus(), "a link issued after is fine");

        udm.setLinkLifetime(Duration.ofMillis(1));
        String shortLived = link("old.csv");
        long expires = Long.parseLong(shortLived.replaceFirst(".*expires=(\\d+).*", "$1"));
        while (System.currentTimeMillis() <= expires) {
            Thread.sleep(2);
        }
        xmlError(storage(shortLived).send(), 403, "AccessDenied", "Request has expired");
    }

    @Test
    void aFileThatIsGoneIs404OnTheStorageHost() throws Exception {
        udm.addFile("gone.csv", 1000);
        String location = link("gone.csv");
        assertEquals(204, api.delete("/files/gone.csv").getStatus());
        xmlError(storage(location).send(), 404, "NoSuchKey", "does not exist");
        error(api.delete("/files/gone.csv"), 404, "File gone.csv not found");
        error(api.get("/files/gone.csv"), 404, "not found");
    }

    @Test
    void rangesAndHead() throws Exception {
        UdmFile file = udm.addFile("ranged.csv", 10_000);
        String location = link("ranged.csv");
        ContentResponse middle = storage(location).headers(h -> h.put("Range", "bytes=100-199")).send();
        assertEquals(206, middle.getStatus());
        assertEquals("bytes 100-199/10000", middle.getHeaders().get("Content-Range"));
        assertArrayEquals(content(file, 100, 100), middle.getContent());
        ContentResponse suffix = storage(location).headers(h -> h.put("Range", "bytes=-10")).send();
        assertEquals(206, suffix.getStatus());
        assertArrayEquals(content(file, 9_990, 10), suffix.getContent());
        ContentResponse open = storage(location).headers(h -> h.put("Range", "bytes=9995-")).send();
        assertEquals("bytes 9995-9999/10000", open.getHeaders().get("Content-Range"));
        assertEquals(5, open.getContent().length);
        ContentResponse unsatisfiable = storage(location).headers(h -> h.put("Range", "bytes=10000-")).send();
        xmlError(unsatisfiable, 416, "InvalidRange", "not satisfiable");
        assertEquals("bytes */10000", unsatisfiable.getHeaders().get("Content-Range"));
        // several ranges, or a malformed one, are ignored: the whole file
        assertEquals(10_000, storage(location).headers(h -> h.put("Range", "bytes=0-1,5-6")).send().getContent().length);
        assertEquals(10_000, storage(location).headers(h -> h.put("Range", "lines=1-2")).send().getContent().length);

        ContentResponse head = storage(location).method("HEAD").send();
        assertEquals(200, head.getStatus());
        assertEquals("10000", head.getHeaders().get("Content-Length"));
        assertEquals(0, head.getContent().length);

        // offsets past 2 GiB, without reading gigabytes
        long size = 3L * 1024 * 1024 * 1024 + 7;
        UdmFile big = udm.addFile("big.csv", size);
        ContentResponse tail = storage(link("big.csv")).headers(h -> h.put("Range", "bytes=" + (size - 100) + "-"))
                .send();
        assertEquals(206, tail.getStatus());
        assertEquals("bytes " + (size - 100) + "-" + (size - 1) + "/" + size, tail.getHeaders().get("Content-Range"));
        assertArrayEquals(content(big, size - 100, 100), tail.getContent());
    }

    @Test
    void fileMetadataListsFiltersAndPages() throws Exception {
        udm.addFile(Map.of("name", "interactions-march.csv", "size", 300, "type", "Interaction", "jobTitle",
                "March interactions", "jobId", 101, "historyId", 5001, "uploadDate", "2024-04-01T02:00:00Z"));
        udm.addFile(Map.of("name", "interactions-april.csv", "size", 100, "type", "Interaction", "jobTitle",
                "April interactions", "historyId", 5002, "uploadDate", "2024-05-01T02:00:00Z"));
        udm.addFile(Map.of("name", "contacts.csv", "size", 200, "type", "Contact", "jobTitle", "Contacts",
                "historyId", 5003, "uploadDate", "2024-05-02T02:00:00Z"));

        JsonNode all = ok(api.get("/file-metadatas"), 200);
        assertEquals(3, all.get("count").asInt());
        JsonNode first = all.get("items").get(0);
        assertEquals("interactions-march.csv", first.get("name").asText());
        assertEquals(300, first.get("size").asLong());
        assertEquals("Interaction", first.get("type").asText());
        assertEquals("UCS", first.get("source").asText());
        assertEquals(5001, first.get("historyId").asInt());
        assertEquals(101, first.get("jobId").asInt());
        assertEquals("2024-04-01T02:00:00.000Z", first.get("uploadDate").asText());

        assertEquals(List.of("interactions-march.csv"), names(api.get("/file-metadatas?historyId=5001")));
        assertEquals(List.of("interactions-april.csv"), names(api.get("/file-metadatas?jobTitle=april")));
        assertEquals(List.of("contacts.csv"), names(api.get("/file-metadatas?type=contact")));
        assertEquals(List.of("interactions-march.csv", "interactions-april.csv"),
                names(api.get("/file-metadatas?name=interactions")));
        assertEquals(List.of("interactions-april.csv", "contacts.csv"),
                names(api.get("/file-metadatas?startDate=2024-05-01")));
        assertEquals(List.of("interactions-march.csv", "interactions-april.csv"),
                names(api.get("/file-metadatas?endDate=2024-05-01")));
        assertEquals(List.of("interactions-april.csv"),
                names(api.get("/file-metadatas?startDate=2024-04-15T00:00:00Z&endDate=2024-05-01T23:00:00Z")));
        assertEquals(List.of("interactions-march.csv", "contacts.csv", "interactions-april.csv"),
                names(api.get("/file-metadatas?orderField=size&descAsc=true")));
        JsonNode page = ok(api.get("/file-metadatas?orderField=name&from=1&size=1"), 200);
        assertEquals(3, page.get("count").asInt());
        assertEquals("interactions-april.csv", page.get("items").get(0).get("name").asText());
        // file-metadatas documents 200 only: no match is an empty page
        JsonNode none = ok(api.get("/file-metadatas?historyId=1"), 200);
        assertEquals(0, none.get("count").asInt());
        assertEquals(0, none.get("items").size());

        error(api.get("/file-metadatas?historyId=last"), 400, "historyId must be an integer id");
        error(api.get("/file-metadatas?startDate=soon"), 400, "startDate must be an ISO-8601");
        error(api.get("/file-metadatas?orderField=colour"), 400, "orderField must be one of");
    }

    @Test
    void theReadingsTheSeedLeavesOpenCanBeChosen() throws Exception {
        udm.addFile(Map.of("name", "a.csv", "size", 1, "uploadDate", "2024-05-01T02:00:00Z"));
        udm.addFile(Map.of("name", "b.csv", "size", 1, "uploadDate", "2024-05-02T02:00:00Z"));
        udm.addFile(Map.of("name", "c.csv", "size", 1, "uploadDate", "2024-05-03T02:00:00Z"));
        udm.setCountIsPageLength(true);
        assertEquals(2, ok(api.get("/file-metadatas?from=0&size=2"), 200).get("count").asInt());
        assertEquals(1, ok(api.get("/file-metadatas?from=2&size=2"), 200).get("count").asInt());
        assertEquals(0, ok(api.get("/file-metadatas?from=5&size=2"), 200).get("count").asInt());
        udm.setStartDateExclusive(true);
        assertEquals(List.of("c.csv"), names(api.get("/file-metadatas?startDate=2024-05-02T02:00:00Z")));
        udm.setStartDateExclusive(false);
        udm.setCountIsPageLength(false);
        assertEquals(List.of("b.csv", "c.csv"), names(api.get("/file-metadatas?startDate=2024-05-02T02:00:00Z")));
        assertEquals(3, ok(api.get("/file-metadatas?from=2&size=2"), 200).get("count").asInt());
    }

    private static List<String> names(ContentResponse response) {
        JsonNode body = ok(response, 200);
        return java.util.stream.StreamSupport.stream(body.get("items").spliterator(), false)
                .map(item -> item.get("name").asText()).toList();
    }

    @Test
    void preSignedLinks() throws Exception {
        udm.addFile("one.csv", 10);
        udm.addFile("two.csv", 20);
        JsonNode single = ok(api.get("/files?filename=one.csv"), 200);
        assertTrue(single.isObject(), "one file: the documented PreSignedUri object");
        String path = single.get("path").asText();
        assertTrue(path.startsWith(udm.storageUrl() + "/udm-exports/one.csv?"), path);
        assertEquals(10, storage(path).send().getContent().length);

        JsonNode several = ok(api.get("/files?filename=two.csv,one.csv"), 200);
        assertTrue(several.isArray(), "several files: an array of PreSignedUri, in the order asked");
        assertTrue(several.get(0).get("path").asText().contains("/two.csv?"));
        assertTrue(several.get(1).get("path").asText().contains("/one.csv?"));

        ContentResponse missing = api.get("/files?filename=one.csv,nope.csv,nada.csv");
        assertEquals(404, missing.getStatus());
        assertEquals("[{\"path\":\"nope.csv\"},{\"path\":\"nada.csv\"}]", missing.getContentAsString());

        error(api.get("/files"), 400, "filename is required");
        String tooMany = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "f" + i).toList());
        error(api.get("/files?filename=" + tooMany), 400, "at most 100 links");
    }

    @Test
    void deleteManyFilesReportsTheOnesItCouldNotDelete() throws Exception {
        udm.addFile("x.csv", 1);
        udm.addFile("y.csv", 1);
        udm.addFile("z.csv", 1);
        ContentResponse partial = api.delete("/files?filename=x.csv,missing.csv,y.csv");
        assertEquals(500, partial.getStatus());
        assertEquals("[\"missing.csv\"]", partial.getContentAsString());
        assertEquals(List.of("z.csv"), udm.files().stream().map(UdmFile::name).toList());
        assertEquals(204, api.delete("/files?filename=z.csv").getStatus());
        error(api.delete("/files"), 400, "filename is required");
    }

    @Test
    void faultsApplyToTheApiAndToTheStorageHost() throws Exception {
        udm.addFile("f.csv", 5000);
        sim.faults().on("GET", "/udm/v10/files/*").status(503).times(1);
        error(api.get("/files/f.csv"), 503, "Service Unavailable");
        String location = link("f.csv");

        sim.faults().on("GET", "/udm-exports/**").status(500).times(1);
        xmlError(storage(location).send(), 500, "SimulatedFault", "500");
        sim.faults().on("GET", "/udm-exports/**").drop().times(1);
        assertThrows(ExecutionException.class, () -> storage(location).send());
        sim.faults().on("GET", "/udm-exports/**").delay(Duration.ofMillis(100)).times(1);
        assertEquals(5000, storage(location).send().getContent().length);
        assertEquals(3, sim.faults().hits("GET", "/udm-exports/**"));

        // a download cut mid-body: the client sees fewer bytes than Content-Length and an error
        udm.cutDownloads(1000, 1);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        storage(location).send(listener);
        Response response = listener.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.getStatus());
        assertEquals("5000", response.getHeaders().get("Content-Length"));
        long[] read = {0};
        assertThrows(IOException.class, () -> {
            try (InputStream in = listener.getInputStream()) {
                byte[] buffer = new byte[512];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    read[0] += n;
                }
            }
        });
        assertTrue(read[0] <= 1000, "read " + read[0]);
        assertEquals(5000, storage(location).send().getContent().length, "only the next download is cut");
    }

    @Test
    void manyDownloadsAtOnce() throws Exception {
        UdmFile file = udm.addFile("shared.csv", 300_000);
        byte[] expected = file.openStream().readAllBytes();
        // more in flight than the client's 64 connections per destination
        int downloads = 150;
        List<CompletableFuture<byte[]>> results = new java.util.ArrayList<>();
        for (int i = 0; i < downloads; i++) {
            // a link of its own per download, as clients ask for one each
            String location = link("shared.csv");
            CompletableFuture<byte[]> result = new CompletableFuture<>();
            storage(location).send(new BufferingResponseListener(1024 * 1024) {
                @Override
                public void onComplete(Result done) {
                    if (done.isFailed()) {
                        result.completeExceptionally(done.getFailure());
                    } else if (done.getResponse().getStatus() != 200) {
                        result.completeExceptionally(new AssertionError(done.getResponse().getStatus() + " "
                                + getContentAsString()));
                    } else {
                        result.complete(getContent());
                    }
                }
            });
            results.add(result);
        }
        for (CompletableFuture<byte[]> result : results) {
            assertArrayEquals(expected, result.get(60, TimeUnit.SECONDS));
        }
        assertEquals(downloads, sim.requests().count("GET", "/udm-exports/**"));
    }

    @Test
    void aLargeFileIsStreamedNotHeld() throws Exception {
        long size = 256L * 1024 * 1024 + 13;
        UdmFile file = udm.addFile("large.csv", size);
        String location = link("large.csv");
        InputStreamResponseListener listener = new InputStreamResponseListener();
        storage(location).timeout(120, TimeUnit.SECONDS).send(listener);
        Response response = listener.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.getStatus());
        assertEquals(String.valueOf(size), response.getHeaders().get("Content-Length"));
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        byte[] expected = new byte[buffer.length];
        // compare samples along the way (every 16 MiB), count everything
        long nextCheck = 0;
        byte[] tail = new byte[13];
        try (InputStream in = listener.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                int keep = Math.min(n, tail.length);
                System.arraycopy(tail, keep, tail, 0, tail.length - keep);
                System.arraycopy(buffer, n - keep, tail, tail.length - keep, keep);
                if (count + n > nextCheck) {
                    file.read(count, expected, 0, n);
                    assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOf(buffer, n), "at " + count);
                    nextCheck += 16L * 1024 * 1024;
                }
                count += n;
            }
        }
        assertEquals(size, count);
        // the last bytes received: the line numbering carried on to the end
        long lastLine = (size - 1) / UdmFile.LINE_LENGTH;
        assertEquals(String.format("%012d", lastLine) + ",", new String(tail, StandardCharsets.US_ASCII));
    }

    @Test
    void theStorageHostRestartsWithTheSimulatorOnItsPort() throws Exception {
        udm.addFile("kept.csv", 100);
        String location = link("kept.csv");
        sim.stop();
        assertThrows(ExecutionException.class, () -> storage(location).send());
        sim.start();
        assertEquals(100, storage(location).send().getContent().length, "links survive a restart");
    }
}
