package io.camelgenesys.udm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A storage host that answers the resume of a cut transfer ({@code Range: bytes=N-}) with {@code 200} and the whole
 * file (a server may ignore a Range, RFC 9110 §14.2): the download fails at once, naming the file, without reading
 * that body (gigabytes for an export), and leaves no {@code .part}. A real HTTP server of its own (the simulator's
 * storage host honours ranges): the first GET is cut after {@value #CUT} bytes; the ranged GET sends its headers and
 * {@value #SENT} bytes, then holds the rest until the test ends.
 */
class StorageRangeIgnoredRouteTest extends UdmTestSupport {

    private static final int SIZE = 4 * 1024 * 1024;
    private static final int CUT = 100_000;
    private static final int SENT = 64 * 1024;

    @TempDir
    Path out;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private RawStorageHost host;

    @BeforeEach
    void storageHost() throws IOException {
        host = new RawStorageHost((head, o) -> {
            String range = head.lines().filter(l -> l.toLowerCase().startsWith("range:")).findFirst().orElse(null);
            o.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + SIZE
                     + "\r\nAccept-Ranges: bytes\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (range == null) {
                // the first transfer: cut off
                o.write(new byte[CUT]);
                return;
            }
            ranges.add(range);
            // the Range ignored: the whole file from byte 0, and a long wait before the rest (an export of gigabytes)
            byte[] chunk = new byte[SENT];
            o.write(chunk);
            o.flush();
            release.await(60, TimeUnit.SECONDS);
            for (int sent = SENT; sent < SIZE; sent += chunk.length) {
                o.write(chunk);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        host.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aResumeAnsweredWith200FailsAtOnceWithoutReadingTheBody(boolean toDirectory) throws Exception {
        String link = host.link("ignored.csv");
        sim().faults().on("GET", "/udm/v10/files/ignored.csv").status(303).header("Location", link).times(1);
        Path directory = out.resolve("dir");
        String from = "direct:ignored" + toDirectory;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(udm("downloadFile", "fileName=ignored.csv&retryInitialDelay=10&requestTimeout=120000"
                                                  + (toDirectory ? "&downloadDirectory=" + directory : "")))
                        .to("file:" + out);
            }
        });
        Future<Exchange> running = template.asyncSend(from, e -> {
        });
        Exchange done;
        try {
            // the storage host holds the rest of its 200 for a minute: a download that reads it is still running
            done = running.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("the download still reads the whole file the storage host sent in answer to a Range request " + ranges);
            return;
        } finally {
            release.countDown();
        }
        assertEquals(List.of("Range: bytes=" + CUT + "-"), ranges.stream().map(String::strip).toList());
        Exception failure = done.getException();
        assertNotNull(failure, "the download did not fail");
        Throwable t = failure;
        StringBuilder messages = new StringBuilder();
        while (t != null) {
            messages.append(t.getMessage()).append(" | ");
            t = t.getCause();
        }
        String text = messages.toString();
        assertTrue(text.contains("ignored.csv"), text);
        assertTrue(text.contains("cannot be resumed"), text);
        assertFalse(text.contains("s3cr3tsig"), text);
        if (toDirectory) {
            try (Stream<Path> left = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
                assertEquals(List.of(), left.toList(), "a .part or a file was left");
            }
        }
    }
}
