package io.camelgenesys.udm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.http.DownloadStream;
import io.camelgenesys.core.test.LogCapture;
import io.camelgenesys.simulator.UdmFile;
import io.camelgenesys.udm.model.PreSignedUri;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * downloadFile and the file operations through routes: the 303 followed to the simulator's storage host without
 * credentials, the body streamed into file:, headers, expired and refused links, faults on both hosts, a cut transfer
 * resumed, the stream closed when the exchange completes, and more downloads in flight than worker threads.
 */
class UdmDownloadRouteTest extends UdmTestSupport {

    @TempDir
    Path out;

    private ExecutorService pool;
    private LogCapture logs;

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (logs != null) {
            logs.uninstall();
        }
    }

    /** from(direct).to(downloadFile).to(file:out) with the file's own name. */
    private String downloadToFolder(String options) throws Exception {
        String from = "direct:download" + System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(udm("downloadFile", options)).to("file:" + out);
            }
        });
        return from;
    }

    private static void assertSameContent(UdmFile expected, Path actual) throws IOException {
        assertEquals(expected.size(), Files.size(actual));
        try (InputStream a = expected.openStream(); InputStream b = Files.newInputStream(actual)) {
            byte[] x = new byte[64 * 1024];
            byte[] y = new byte[64 * 1024];
            while (true) {
                int n = a.readNBytes(x, 0, x.length);
                int m = b.readNBytes(y, 0, y.length);
                assertEquals(n, m);
                if (n == 0) {
                    return;
                }
                assertArrayEquals(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, m));
            }
        }
    }

    @Test
    void theRedirectIsFollowedWithoutCredentialsAndTheFileStreamsIntoAFolder() throws Exception {
        UdmFile file = udm().addFile("interactions_2024-03-01.csv", 3 * 1024 * 1024 + 17);
        String from = downloadToFolder("");
        Exchange done = template.request(from, e -> e.getMessage().setHeader(UdmConstants.FILE_NAME, file.name()));
        assertNull(done.getException());
        assertSameContent(file, out.resolve(file.name()));
        assertEquals(file.name(), done.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME));
        assertEquals(file.size(), done.getMessage().getHeader(UdmConstants.DOWNLOAD_SIZE));
        assertEquals("text/csv", done.getMessage().getHeader(UdmConstants.DOWNLOAD_CONTENT_TYPE));
        assertNotNull(done.getMessage().getHeader(UdmConstants.DOWNLOAD_ETAG));
        // Genesys got the key and the token; the storage host got neither
        assertEquals("mc-api-key", sim().requests().lastHeader("/udm/v10/files/*", "x-api-key"));
        assertNotNull(sim().requests().lastHeader("/udm/v10/files/*", "Authorization"));
        assertEquals(1, sim().requests().count("GET", "/udm-exports/**"));
        assertNull(sim().requests().lastHeader("/udm-exports/**", "Authorization"));
        assertNull(sim().requests().lastHeader("/udm-exports/**", "x-api-key"));
    }

    @Test
    void theBodyIsAStreamClosedWhenTheExchangeCompletesEvenUnread() throws Exception {
        udm().addFile("unread.csv", 2 * 1024 * 1024);
        AtomicReference<Object> body = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unread").to(udm("downloadFile", "fileName=unread.csv"))
                        .process(e -> body.set(e.getMessage().getBody()))
                        .setBody(constant("not read"));
            }
        });
        assertEquals("not read", template.requestBody("direct:unread", null, String.class));
        DownloadStream stream = assertInstanceOf(DownloadStream.class, body.get());
        assertTrue(stream.isClosed());
        assertEquals("unread.csv", stream.resource());
        assertEquals(2 * 1024 * 1024, stream.size());
        assertThrows(IOException.class, () -> stream.read(new byte[10], 0, 10));
    }

    @Test
    void downloadDirectoryWritesTheFileAndTheBodyIsThatFile() throws Exception {
        UdmFile file = udm().addFile("written.csv", 1_000_003);
        Path directory = out.resolve("downloads");
        Exchange done = template.request(route(udm("downloadFile", "downloadDirectory=" + directory)),
                e -> e.getMessage().setHeader(UdmConstants.FILE_NAME, file.name()));
        assertNull(done.getException());
        File written = assertInstanceOf(File.class, done.getMessage().getBody());
        assertEquals(directory.resolve("written.csv").toFile(), written);
        assertSameContent(file, written.toPath());
        try (var left = Files.list(directory)) {
            assertEquals(List.of("written.csv"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void twoDownloadsOfOneFileIntoOneDirectoryEachWriteTheirOwnPartFile() throws Exception {
        // two exchanges download the same export into the same directory at once (a split with a name listed twice,
        // a retry of the route while the first attempt still runs, two routes): neither may truncate, overwrite or
        // delete what the other is writing
        UdmFile file = udm().addFile("shared.csv", 2 * 1024 * 1024);
        Path directory = out.resolve("shared");
        String options = "fileName=shared.csv&downloadDirectory=" + directory;
        // A: its first response is served and cut after 1 MB; its resume is held
        CompletableFuture<Void> releaseA = new CompletableFuture<>();
        sim().faults().on("GET", "/udm-exports/**").delay(Duration.ofMillis(1)).times(1);
        sim().faults().on("GET", "/udm-exports/**").holdUntil(releaseA).times(1);
        udm().cutDownloads(1_000_000, 1);
        pool = Executors.newFixedThreadPool(2);
        String a = route(udm("downloadFile", options + "&retryInitialDelay=10"));
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> template.request(a, e -> {
        }), pool);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sim().faults().hits("GET", "/udm-exports/**") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, sim().faults().hits("GET", "/udm-exports/**"), "A's resume was not held");
        // B: the same file, cut after its first byte, not resumed: it fails, and cleans up after itself
        udm().cutDownloads(1, 1);
        Exchange second = template.request(route(udm("downloadFile", options + "&retryEnabled=false")), e -> {
        });
        assertNotNull(second.getException());
        releaseA.complete(null);
        Exchange done = first.get(30, TimeUnit.SECONDS);
        assertNull(done.getException());
        assertSameContent(file, directory.resolve("shared.csv"));
        try (var left = Files.list(directory)) {
            assertEquals(List.of("shared.csv"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static long partFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void aContextStoppedMidDownloadFailsTheDownloadAndLeavesNoPartFile() throws Exception {
        // a download into downloadDirectory and a streamed one are both in flight (each waiting for the storage host's
        // answer to its resume) when the CamelContext stops: both end, failed, and no .part is left behind; neither
        // waits for a retry the stopped connection will never run
        UdmFile file = udm().addFile("stopped.csv", 2 * 1024 * 1024);
        Path directory = out.resolve("stopped");
        CompletableFuture<Void> release = new CompletableFuture<>();
        udm().cutDownloads(1_000_000, 2);
        sim().faults().on("GET", "/udm-exports/**").delay(Duration.ofMillis(1)).times(2); // the first GETs
        sim().faults().on("GET", "/udm-exports/**").holdUntil(release).times(2); // the resumes
        String written = route(udm("downloadFile", "fileName=stopped.csv&retryInitialDelay=10&downloadDirectory="
                                                   + directory));
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:streamed").to(udm("downloadFile", "fileName=stopped.csv&retryInitialDelay=10"))
                        .process(e -> {
                            try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                                in.transferTo(java.io.OutputStream.nullOutputStream());
                            } catch (IOException x) {
                                readFailure.set(x);
                                throw x;
                            }
                        });
            }
        });
        pool = Executors.newFixedThreadPool(2);
        CompletableFuture<Exchange> toFile = CompletableFuture.supplyAsync(() -> template.request(written, e -> {
        }), pool);
        CompletableFuture<Exchange> streamed = CompletableFuture.supplyAsync(() -> template.request("direct:streamed",
                e -> {
                }), pool);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sim().faults().hits("GET", "/udm-exports/**") < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(4, sim().faults().hits("GET", "/udm-exports/**"), "both resumes held");
        context.getShutdownStrategy().setTimeout(1); // the graceful phase: the held transfers cannot finish in it
        try {
            context.stop();
            // Camel releases the callers blocked in template.request when its graceful phase times out; the
            // transfers themselves must end too: the reader fails, the part file is deleted
            assertNotNull(toFile.get(30, TimeUnit.SECONDS).getException());
            assertNotNull(streamed.get(30, TimeUnit.SECONDS).getException());
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((readFailure.get() == null || partFiles(directory) > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            IOException read = assertInstanceOf(IOException.class, readFailure.get(), "the reader still waits");
            assertTrue(read.getMessage().contains("stopped.csv"), read.getMessage());
            assertEquals(0, partFiles(directory), "a .part file was left behind");
            assertFalse(Files.exists(directory.resolve(file.name())));
        } finally {
            release.complete(null);
        }
    }

    @Test
    void anExpiredLinkFailsNamingTheFileAndNeverTheLink() throws Exception {
        logs = LogCapture.install();
        udm().addFile("expired.csv", 1000);
        // every link is expired by the time it is used, the one asked for again after the 403 included: links live
        // 1 ms, and the storage host takes 30 ms before it looks at one
        udm().setLinkLifetime(Duration.ofMillis(1));
        sim().faults().on("GET", "/udm-exports/**").delay(Duration.ofMillis(30)).times(2);
        String from = route(udm("downloadFile", "fileName=expired.csv"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(from, (Object) null));
        GenesysDownloadException refused = assertInstanceOf(GenesysDownloadException.class, e.getCause());
        assertEquals(403, refused.getHttpStatus());
        assertEquals("expired.csv", refused.getResource());
        String message = refused.getMessage();
        assertTrue(message.contains("Downloading expired.csv failed"), message);
        assertTrue(message.contains("AccessDenied: Request has expired"), message);
        assertTrue(message.contains("expired or was refused"), message);
        assertFalse(message.contains("signature"), message);
        assertFalse(message.contains("expires="), message);
        // one new link was asked for after the first 403
        assertEquals(2, sim().requests().count("GET", "/udm/v10/files/*"));
        for (LogCapture.Captured c : logs.events()) {
            assertFalse(c.all().contains("signature="), c.all());
        }
    }

    @Test
    void aLinkThatExpiredAfterItWasGivenIsReplacedOnce() throws Exception {
        UdmFile file = udm().addFile("relinked.csv", 5000);
        // the first link dies between the 303 and the GET: a fault on the storage host answers the first GET 403
        sim().faults().on("GET", "/udm-exports/**").status(403).times(1);
        Exchange done = template.request(downloadToFolder("fileName=relinked.csv"), e -> {
        });
        assertNull(done.getException());
        assertSameContent(file, out.resolve("relinked.csv"));
        assertEquals(2, sim().requests().count("GET", "/udm/v10/files/*"));
    }

    @Test
    void aLongTransferResumedAfterItsLinkExpiredTwiceGetsANewLinkEachTime() throws Exception {
        // a multi-gigabyte export outlives its link: every break after the link expired needs a new one, not just the
        // first. Here the connection is cut after each 1 MB sent and every link dies while the route reads its bytes.
        UdmFile file = udm().addFile("long.csv", 3 * 1024 * 1024);
        udm().cutDownloads(1_000_000, 2);
        Path copy = out.resolve("long.csv");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:long").to(udm("downloadFile", "fileName=long.csv&retryInitialDelay=10")).process(e -> {
                    DownloadStream in = e.getMessage().getBody(DownloadStream.class);
                    try (var target = Files.newOutputStream(copy)) {
                        byte[] buffer = new byte[8192];
                        long expireAt = 500_000;
                        int n;
                        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                            target.write(buffer, 0, n);
                            if (in.position() >= expireAt) {
                                udm().expireLinks(); // the link in use dies before the cut ahead is reached
                                expireAt += 1_000_000;
                            }
                        }
                    }
                });
            }
        });
        Exchange done = template.request("direct:long", e -> {
        });
        assertNull(done.getException());
        assertSameContent(file, copy);
        // the first link, then one new link per resume that met an expired one
        assertEquals(3, sim().requests().count("GET", "/udm/v10/files/*"));

    }

    @Test
    void aFileGoneFromStorageIs404AndAnUnknownFileIs404FromGenesys() throws Exception {
        udm().addFile("gone.csv", 100);
        sim().faults().on("GET", "/udm-exports/**").status(404).times(1);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("downloadFile", "fileName=gone.csv")), (Object) null));
        GenesysDownloadException gone = assertInstanceOf(GenesysDownloadException.class, e.getCause());
        assertEquals(404, gone.getHttpStatus());
        assertTrue(gone.getMessage().contains("no longer in storage"), gone.getMessage());

        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("downloadFile", "fileName=never-existed.csv")), (Object) null));
        GenesysApiException unknown = assertInstanceOf(GenesysApiException.class, e.getCause());
        assertFalse(unknown instanceof GenesysDownloadException);
        assertEquals(404, unknown.getHttpStatus());
        assertEquals(1, sim().requests().count("GET", "/udm-exports/**"));
    }

    @Test
    void faultsOnBothHostsAreRetriedAndTheTokenRefreshed() throws Exception {
        UdmFile file = udm().addFile("faults.csv", 200_000);
        String from = downloadToFolder("fileName=faults.csv&retryInitialDelay=10");
        template.requestBody(from, (Object) null); // a token exists
        sim().tokens().revokeAll();
        sim().faults().on("GET", "/udm/v10/files/*").status(429).header("Retry-After", "0").times(1);
        sim().faults().on("GET", "/udm-exports/**").status(503).times(2);
        Exchange done = template.request(from, e -> {
        });
        assertNull(done.getException());
        assertSameContent(file, out.resolve("faults.csv"));
    }

    @Test
    void aTransferCutMidwayResumesWithARangeForTheRest() throws Exception {
        UdmFile file = udm().addFile("cut.csv", 4 * 1024 * 1024);
        udm().cutDownloads(1_000_000, 2);
        Exchange done = template.request(downloadToFolder("fileName=cut.csv&retryInitialDelay=10"), e -> {
        });
        assertNull(done.getException());
        assertSameContent(file, out.resolve("cut.csv"));
        assertEquals("bytes=", sim().requests().lastHeader("/udm-exports/**", "Range").substring(0, 6));
        assertEquals(3, sim().requests().count("GET", "/udm-exports/**"));

        // the same into downloadDirectory: the file is written on
        udm().cutDownloads(500_000, 1);
        Path directory = out.resolve("dir");
        Exchange written = template.request(route(udm("downloadFile", "fileName=cut.csv&retryInitialDelay=10"
                                                                      + "&downloadDirectory=" + directory)), e -> {
        });
        assertNull(written.getException());
        assertSameContent(file, directory.resolve("cut.csv"));
    }

    @Test
    void aCutThatCannotBeResumedFailsTheRouteNamingTheFileAndHowFarItGot() throws Exception {
        udm().addFile("broken.csv", 2 * 1024 * 1024);
        udm().cutDownloads(100_000, 1);
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(downloadToFolder("fileName=broken.csv&retryEnabled=false"), (Object) null));
        Throwable cause = e.getCause();
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        IOException io = assertInstanceOf(IOException.class, cause);
        assertTrue(io.getMessage().contains("broken.csv broke off after"), io.getMessage());
        assertTrue(io.getMessage().contains("cannot be resumed"), io.getMessage());
    }

    @Test
    void listFilesPagesTheFileMetadataWithTheApisFilters() throws Exception {
        udm().addFile(java.util.Map.of("name", "n1.csv", "size", 5L << 31, "jobTitle", "Nightly", "type", "Interaction",
                "uploadDate", "2024-03-01T10:00:00Z"));
        udm().addFile(java.util.Map.of("name", "n2.csv", "size", 10, "jobTitle", "Nightly", "type", "Interaction",
                "uploadDate", "2024-03-02T10:00:00Z"));
        udm().addFile(java.util.Map.of("name", "w1.csv", "size", 10, "jobTitle", "Weekly", "type", "Contact",
                "uploadDate", "2024-03-03T10:00:00Z"));
        io.camelgenesys.udm.model.PagedResponse<?> nightly = template.requestBody(
                route(udm("listFiles", "jobTitle=nightly&orderField=uploadDate&descAsc=true")), null,
                io.camelgenesys.udm.model.PagedResponse.class);
        assertEquals(2, nightly.getCount());
        io.camelgenesys.udm.model.FileMetadata newest = (io.camelgenesys.udm.model.FileMetadata) nightly.getItems().get(0);
        assertEquals("n2.csv", newest.getName());
        io.camelgenesys.udm.model.FileMetadata big = (io.camelgenesys.udm.model.FileMetadata) nightly.getItems().get(1);
        // sizes are longs: exports pass 2 GiB
        assertEquals(5L << 31, big.getSize());
        io.camelgenesys.udm.model.PagedResponse<?> dated = template.requestBody(
                route(udm("listFiles", "startDate=2024-03-02&endDate=2024-03-02")), null,
                io.camelgenesys.udm.model.PagedResponse.class);
        assertEquals(List.of("n2.csv"), dated.getItems().stream()
                .map(f -> ((io.camelgenesys.udm.model.FileMetadata) f).getName()).toList());
        // file-metadatas documents 200 only: nothing matching is an empty page
        io.camelgenesys.udm.model.PagedResponse<?> none = template.requestBody(route(udm("listFiles", "name=zzz")), null,
                io.camelgenesys.udm.model.PagedResponse.class);
        assertEquals(0, none.getCount());
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("listFiles", "startDate=yesterday")), (Object) null));
        assertEquals(400, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
    }

    @Test
    void fileLinksAreGivenForOneOrManyAndUnknownNamesAre404() throws Exception {
        udm().addFile("a.csv", 10);
        udm().addFile("b.csv", 10);
        PreSignedUri one = template.requestBody(route(udm("getFileLinks", "fileNames=a.csv")), null, PreSignedUri.class);
        assertTrue(one.getPath().startsWith(udm().storageUrl()));
        List<?> two = template.requestBodyAndHeader(route(udm("getFileLinks", "")), null, UdmConstants.FILE_NAMES,
                List.of("a.csv", "b.csv"), List.class);
        assertEquals(2, two.size());
        assertTrue(((PreSignedUri) two.get(1)).getPath().contains("b.csv"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("getFileLinks", "fileNames=a.csv,nope.csv")), (Object) null));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("f" + i);
        }
        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(route(udm("getFileLinks", "")), null, UdmConstants.FILE_NAMES, many));
        assertEquals("getFileLinks: filename may list at most 100 values, was 101", e.getCause().getMessage());
    }

    @Test
    void deleteFileAndDeleteFiles() throws Exception {
        udm().addFile("one.csv", 10);
        udm().addFile("two.csv", 10);
        udm().addFile("three.csv", 10);
        Exchange deleted = template.request(route(udm("deleteFile", "fileName=one.csv")), e -> {
        });
        assertNull(deleted.getException());
        assertTrue(udm().file("one.csv").isEmpty());
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("deleteFile", "fileName=one.csv")), (Object) null));
        assertEquals(404, assertInstanceOf(GenesysApiException.class, e.getCause()).getHttpStatus());

        e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(route(udm("deleteFiles", "fileNames=two.csv,one.csv")), (Object) null));
        UdmNotDeletedException partly = assertInstanceOf(UdmNotDeletedException.class, e.getCause());
        assertEquals(List.of("one.csv"), partly.getNotDeleted());
        assertTrue(udm().file("two.csv").isEmpty());
        Exchange rest = template.request(route(udm("deleteFiles", "fileNames=three.csv")), x -> {
        });
        assertNull(rest.getException());
        assertEquals(0, udm().fileCount());
    }

    @Test
    void moreDownloadsInFlightThanWorkerThreadsAllComplete() throws Exception {
        int files = 24;
        for (int i = 0; i < files; i++) {
            udm().addFile("parallel-" + i + ".csv", 300_000 + i);
        }
        pool = Executors.newFixedThreadPool(2);
        context.getRegistry().bind("twoThreads", pool);
        String from = downloadToFolder("workerPool=#twoThreads");
        ExecutorService callers = Executors.newFixedThreadPool(files);
        try {
            List<CompletableFuture<Exchange>> all = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                String name = "parallel-" + i + ".csv";
                all.add(CompletableFuture.supplyAsync(() -> template.request(from,
                        e -> e.getMessage().setHeader(UdmConstants.FILE_NAME, name)), callers));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<Exchange> f : all) {
                assertNull(f.get().getException());
            }
        } finally {
            callers.shutdownNow();
        }
        for (int i = 0; i < files; i++) {
            String name = "parallel-" + i + ".csv";
            assertSameContent(udm().file(name).orElseThrow(), out.resolve(name));
        }
    }

    @Test
    void aSplitExportIsDownloadedFileByFileFromItsFileNames() throws Exception {
        udm().addFile("part_001.csv", 70_000);
        udm().addFile("part_002.csv", 70_001);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:parts").split(body().tokenize(",")).streaming()
                        .setHeader(UdmConstants.FILE_NAME, body())
                        .to(udm("downloadFile", ""))
                        .to("file:" + out)
                        .to("mock:parts");
            }
        });
        MockEndpoint parts = getMockEndpoint("mock:parts");
        parts.expectedMessageCount(2);
        template.sendBody("direct:parts", "part_001.csv,part_002.csv");
        parts.assertIsSatisfied(20_000);
        assertSameContent(udm().file("part_001.csv").orElseThrow(), out.resolve("part_001.csv"));
        assertSameContent(udm().file("part_002.csv").orElseThrow(), out.resolve("part_002.csv"));
    }
}
