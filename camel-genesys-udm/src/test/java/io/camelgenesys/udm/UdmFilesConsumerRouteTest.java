package io.camelgenesys.udm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelgenesys.simulator.UdmFile;
import io.camelgenesys.udm.model.FileMetadata;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * from("genesys-udm:files"): each file once, downloaded; a failed route or download is tried again on the next poll
 * (nothing lost); a persistent idempotent repository keeps a restarted CamelContext from downloading anything twice;
 * deleteAfterDownload; filters; later polls start at the upload date up to which everything is done.
 */
class UdmFilesConsumerRouteTest extends UdmTestSupport {

    private static final String POLL = "delay=100&initialDelay=0";

    @TempDir
    Path out;

    private UdmFile file(String name, long size, String uploadDate, String jobTitle) {
        return udm().addFile(Map.of("name", name, "size", size, "uploadDate", uploadDate, "jobTitle", jobTitle));
    }

    private void consume(String options, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(udm("files", POLL + (options.isEmpty() ? "" : "&" + options))).routeId("files")
                        .to("file:" + out).to(to);
            }
        });
    }

    /** Five files a second apart, {@code prefix}1.csv to {@code prefix}5.csv, and a consumer's second listing held. */
    private CompletableFuture<Void> fiveFilesAndTheSecondListingHeld(String prefix) {
        for (int i = 1; i <= 5; i++) {
            file(prefix + i + ".csv", 100, "2024-03-01T10:00:0" + i + "Z", "Nightly");
        }
        CompletableFuture<Void> release = new CompletableFuture<>();
        sim().faults().on("GET", "/udm/v10/file-metadatas").delay(Duration.ofMillis(1)).times(1);
        sim().faults().on("GET", "/udm/v10/file-metadatas").holdUntil(release).times(1);
        return release;
    }

    /** Waits until the second listing is held; fails when it was not. */
    private void awaitTheSecondListingHeld(long deadline) throws InterruptedException {
        while (sim().faults().hits("GET", "/udm/v10/file-metadatas") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, sim().faults().hits("GET", "/udm/v10/file-metadatas"), "the second listing was not held");
    }

    private static List<String> namesReceived(MockEndpoint files) {
        return files.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME, String.class)).toList();
    }

    /** Binds {@code #counting}, a repository that records each name it is asked about, in the returned list. */
    private List<String> countingRepository() {
        List<String> checked = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("counting", new MemoryIdempotentRepository() {
            @Override
            public boolean contains(String key) {
                checked.add(key);
                return super.contains(key);
            }
        });
        return checked;
    }

    /** Waits until the repository was asked about a name (the consumer checks a listing a moment after it arrives). */
    private static void awaitChecked(List<String> checked) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (checked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Waits until the consumer has listed at least {@code polls} more times. */
    private void awaitPolls(int polls) throws InterruptedException {
        int target = sim().requests().count("GET", "/udm/v10/file-metadatas") + polls;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim().requests().count("GET", "/udm/v10/file-metadatas") < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(sim().requests().count("GET", "/udm/v10/file-metadatas") >= target, "the consumer stopped polling");
    }

    @Test
    void eachFileIsEmittedOnceDownloadedAndNewFilesOnLaterPolls() throws Exception {
        file("a.csv", 10_000, "2024-03-01T10:00:00Z", "Nightly");
        file("b.csv", 20_000, "2024-03-01T10:00:01Z", "Nightly");
        file("c.csv", 30_000, "2024-03-01T10:00:02Z", "Nightly");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedBodiesReceivedInAnyOrder(); // bodies are streams: checked on disk
        files.expectedMessageCount(3);
        consume("", "mock:files");
        files.assertIsSatisfied(10_000);
        awaitPolls(3);
        assertEquals(3, files.getReceivedCounter());
        FileMetadata first = files.getReceivedExchanges().get(0).getMessage().getHeader(UdmConstants.FILE,
                FileMetadata.class);
        assertEquals("a.csv", first.getName());
        assertEquals("Nightly", first.getJobTitle());
        for (String name : List.of("a.csv", "b.csv", "c.csv")) {
            assertEquals(udm().file(name).orElseThrow().size(), Files.size(out.resolve(name)));
        }
        assertEquals(3, sim().requests().count("GET", "/udm-exports/**"));

        files.reset();
        files.expectedMessageCount(2);
        file("d.csv", 1_000, "2024-03-01T11:00:00Z", "Nightly");
        file("e.csv", 1_000, "2024-03-01T11:00:01Z", "Nightly");
        files.assertIsSatisfied(10_000);
        awaitPolls(2);
        assertEquals(2, files.getReceivedCounter());
        assertEquals(5, sim().requests().count("GET", "/udm-exports/**"));
        assertEquals(5, udm().fileCount());
    }

    @Test
    void aFailedRouteLeavesTheFileForTheNextPollAndNothingIsLost() throws Exception {
        file("ok.csv", 1_000, "2024-03-01T10:00:00Z", "Nightly");
        file("flaky.csv", 2_000, "2024-03-01T10:00:01Z", "Nightly");
        file("later.csv", 3_000, "2024-03-01T10:00:02Z", "Nightly");
        AtomicInteger flakyAttempts = new AtomicInteger();
        List<String> succeeded = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(udm("files", POLL)).routeId("files")
                        .process(e -> {
                            String name = e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME, String.class);
                            if ("flaky.csv".equals(name) && flakyAttempts.incrementAndGet() < 3) {
                                throw new IllegalStateException("the CRM is down");
                            }
                        })
                        .to("file:" + out)
                        .process(e -> succeeded.add(e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME,
                                String.class)));
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (succeeded.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        awaitPolls(2);
        List<String> sorted = new ArrayList<>(succeeded);
        Collections.sort(sorted);
        assertEquals(List.of("flaky.csv", "later.csv", "ok.csv"), sorted);
        assertEquals(3, flakyAttempts.get());
        assertEquals(2_000, Files.size(out.resolve("flaky.csv")));
        // downloaded once per attempt, the others once
        assertEquals(5, sim().requests().count("GET", "/udm-exports/**"));
    }

    @Test
    void aFailedDownloadIsTriedAgainOnTheNextPoll() throws Exception {
        file("storage-hiccup.csv", 5_000, "2024-03-01T10:00:00Z", "Nightly");
        sim().faults().on("GET", "/udm-exports/**").status(503).times(1);
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(1);
        consume("retryEnabled=false", "mock:files");
        files.assertIsSatisfied(10_000);
        assertEquals(2, sim().requests().count("GET", "/udm-exports/**"));
        assertEquals(5_000, Files.size(out.resolve("storage-hiccup.csv")));
    }

    @Test
    void aListedFileThatIsGoneIsSkippedAndHoldsNothing() throws Exception {
        // listed, then gone before its download (deleted by another route, a person, retention): Genesys answers
        // "404 File Not Found" (v3 002 L12121; v10 404, L10594-10596) or the storage host NoSuchKey. Tried again every
        // poll, it held the watermark before it for good, so each poll listed everything after it again (and the
        // default repository, 10,000 names, forgot the oldest: downloaded twice)
        file("gone-genesys.csv", 100, "2024-03-01T10:00:00Z", "Nightly");
        file("gone-storage.csv", 100, "2024-03-01T10:00:01Z", "Nightly");
        file("after.csv", 100, "2024-03-01T10:00:02Z", "Nightly");
        sim().faults().on("GET", "/udm/v10/files/gone-genesys.csv").status(404);
        sim().faults().on("GET", "/udm-exports/gone-storage.csv").status(404)
                .body("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>",
                        "application/xml");
        List<String> checked = countingRepository();
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(1);
        consume("idempotentRepository=#counting", "mock:files");
        files.assertIsSatisfied(10_000);
        assertEquals(List.of("after.csv"), namesReceived(files));
        awaitPolls(1);
        checked.clear();
        awaitPolls(2);
        awaitChecked(checked);
        // later polls start at the newest file done: the files that are gone are not listed, nor downloaded, again
        assertTrue(!checked.isEmpty() && checked.stream().allMatch("after.csv"::equals), checked.toString());
        assertEquals(1, sim().requests().count("GET", "/udm/v10/files/gone-genesys.csv"));
        assertEquals(1, sim().requests().count("GET", "/udm-exports/gone-storage.csv"));
        assertEquals(1, files.getReceivedCounter());
    }

    @Test
    void aRestartedContextWithAFileRepositoryDownloadsNothingTwice() throws Exception {
        Path store = out.resolve("processed.txt");
        file("r1.csv", 1_000, "2024-03-01T10:00:00Z", "Nightly");
        file("r2.csv", 1_000, "2024-03-01T10:00:01Z", "Nightly");
        file("r3.csv", 1_000, "2024-03-01T10:00:02Z", "Nightly");
        List<String> first = runContext(store, 3);
        assertEquals(3, first.size());
        assertEquals(3, sim().requests().count("GET", "/udm-exports/**"));
        assertTrue(Files.readString(store).contains("r2.csv"));

        file("r4.csv", 1_000, "2024-03-01T12:00:00Z", "Nightly");
        file("r5.csv", 1_000, "2024-03-01T12:00:01Z", "Nightly");
        List<String> second = runContext(store, 2);
        Collections.sort(second);
        assertEquals(List.of("r4.csv", "r5.csv"), second);
        assertEquals(5, sim().requests().count("GET", "/udm-exports/**"));
    }

    /** A CamelContext of its own, with a FileIdempotentRepository on {@code store}, until {@code expected} files. */
    private List<String> runContext(Path store, int expected) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        IdempotentRepository repository = FileIdempotentRepository.fileIdempotentRepository(store.toFile());
        try (CamelContext other = new DefaultCamelContext()) {
            other.getRegistry().bind("processed", repository);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(udm("files", POLL + "&idempotentRepository=#processed"))
                            .to("file:" + out.resolve("restart"))
                            .process(e -> seen.add(e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME, String.class)));
                }
            });
            other.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            awaitPolls(2);
        }
        return seen;
    }

    @Test
    void deleteAfterDownloadDeletesOnlyWhatTheRouteCompleted() throws Exception {
        file("keep-on-failure.csv", 1_000, "2024-03-01T10:00:00Z", "Nightly");
        file("delete-me.csv", 1_000, "2024-03-01T10:00:01Z", "Nightly");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(udm("files", POLL + "&deleteAfterDownload=true")).routeId("files")
                        .filter(header(UdmConstants.DOWNLOAD_FILE_NAME).isEqualTo("keep-on-failure.csv"))
                            .throwException(new IllegalStateException("refused by the route"))
                        .end()
                        .to("file:" + out);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (udm().file("delete-me.csv").isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        awaitPolls(2);
        assertTrue(udm().file("delete-me.csv").isEmpty());
        assertTrue(udm().file("keep-on-failure.csv").isPresent());
    }

    @Test
    void deleteAfterDownloadLosesNoFileWhenTheListingHasSeveralPages() throws Exception {
        // the listing's second page is held until the first page's files are deleted (or their deletes wait for the
        // listing's end): a delete during the listing shifts every later file one offset down
        CompletableFuture<Void> release = fiveFilesAndTheSecondListingHeld("paged-");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(5);
        consume("pageSize=2&deleteAfterDownload=true", "mock:files");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            UdmFilesConsumer consumer = (UdmFilesConsumer) context.getRoute("files").getConsumer();
            awaitTheSecondListingHeld(deadline);
            while (udm().fileCount() > 3 && consumer.deferredDeletes() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(udm().fileCount() == 3 || consumer.deferredDeletes() == 2, "the first page's files are done");
        } finally {
            release.complete(null);
        }
        files.assertIsSatisfied(30_000);
        assertEquals(List.of("paged-1.csv", "paged-2.csv", "paged-3.csv", "paged-4.csv", "paged-5.csv"),
                namesReceived(files));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (udm().fileCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, udm().fileCount());
    }

    @Test
    void everyPageIsListedWhenCountIsThePagesLength() throws Exception {
        // the seed does not define PagedResponse.count (002 L10424): read as a total, a count that is the page's
        // length ended every listing after its first page. The watermark hid it while files succeed; a first page of
        // files whose route keeps failing held back every later file for ever
        udm().setCountIsPageLength(true);
        for (int i = 1; i <= 5; i++) {
            file("p" + i + ".csv", 100, "2024-03-01T10:00:0" + i + "Z", "Nightly");
        }
        List<String> succeeded = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(udm("files", POLL + "&pageSize=2")).routeId("files")
                        .process(e -> {
                            String name = e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME, String.class);
                            if (name.equals("p1.csv") || name.equals("p2.csv")) {
                                throw new IllegalStateException("the CRM refuses " + name);
                            }
                        })
                        .to("file:" + out)
                        .process(e -> succeeded.add(e.getMessage().getHeader(UdmConstants.DOWNLOAD_FILE_NAME,
                                String.class)));
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (succeeded.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("p3.csv", "p4.csv", "p5.csv"), succeeded);
        for (int i = 3; i <= 5; i++) {
            assertEquals(100, Files.size(out.resolve("p" + i + ".csv")));
        }
        // a producer's pageAll listing has every page too
        java.util.Iterator<?> it = template.requestBody(route(udm("listFiles", "pageAll=true&pageSize=2")), null,
                java.util.Iterator.class);
        List<String> all = new ArrayList<>();
        it.forEachRemaining(f -> all.add(((FileMetadata) f).getName()));
        assertEquals(List.of("p1.csv", "p2.csv", "p3.csv", "p4.csv", "p5.csv"), all);
    }

    @Test
    void aFileDeletedElsewhereDuringAListingMakesNoLaterFileSkipped() throws Exception {
        // the listing's second request is held while a file it already listed is deleted elsewhere (another route, a
        // person, retention): an offset-paged second page (from=2) would start one file later, skip x3, and the
        // watermark, past x3 by the end of the poll, kept any later poll from listing it again
        CompletableFuture<Void> release = fiveFilesAndTheSecondListingHeld("x");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(5);
        consume("pageSize=2", "mock:files");
        try {
            awaitTheSecondListingHeld(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            template.requestBody(route(udm("deleteFile", "fileName=x1.csv")), (Object) null);
        } finally {
            release.complete(null);
        }
        files.assertIsSatisfied(20_000);
        assertEquals(List.of("x1.csv", "x2.csv", "x3.csv", "x4.csv", "x5.csv"), namesReceived(files));
    }

    @Test
    void noFileIsSkippedWhenStartDateLeavesOutItsOwnDate() throws Exception {
        // the seed does not say whether startDate includes files uploaded at that date (002 L10390): a page that ends
        // inside a run of files of one date, and the next asked from that date, would leave out the rest of the run
        udm().setStartDateExclusive(true);
        file("s1.csv", 100, "2024-03-01T10:00:01Z", "Nightly");
        file("s2.csv", 100, "2024-03-01T10:00:02Z", "Nightly");
        file("s3.csv", 100, "2024-03-01T10:00:02Z", "Nightly");
        file("s4.csv", 100, "2024-03-01T10:00:03Z", "Nightly");
        file("s5.csv", 100, "2024-03-01T10:00:04Z", "Nightly");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(5);
        consume("pageSize=2", "mock:files");
        files.assertIsSatisfied(20_000);
        assertEquals(List.of("s1.csv", "s2.csv", "s3.csv", "s4.csv", "s5.csv"),
                namesReceived(files).stream().sorted().toList());
        awaitPolls(2);
        assertEquals(5, files.getReceivedCounter(), "a file was emitted twice");
    }

    @Test
    void filtersAndDownloadDirectory() throws Exception {
        file("nightly-1.csv", 1_000, "2024-03-01T10:00:00Z", "Nightly interactions");
        file("weekly-1.csv", 1_000, "2024-03-01T10:00:01Z", "Weekly contacts");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(udm("files", POLL + "&jobTitle=nightly&downloadDirectory=" + out.resolve("dl"))).to("mock:files");
            }
        });
        files.assertIsSatisfied(10_000);
        awaitPolls(2);
        assertEquals(1, files.getReceivedCounter());
        File written = assertInstanceOf(File.class, files.getReceivedExchanges().get(0).getMessage().getBody());
        assertEquals("nightly-1.csv", written.getName());
        assertEquals(1_000, written.length());
    }

    @Test
    void laterPollsStartWhereEverythingIsDone() throws Exception {
        file("w1.csv", 100, "2024-03-01T10:00:00Z", "Nightly");
        file("w2.csv", 100, "2024-03-01T10:00:01Z", "Nightly");
        file("w3.csv", 100, "2024-03-01T10:00:02Z", "Nightly");
        List<String> checked = countingRepository();
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(3);
        consume("idempotentRepository=#counting", "mock:files");
        files.assertIsSatisfied(10_000);
        awaitPolls(1);
        checked.clear();
        awaitPolls(1);
        // the simulator counts the listing when it arrives; the consumer checks its answer a moment later
        awaitChecked(checked);
        // after the first poll only the newest file done (startDate is inclusive) is listed again
        assertTrue(checked.stream().allMatch("w3.csv"::equals), checked.toString());
        assertTrue(!checked.isEmpty());
    }

    @Test
    void theConsumerIsNotAProducer() throws Exception {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> template.requestBody(route(udm("files", "")), (Object) null));
        assertTrue(String.valueOf(e.getMessage() + e.getCause()).contains("files is a consumer"), e.toString());
    }

    @Test
    void exchangesCarryTheDownloadAndCamelFileNameHeaders() throws Exception {
        file("headers.csv", 777, "2024-03-01T10:00:00Z", "Nightly");
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(1);
        consume("", "mock:files");
        files.assertIsSatisfied(10_000);
        Exchange e = files.getReceivedExchanges().get(0);
        assertEquals("headers.csv", e.getMessage().getHeader(Exchange.FILE_NAME));
        assertEquals(777L, e.getMessage().getHeader(UdmConstants.DOWNLOAD_SIZE));
        assertEquals("text/csv", e.getMessage().getHeader(UdmConstants.DOWNLOAD_CONTENT_TYPE));
    }
}
