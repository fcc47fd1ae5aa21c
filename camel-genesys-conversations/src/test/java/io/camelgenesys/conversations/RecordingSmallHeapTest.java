package io.camelgenesys.conversations;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.camelgenesys.core.test.SmallHeap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 200 MB recording, larger than the heap: runs in its own surefire execution with {@code -Xmx64m} (see the pom), which
 * also holds the in-process simulator serving it. Through a route into {@code file:} with Camel's stream caching on
 * (its default, in memory), and written by {@code downloadDirectory}: either would need the whole recording in the
 * heap if anything buffered it.
 */
class RecordingSmallHeapTest extends CloudTestSupport {

    private static final long SIZE = 200L * 1000 * 1000;

    @TempDir
    Path out;

    /** The size, the first and last 64 KiB and 16 random 64 KiB ranges compared with what the simulator serves. */
    private void assertSameContent(String recordingId, Path actual) throws Exception {
        assertEquals(SIZE, Files.size(actual));
        Random random = new Random(SIZE);
        try (RandomAccessFile file = new RandomAccessFile(actual.toFile(), "r")) {
            for (int i = 0; i < 18; i++) {
                long start = i == 0 ? 0 : i == 1 ? SIZE - (1 << 16) : (long) (random.nextDouble() * (SIZE - (1 << 16)));
                byte[] got = new byte[1 << 16];
                file.seek(start);
                file.readFully(got);
                assertArrayEquals(cloud().mediaBytes(recordingId, start, 1 << 16), got, "bytes from " + start);
            }
        }
    }

    @Test
    void a200MbRecordingStreamsThroughARouteIntoAFileAndToTheDownloadDirectory() throws Exception {
        SmallHeap.require();
        assertTrue(context.isStreamCaching(), "Camel's default stream caching is on: the download must not be cached");
        String conversation = cloud().addConversation(cloud().seedUsers(1).get(0), SIZE);
        String rid = cloud().recordingIds(conversation).get(0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:big").to(uri("conversations", "downloadRecording", "conversationId=" + conversation
                                                                               + "&formatId=WAV"))
                        .to("file:" + out + "?fileName=" + rid + ".wav");
            }
        });
        SmallHeap.resetPeak();
        long started = System.nanoTime();
        Exchange done = template.asyncSend("direct:big", e -> e.getMessage().setHeader(
                ConversationsConstants.RECORDING_ID, rid)).get(5, TimeUnit.MINUTES);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertNull(done.getException());
        System.out.printf("200 MB recording through a route into file: in %d ms, heap high-water %d MiB of %d MiB%n",
                millis, SmallHeap.peakMb(), Runtime.getRuntime().maxMemory() >> 20);
        assertSameContent(rid, out.resolve(rid + ".wav"));
        Files.delete(out.resolve(rid + ".wav"));

        Path directory = out.resolve("recordings");
        SmallHeap.resetPeak();
        File written = template.requestBodyAndHeader(route(uri("conversations", "downloadRecording", "conversationId="
                + conversation + "&downloadDirectory=" + directory)), null, ConversationsConstants.RECORDING_ID, rid,
                File.class);
        System.out.printf("200 MB recording to downloadDirectory, heap high-water %d MiB%n", SmallHeap.peakMb());
        assertSameContent(rid, written.toPath());
    }
}
