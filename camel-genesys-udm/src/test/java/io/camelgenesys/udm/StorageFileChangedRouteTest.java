package io.camelgenesys.udm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file replaced at the storage host while its transfer was cut: the resume carries a validator of the file first
 * answered ({@code If-Match} its ETag; without one, {@code If-Unmodified-Since} its Last-Modified), the host answers 412,
 * and the download fails naming the cause. Without a validator (no ETag) the resume was sent bare and the host answered
 * the new file's bytes from the cut: a file of two versions, delivered as a success. A real HTTP server of its own.
 */
class StorageFileChangedRouteTest extends UdmTestSupport {

    private static final int SIZE = 200_000;
    private static final int CUT = 80_000;
    private static final String LAST_MODIFIED = "Tue, 05 Mar 2024 10:00:00 GMT";

    @TempDir
    Path out;

    private final List<String> resumes = new CopyOnWriteArrayList<>();
    private RawStorageHost host;

    @AfterEach
    void stop() throws IOException {
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest
    @CsvSource({ "true,true", "true,false", "false,true", "false,false" })
    void aFileChangedBeforeTheResumeFailsNamingTheCause(boolean withEtag, boolean toDirectory) throws Exception {
        byte[] first = new byte[SIZE];
        byte[] second = new byte[SIZE];
        Arrays.fill(first, (byte) 'a');
        Arrays.fill(second, (byte) 'b');
        host = new RawStorageHost((head, o) -> {
            String range = header(head, "range");
            String validators = "Last-Modified: " + LAST_MODIFIED + "\r\n" + (withEtag ? "ETag: \"v1\"\r\n" : "");
            if (range == null) {
                o.write(("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " + SIZE + "\r\nAccept-Ranges: "
                         + "bytes\r\n" + validators + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.write(first, 0, CUT);
                return;
            }
            resumes.add(head);
            // the file was replaced meanwhile (a new version, other bytes)
            String ifMatch = header(head, "if-match");
            String ifUnmodifiedSince = header(head, "if-unmodified-since");
            if ((ifMatch != null && !ifMatch.equals("\"v2\"")) || ifUnmodifiedSince != null) {
                String body = "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you"
                              + " specified did not hold</Message></Error>";
                o.write(("HTTP/1.1 412 Precondition Failed\r\nContent-Type: application/xml\r\nContent-Length: "
                         + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            o.write(("HTTP/1.1 206 Partial Content\r\nContent-Length: " + (SIZE - from) + "\r\nContent-Range: bytes "
                     + from + "-" + (SIZE - 1) + "/" + SIZE + "\r\nLast-Modified: Tue, 05 Mar 2024 11:00:00 GMT\r\n"
                     + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.write(second, from, SIZE - from);
        });
        String link = host.link("changed.csv");
        sim().faults().on("GET", "/udm/v10/files/changed.csv").status(303).header("Location", link).times(1);
        Path directory = out.resolve("dir");
        Path copies = out.resolve("copies");
        String from = "direct:changed" + withEtag + toDirectory;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(udm("downloadFile", "fileName=changed.csv&retryInitialDelay=10"
                                                  + (toDirectory ? "&downloadDirectory=" + directory : "")))
                        .to("file:" + copies);
            }
        });
        Exchange done = template.send(from, e -> {
        });
        assertEquals(1, resumes.size(), resumes.toString());
        if (!withEtag) {
            assertEquals(LAST_MODIFIED, header(resumes.get(0), "if-unmodified-since"), resumes.get(0));
        }
        Exception failure = done.getException();
        assertNotNull(failure, "a file of two versions was delivered as a success");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        String text = messages.toString();
        assertTrue(text.contains("changed.csv"), text);
        assertTrue(text.contains("412") && text.contains("changed at the storage host"), text);
        assertFalse(text.contains("s3cr3tsig"), text);
        if (toDirectory) {
            try (Stream<Path> left = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
                assertEquals(List.of(), left.toList(), "a .part or a file was left");
            }
        }
    }

    private static String header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase().startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }
}
