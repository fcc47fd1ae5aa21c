package io.camelgenesys.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StreamCachingStrategy;

/**
 * The body of a file streamed from a storage host (see {@link StorageDownloads}): read it on a route thread, never
 * on a Jetty I/O thread. Nothing is buffered beyond the chunks Jetty has read ahead; the HTTP response is demanded
 * chunk by chunk as the stream is read, so a route writing it to a file holds a few kilobytes whatever the size.
 * <p>
 * When the connection breaks off before the end (the stream knows the size), reading resumes where it stopped with
 * a {@code Range} request for the rest (under the retry options; the wait is scheduled, the reading thread only
 * waits for it). A stream that ends short of its size, or cannot be resumed, fails with an {@link IOException}
 * naming the file and how far it got, never the link. {@link #close()} aborts a response that was not read to the
 * end; the producer closes the stream when the exchange completes.
 */
public final class DownloadStream extends InputStream {

    /** Where the stream's bytes come from: one HTTP response, then another from the position reached. */
    interface Source {

        /** The stream of the first response. */
        InputStream first();

        /** Whether a broken transfer can be resumed (the size is known, the storage host takes ranges). */
        boolean resumable();

        /** Waits (on the reading thread) for a response from {@code position}, after a backoff; fails when spent. */
        InputStream resume(long position, IOException cause) throws IOException;

        /** Aborts the response being read, if any. */
        void abort();
    }

    private final String resource;
    private final long size;
    private final Source source;
    private InputStream current;
    private long position;
    private volatile boolean closed;

    DownloadStream(String resource, long size, Source source) {
        this.resource = resource;
        this.size = size;
        this.source = source;
        this.current = source.first();
    }

    /** The file this stream reads. */
    public String resource() {
        return resource;
    }

    /** The file's size in bytes, {@code -1} when the storage host did not say. */
    public long size() {
        return size;
    }

    /** How many bytes were read so far. */
    public long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (closed) {
                throw new IOException("The download of " + resource + " was closed after " + position + " bytes");
            }
            int n;
            try {
                n = current.read(b, off, len);
            } catch (IOException e) {
                current = resume(e);
                continue;
            }
            if (n < 0) {
                if (size >= 0 && position < size) {
                    current = resume(new IOException("the response ended at byte " + position + " of " + size));
                    continue;
                }
                return -1;
            }
            position += n;
            if (size >= 0 && position > size) {
                throw new IOException("The download of " + resource + " sent more than its " + size + " bytes");
            }
            return n;
        }
    }

    private InputStream resume(IOException cause) throws IOException {
        if (closed) {
            throw new IOException("The download of " + resource + " was closed after " + position + " bytes", cause);
        }
        if (!source.resumable()) {
            throw new IOException("The download of " + resource + " broke off after " + position
                                  + (size >= 0 ? " of " + size : "") + " bytes and cannot be resumed ("
                                  + cause.getClass().getSimpleName() + ")", cause);
        }
        return source.resume(position, cause);
    }

    @Override
    public int available() throws IOException {
        return closed ? 0 : current.available();
    }

    /** Aborts the HTTP response if it was not read to the end; reading afterwards fails. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.abort();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Camel 4 caches a stream body before every route step (stream caching is on by default, in memory unless
     * spooling is enabled), which would read a whole export into the heap. This stream is added to the context's
     * stream-caching deny list ({@code camel.main.stream-caching-deny-classes}), so that it reaches the step that reads
     * it, such as {@code to("file:...")}, as the stream it is. Other classes are cached as configured.
     */
    public static void excludeFromStreamCaching(CamelContext context) {
        StreamCachingStrategy strategy = context.getStreamCachingStrategy();
        if (strategy == null) {
            return;
        }
        synchronized (strategy) {
            Collection<Class<?>> deny = strategy.getDenyClasses();
            if (deny != null && deny.contains(DownloadStream.class)) {
                return;
            }
            List<Class<?>> classes = new ArrayList<>(deny == null ? List.of() : deny);
            classes.add(DownloadStream.class);
            strategy.setDenyClasses(classes.toArray(new Class<?>[0]));
        }
    }

    static IOException asIOException(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c instanceof IOException io ? io : new IOException(c.getMessage(), c);
    }

    @Override
    public String toString() {
        // the file, never the link (its query string is a credential)
        return "DownloadStream[" + resource + ", " + position + (size >= 0 ? "/" + size : "") + " bytes"
               + (closed ? ", closed" : "") + "]";
    }
}
