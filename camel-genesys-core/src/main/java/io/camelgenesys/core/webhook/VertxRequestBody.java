package io.camelgenesys.core.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * The body of a request served by camel-platform-http-vertx (Camel Main, Quarkus) with {@code useBodyHandler=false}:
 * the paused Vert.x request itself, read here chunk by chunk so that a body over the limit is never buffered whole.
 * Loaded only when Vert.x is on the classpath ({@link WebhookBodies} checks first).
 */
final class VertxRequestBody {

    private VertxRequestBody() {
    }

    static boolean isRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * Reads the request's body on Vert.x' event loop into a buffer of at most {@code max} bytes; the calling thread
     * (the engine's worker, waiting for this request anyway) waits for the end of it.
     */
    static byte[] read(Object body, int max, long declared, long timeoutMillis)
            throws WebhookBodies.TooLarge, IOException, TimeoutException {
        HttpServerRequest request = (HttpServerRequest) body;
        if (request.isEnded()) {
            return new byte[0];
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(WebhookBodies.initialCapacity(declared, max));
        long[] total = new long[1];
        request.handler(chunk -> {
            if (done.isDone()) {
                return;
            }
            total[0] += chunk.length();
            if (total[0] > max) {
                // stop reading: the rest is never transferred, the connection closes after the answer
                request.pause();
                closeAfterResponse(request);
                done.completeExceptionally(new WebhookBodies.TooLarge(total[0]));
                return;
            }
            byte[] bytes = chunk.getBytes();
            out.write(bytes, 0, bytes.length);
        });
        request.exceptionHandler(done::completeExceptionally);
        request.endHandler(v -> done.complete(out.toByteArray()));
        request.resume();
        try {
            return done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the request body", e);
        } catch (TimeoutException e) {
            request.pause();
            closeAfterResponse(request);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebhookBodies.TooLarge tooLarge) {
                throw tooLarge;
            }
            throw new IOException("Reading the request body failed: " + e.getCause().getClass().getSimpleName(),
                    e.getCause());
        }
    }

    /**
     * Stops an unread body once the answer is written, so that it is not transferred. HTTP/1.x: the connection is
     * closed, and the answer says {@code Connection: close} so that the client sends no next request on it. HTTP/2
     * (h2c): the connection carries other requests, so only this request's stream is reset (NO_ERROR, as RFC 9113
     * 8.1 allows once the response is complete).
     */
    static void closeAfterResponse(Object body) {
        HttpServerRequest request = (HttpServerRequest) body;
        HttpServerResponse response = request.response();
        if (request.version() == HttpVersion.HTTP_2) {
            response.endHandler(v -> {
                if (!request.isEnded()) {
                    response.reset(0);
                }
            });
            return;
        }
        if (!response.headWritten()) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.endHandler(v -> request.connection().close());
    }
}
