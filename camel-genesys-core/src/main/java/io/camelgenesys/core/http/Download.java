package io.camelgenesys.core.http;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * A file opened on (or written from) a storage host by {@link StorageDownloads}: what the storage host said about it
 * and either the {@link DownloadStream} to read it from or the local file it was written to.
 */
public final class Download {

    // The output headers of a download. A component that downloads documents them in its constants class with
    // @Metadata (UdmConstants), so that components that never download do not list them.

    /** The file's name as Genesys names it. */
    public static final String FILE_NAME_HEADER = "CamelGenesysDownloadFileName";
    /** The file's size in bytes ({@code Long}). */
    public static final String SIZE_HEADER = "CamelGenesysDownloadSize";
    /** The content type the storage host gave. */
    public static final String CONTENT_TYPE_HEADER = "CamelGenesysDownloadContentType";
    /** The file's ETag on the storage host. */
    public static final String ETAG_HEADER = "CamelGenesysDownloadETag";
    /** The storage host's Last-Modified. */
    public static final String LAST_MODIFIED_HEADER = "CamelGenesysDownloadLastModified";

    private final String resource;
    private final String fileName;
    private final long size;
    private final String contentType;
    private final String etag;
    private final String lastModified;
    private final DownloadStream stream;
    private final Path file;

    Download(String resource, long size, String contentType, String etag, String lastModified, DownloadStream stream,
             Path file) {
        this.resource = resource;
        this.fileName = safeFileName(resource);
        this.size = size;
        this.contentType = contentType;
        this.etag = etag;
        this.lastModified = lastModified;
        this.stream = stream;
        this.file = file;
    }

    /** The file as Genesys names it. */
    public String resource() {
        return resource;
    }

    /** The name to store it under: the last path segment of {@link #resource()}, never {@code .} or {@code ..}. */
    public String fileName() {
        return fileName;
    }

    /** Its size in bytes, {@code -1} when the storage host did not say. */
    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    /** The body to read, or {@code null} when the file was written to {@link #file()}. */
    public DownloadStream stream() {
        return stream;
    }

    /** Where the file was written, or {@code null} when it is streamed. */
    public Path file() {
        return file;
    }

    /** The message body: the stream, or the written file as a {@link java.io.File}. */
    public Object body() {
        return stream != null ? stream : file.toFile();
    }

    /**
     * The output headers: {@code CamelGenesysDownloadFileName}, {@code CamelGenesysDownloadSize},
     * {@code CamelGenesysDownloadContentType}, {@code CamelGenesysDownloadETag}, {@code CamelGenesysDownloadLastModified}, and
     * {@code CamelFileName}, so that a following {@code to("file:dir")} stores the file under its own name.
     */
    public Map<String, Object> headers() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put(FILE_NAME_HEADER, resource);
        if (size >= 0) {
            h.put(SIZE_HEADER, size);
        }
        putIfNotNull(h, CONTENT_TYPE_HEADER, contentType);
        putIfNotNull(h, ETAG_HEADER, etag);
        putIfNotNull(h, LAST_MODIFIED_HEADER, lastModified);
        h.put(Exchange.FILE_NAME, fileName);
        return h;
    }

    /**
     * Closes the stream (and so the HTTP response, if it was not read to the end) when the exchange completes, failed
     * or not, and keeps Camel's per-step stream caching from reading it into memory (see
     * {@link DownloadStream#excludeFromStreamCaching}).
     */
    public void closeWhenDone(Exchange exchange) {
        if (stream == null) {
            return;
        }
        DownloadStream.excludeFromStreamCaching(exchange.getContext());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                stream.close();
            }

            @Override
            public String toString() {
                return "close " + stream;
            }
        });
    }

    private static void putIfNotNull(Map<String, Object> h, String name, Object value) {
        if (value != null) {
            h.put(name, value);
        }
    }

    static String safeFileName(String resource) {
        String name = resource == null ? "" : resource;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\x00-\\x1f]", "_");
        return name.isEmpty() || ".".equals(name) || "..".equals(name) ? "download" : name;
    }

    @Override
    public String toString() {
        return "Download[" + resource + (size >= 0 ? ", " + size + " bytes" : "") + (file != null ? ", " + file : "")
               + "]";
    }
}
