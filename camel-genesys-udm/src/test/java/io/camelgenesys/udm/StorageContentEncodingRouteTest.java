package io.camelgenesys.udm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A storage host that serves a file stored with {@code Content-Encoding: gzip} (S3 answers an object's stored
 * encoding whatever the request's {@code Accept-Encoding}): the download gives the bytes as stored, with their size,
 * and a transfer cut halfway resumes with a {@code Range} of the stored bytes. Jetty's client decoded such a body: no
 * {@code Content-Length}, so no size and no resume (the cut transfer failed), and decoded bytes in a file that is
 * stored gzipped. A real HTTP server of its own; the first GET is cut after half the bytes.
 */
class StorageContentEncodingRouteTest extends UdmTestSupport {

    @TempDir
    Path out;

    private final List<String> heads = new CopyOnWriteArrayList<>();
    private byte[] stored;
    private RawStorageHost host;

    @BeforeEach
    void storageHost() throws IOException {
        StringBuilder csv = new StringBuilder("id,value\n");
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(',').append(Long.toHexString(random.nextLong())).append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        stored = gz.toByteArray();
        int cut = stored.length / 2;
        host = new RawStorageHost((head, o) -> {
            heads.add(head);
            String range = head.lines().filter(l -> l.toLowerCase().startsWith("range:")).findFirst().orElse(null);
            String common = "Content-Type: text/csv\r\nContent-Encoding: gzip\r\nAccept-Ranges: bytes\r\n"
                            + "ETag: \"v1\"\r\nConnection: close\r\n";
            if (range == null) {
                o.write(("HTTP/1.1 200 OK\r\n" + common + "Content-Length: " + stored.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                o.write(stored, 0, cut); // cut off halfway
                return;
            }
            int from = Integer.parseInt(range.replaceAll("(?i)range:\\s*bytes=(\\d+)-\\s*", "$1"));
            o.write(("HTTP/1.1 206 Partial Content\r\n" + common + "Content-Length: " + (stored.length - from)
                     + "\r\nContent-Range: bytes " + from + "-" + (stored.length - 1) + "/" + stored.length
                     + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.write(stored, from, stored.length - from);
        });
    }

    @AfterEach
    void stop() throws IOException {
        host.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void aGzipStoredFileIsDownloadedAsStoredAndResumes(boolean toDirectory) throws Exception {
        String link = host.link("export.csv.gz");
        sim().faults().on("GET", "/udm/v10/files/export.csv.gz").status(303).header("Location", link).times(1);
        Path directory = out.resolve("dir");
        Path copies = out.resolve("copies");
        String from = "direct:encoded" + toDirectory;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(udm("downloadFile", "fileName=export.csv.gz&retryInitialDelay=10"
                                                  + (toDirectory ? "&downloadDirectory=" + directory : "")))
                        .to("file:" + copies);
            }
        });
        Exchange done = template.send(from, e -> {
        });
        assertNull(done.getException(), () -> "the download failed: " + done.getException());
        byte[] got = Files.readAllBytes(copies.resolve("export.csv.gz"));
        assertEquals(stored.length, got.length, "not the bytes as stored (gzip)");
        assertArrayEquals(stored, got);
        assertEquals(Long.valueOf(stored.length), done.getMessage().getHeader(UdmConstants.DOWNLOAD_SIZE, Long.class));
        assertEquals(2, heads.size(), heads.toString());
        assertEquals("bytes=" + (stored.length / 2) + "-", heads.get(1).lines()
                .filter(l -> l.toLowerCase().startsWith("range:")).map(l -> l.substring(6).strip()).findFirst()
                .orElse(null));
        if (toDirectory) {
            assertArrayEquals(stored, Files.readAllBytes(directory.resolve("export.csv.gz")));
            try (var left = Files.list(directory)) {
                assertEquals(List.of("export.csv.gz"), left.map(p -> p.getFileName().toString()).toList());
            }
        }
        assertEquals(-1, Arrays.mismatch(stored, got));
    }
}
