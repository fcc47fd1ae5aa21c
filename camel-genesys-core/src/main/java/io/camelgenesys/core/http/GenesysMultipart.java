package io.camelgenesys.core.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body (RFC 7578), built whole before it is sent: an API that signs its requests
 * (Digital Channels' {@code X-Hub-Signature}) signs these exact bytes, boundaries and part headers included, and a
 * retry sends them again as they are. Bodies are subject to {@link GenesysRequest#MAX_BODY_BYTES} like any other.
 */
public final class GenesysMultipart {

    /**
     * One part.
     *
     * @param name        the form field name, e.g. {@code file}
     * @param fileName    the file name, or {@code null} for a plain field
     * @param contentType the part's media type, or {@code null} ({@code application/octet-stream} for a file)
     * @param content     the bytes
     */
    public record Part(String name, String fileName, String contentType, byte[] content) {
    }

    /**
     * The body and its {@code Content-Type} (with the boundary).
     *
     * @param bytes       what is sent
     * @param contentType {@code multipart/form-data; boundary=...}
     */
    public record Body(byte[] bytes, String contentType) {
    }

    private GenesysMultipart() {
    }

    /** A body of one file part. */
    public static Body file(String name, String fileName, String contentType, byte[] content) {
        return of(List.of(new Part(name, fileName, contentType, content)));
    }

    /** A body of these parts, with a random boundary checked not to occur in any part's content. */
    public static Body of(List<Part> parts) {
        String boundary;
        do {
            boundary = "camel-genesys-" + UUID.randomUUID().toString().replace("-", "");
        } while (occursIn(parts, ("--" + boundary).getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(quoted(part.fileName())).append('"');
            }
            head.append("\r\n");
            String type = part.contentType() != null ? part.contentType()
                    : part.fileName() != null ? "application/octet-stream" : null;
            if (type != null) {
                head.append("Content-Type: ").append(noBreaks(type)).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content() != null ? part.content() : new byte[0]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Body(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static boolean occursIn(List<Part> parts, byte[] delimiter) {
        for (Part part : parts) {
            byte[] data = part.content() != null ? part.content() : new byte[0];
            outer:
            for (int i = 0; i + delimiter.length <= data.length; i++) {
                for (int j = 0; j < delimiter.length; j++) {
                    if (data[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** A name or file name inside quotes (RFC 7578 4.2: quotes and line breaks percent-encoded). */
    private static String quoted(String value) {
        return noBreaks(value).replace("\"", "%22");
    }

    private static String noBreaks(String value) {
        return value.replace("\r", "%0D").replace("\n", "%0A");
    }
}
