package io.camelgenesys.core.webhook;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
     * Reads the request's body on Vert.x' event loop into a buffer of at most {@code max} bytes; no thread waits for
     * it. The future completes on the event loop (or, for a timeout, on the scheduler).
     */
    static CompletableFuture<byte[]> read(Object body, int max, long declared, ScheduledExecutorService scheduler,
                                          long timeoutMillis) {
        HttpServerRequest request = (HttpServerRequest) body;
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        if (request.isEnded()) {
            done.complete(new byte[0]);
            return done;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(WebhookBodies.initialCapacity(declared, max));
        long[] total = new long[1];
        request.handler(chunk -> {
            if (done.isDone()) {
                return;
            }
            total[0] += chunk.length();
            if (total[0] > max) {
                // stop reading: the rest is never transferred
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
        try {
            ScheduledFuture<?> timer = scheduler.schedule(() -> {
                if (done.completeExceptionally(new TimeoutException())) {
                    request.pause();
                    closeAfterResponse(request);
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            done.whenComplete((b, t) -> timer.cancel(false));
        } catch (RuntimeException e) {
            // stopping: no timer; the body or the client's going away ends the read
        }
        if (expectsContinue(request)) {
            // the checks that need no body passed (size by Content-Length, the signature header): the client is told to
            // send it. Vert.x leaves this to the application (handle100ContinueAutomatically is false by default, and
            // the engine's request is handed over unread), so such a client waited, and its delivery was answered 408
            request.response().writeContinue();
        }
        request.resume();
        return done;
    }

    /** An HTTP/1.1 request sent with {@code Expect: 100-continue} (RFC 9110 10.1.1) whose answer has not begun. */
    private static boolean expectsContinue(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_1_1 && !request.response().headWritten()
               && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
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
