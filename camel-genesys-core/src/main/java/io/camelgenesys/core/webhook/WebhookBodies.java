package io.camelgenesys.core.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reads a webhook request body, at most a given number of bytes, whatever form the platform-http engine gives it in:
 * an unread Vert.x request (camel-platform-http-vertx and Quarkus with {@code useBodyHandler=false}, see
 * {@link VertxRequestBody}), an {@code InputStream} (servlet engines), or bytes the engine already read. A body over the
 * limit is never held whole: its {@code Content-Length} refuses it before anything is read, and a stream stops at the
 * first byte past the limit.
 */
final class WebhookBodies {

    /** The body is larger than allowed. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final long size;

        TooLarge(long size) {
            super(null, null, false, false);
            this.size = size;
        }

        /** The size known when it was refused: the Content-Length, or the bytes read so far. */
        long size() {
            return size;
        }
    }

    private static final boolean VERTX = classPresent("io.vertx.core.http.HttpServerRequest");

    private WebhookBodies() {
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, WebhookBodies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The request's Content-Length, or -1 when it has none (chunked) or it is not a number. */
    static long contentLength(Message message) {
        Object value = message.getHeader("Content-Length");
        if (value == null) {
            value = message.getHeader(Exchange.CONTENT_LENGTH);
        }
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Reads the body of a request that is not an unread Vert.x request (a servlet engine's stream, bytes the engine
     * read), refusing it when it has more than {@code max} bytes. Blocks the calling thread (the engine's request
     * thread, which waits for the request either way) while bytes still arrive.
     */
    static byte[] read(Message message, int max) throws TooLarge, IOException, InvalidPayloadException {
        long declared = contentLength(message);
        if (declared > max) {
            throw new TooLarge(declared);
        }
        Object body = message.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return checked(bytes, max);
        }
        if (body instanceof InputStream in) {
            return readBounded(in, max, declared);
        }
        // an engine that read the body itself (a Vert.x Buffer, a String, a stream cache): already in memory
        return checked(message.getMandatoryBody(byte[].class), max);
    }

    /** Whether the body is an unread Vert.x request, to be read with {@link #readVertx}. */
    static boolean isUnreadVertxRequest(Message message) {
        return VERTX && VertxRequestBody.isRequest(message.getBody());
    }

    /**
     * Reads an unread Vert.x request's body on Vert.x' event loop, no thread waiting for it; the future fails with
     * {@link TooLarge} at the first byte past {@code max}, and with a {@link TimeoutException} when the body has not
     * arrived within {@code timeoutMillis} (a timer on {@code scheduler}).
     */
    static CompletableFuture<byte[]> readVertx(Message message, int max, long declared,
                                               ScheduledExecutorService scheduler, long timeoutMillis) {
        return VertxRequestBody.read(message.getBody(), max, declared, scheduler, timeoutMillis);
    }

    /**
     * After an answer given without reading the body (too large, or refused before it was needed): makes the engine
     * close the connection once the answer is written, so that the rest of the body is not transferred.
     */
    static void discardUnread(Message message) {
        Object body = message.getBody();
        if (VERTX && body != null && VertxRequestBody.isRequest(body)) {
            VertxRequestBody.closeAfterResponse(body);
        }
    }

    private static byte[] checked(byte[] bytes, int max) throws TooLarge {
        if (bytes.length > max) {
            throw new TooLarge(bytes.length);
        }
        return bytes;
    }

    /**
     * The first buffer for a body: its Content-Length when declared (at most the limit, checked before), else a small
     * one that grows; never a fixed 8 KB for a message of a few hundred bytes.
     */
    static int initialCapacity(long declared, int max) {
        return (int) Math.min(max, declared >= 0 ? Math.max(declared, 32) : 1024);
    }

    private static byte[] readBounded(InputStream in, int max, long declared) throws IOException, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream(initialCapacity(declared, max));
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(declared + 1, 512))];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                throw new TooLarge(total);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
