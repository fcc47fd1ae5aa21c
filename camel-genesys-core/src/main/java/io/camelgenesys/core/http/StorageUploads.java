package io.camelgenesys.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.auth.Secrets;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a file to the pre-signed link of a storage host that Genesys hands out (contacts CSV imports:
 * {@code POST /api/v2/externalcontacts/import/csv/uploads} answers an {@code uploadUrl} and the {@code uploadHeaders}
 * to send with it): the counterpart of {@link StorageDownloads}, with the same rules.
 * <ul>
 * <li><b>No credentials.</b> The request carries the headers Genesys gave and nothing else: no {@code Authorization},
 * no {@code x-api-key}, no connection header. It goes out on the connection's Jetty client but not its pipeline (no
 * token, no rate budget: storage is another host).</li>
 * <li><b>Never in memory, no thread waits on the disk.</b> The file is read with an {@link AsynchronousFileChannel} in
 * 64 KiB chunks, the next one when Jetty has taken the previous one, with its exact {@code Content-Length}.</li>
 * <li><b>Faults.</b> No response (a dropped connection), 429, 500, 502, 503 and 504 send the whole file again under
 * the retry options (one {@link RetryScheduler}); a PUT of the same object is idempotent. A 403 (an expired or
 * refused link) and every other status fail with a {@link GenesysDownloadException} naming the file and the storage
 * host, quoting only the storage host's error code and message: never the link (its query string is a credential).</li>
 * </ul>
 * One per connection ({@link #of(GenesysConnection)}).
 */
public final class StorageUploads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageUploads.class);
    private static final int CHUNK = 64 * 1024;

    private final GenesysConnection connection;
    private final HttpClient jetty;
    private final long idleTimeoutMillis;

    private StorageUploads(GenesysConnection connection) {
        this.connection = connection;
        this.jetty = connection.http().jetty();
        this.idleTimeoutMillis = connection.http().requestTimeoutMillis();
    }

    /** The connection's uploads. */
    public static StorageUploads of(GenesysConnection connection) {
        return connection.attachment(StorageUploads.class.getName(), StorageUploads::new);
    }

    /**
     * What to upload.
     *
     * @param url         the absolute, pre-signed link
     * @param headers     the headers Genesys said to send with it (may be empty)
     * @param file        the file to send
     * @param size        its size in bytes (sent as {@code Content-Length})
     * @param resource    the file as the route names it (for messages)
     * @param contentType its content type, unless {@code headers} give one
     * @param retryPolicy the endpoint's retry options
     */
    public record Request(String url, Map<String, String> headers, Path file, long size, String resource,
                          String contentType, RetryPolicy retryPolicy) {
    }

    /** Sends the file; the future completes on a Jetty thread when the storage host has accepted it (2xx). */
    public CompletableFuture<Void> upload(Request request) {
        return new Transfer(request).start();
    }

    @Override
    public void close() {
        // nothing of its own: the Jetty client is the connection's
    }

    private final class Transfer {
        private final Request request;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final RetryScheduler.Retry retry;

        Transfer(Request request) {
            this.request = request;
            this.retry = connection.retries().start(request.retryPolicy(), this::what, System.nanoTime())
                    .onStopping(done::completeExceptionally);
        }

        CompletableFuture<Void> start() {
            send();
            return done;
        }

        private String what() {
            return "PUT " + request.resource() + " to the storage host " + host();
        }

        private String host() {
            try {
                URI u = URI.create(request.url());
                return u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            } catch (IllegalArgumentException e) {
                return "(a link that is not a URL)";
            }
        }

        private void send() {
            AsynchronousFileChannel channel;
            try {
                channel = AsynchronousFileChannel.open(request.file(), StandardOpenOption.READ);
            } catch (IOException e) {
                done.completeExceptionally(failure(0, null, null, "cannot read " + request.file() + " ("
                                                                  + e.getMessage() + ")"));
                return;
            }
            String contentType = request.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue).findFirst()
                    .orElse(request.contentType());
            long size = request.size();
            AsyncRequestContent content = new AsyncRequestContent(contentType) {
                @Override
                public long getLength() {
                    return size;
                }
            };
            org.eclipse.jetty.client.Request put;
            try {
                put = jetty.newRequest(request.url()).method(HttpMethod.PUT)
                        .idleTimeout(idleTimeoutMillis, TimeUnit.MILLISECONDS).body(content);
                put.headers(h -> request.headers().forEach((name, value) -> {
                    if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                        h.put(name, value);
                    }
                }));
            } catch (RuntimeException e) {
                close(channel);
                done.completeExceptionally(failure(0, null, null, "the link cannot be requested ("
                                                                  + e.getClass().getSimpleName() + ")"));
                return;
            }
            ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
            put.onResponseContent((response, chunk) -> {
                if (response.getStatus() >= 300 && errorBody.size() < StorageDownloads.ERROR_BODY_LIMIT) {
                    byte[] bytes = new byte[Math.min(chunk.remaining(),
                            StorageDownloads.ERROR_BODY_LIMIT - errorBody.size())];
                    chunk.get(bytes);
                    errorBody.write(bytes, 0, bytes.length);
                }
            });
            java.util.concurrent.atomic.AtomicReference<Throwable> local = new java.util.concurrent.atomic.AtomicReference<>();
            put.send(result -> {
                close(channel);
                completed(result, errorBody.toByteArray(), local.get());
            });
            feed(channel, content, 0, local);
        }

        /** Reads the next chunk from the disk and hands it to Jetty; the one after that when Jetty has taken it. */
        private void feed(AsynchronousFileChannel channel, AsyncRequestContent content, long position,
                          java.util.concurrent.atomic.AtomicReference<Throwable> local) {
            if (position >= request.size()) {
                content.close();
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, request.size() - position));
            channel.read(buffer, position, null, new CompletionHandler<Integer, Void>() {
                @Override
                public void completed(Integer n, Void nothing) {
                    if (n < 0) {
                        failed(new IOException("it ended at byte " + position + " of " + request.size()), null);
                        return;
                    }
                    buffer.flip();
                    content.write(buffer, Callback.from(() -> feed(channel, content, position + n, local),
                            content::fail));
                }

                @Override
                public void failed(Throwable x, Void nothing) {
                    // the file, not the network: sending it again would not help
                    local.set(x);
                    content.fail(x);
                }
            });
        }

        private void completed(Result result, byte[] errorBody, Throwable local) {
            Response response = result.getResponse();
            int status = response == null ? 0 : response.getStatus();
            if (result.isSucceeded() && status >= 200 && status < 300) {
                retry.cancel();
                done.complete(null);
                return;
            }
            if (local != null) {
                done.completeExceptionally(failure(0, null, null, "cannot read " + request.file() + " ("
                                                                  + local.getMessage() + ")"));
                return;
            }
            boolean retriable = status == 0 || status == 429 || status == 500 || status == 502 || status == 503
                                || status == 504;
            String why = status == 0 ? "no response (" + failureName(result) + ")" : "HTTP " + status;
            if (retriable) {
                long retryAfter = status == 429 && response != null
                        ? RetryPolicy.parseRetryAfter(response.getHeaders().get("Retry-After"), java.time.Instant.now())
                        : -1;
                long wait = status == 429 ? retry.after(retryAfter, why, this::send) : retry.backoff(why, this::send);
                if (wait != RetryPolicy.NO_RETRY) {
                    LOG.debug("{}: {}; sending the file again in {} ms", what(), why, wait);
                    return;
                }
            }
            if (done.isDone()) {
                return;
            }
            String text = new String(errorBody, StandardCharsets.UTF_8);
            String detail = status == 0 ? "got no response (" + failureName(result) + ")"
                                          + (retriable ? " and the retries are spent" : "")
                    : "answered HTTP " + status + (retriable ? " and the retries are spent" : "");
            if (status == 403) {
                detail += ": the pre-signed upload link has expired or was refused (run the import again for a new"
                          + " link)";
            }
            done.completeExceptionally(failure(status, group(StorageDownloads.ERROR_CODE, text),
                    group(StorageDownloads.ERROR_MESSAGE, text), detail));
        }

        private String failureName(Result result) {
            Throwable f = result.getFailure();
            return f == null ? "unknown" : f.getClass().getSimpleName();
        }

        private GenesysDownloadException failure(int status, String code, String message, String detail) {
            StringBuilder sb = new StringBuilder("Uploading ").append(request.resource()).append(" failed: ");
            if (status > 0 || detail.startsWith("got no response")) {
                sb.append("the storage host ").append(host()).append(' ');
            }
            sb.append(detail);
            if (code != null || message != null) {
                sb.append(" (").append(code != null ? code : "").append(code != null && message != null ? ": " : "")
                        .append(message != null ? message : "").append(')');
            }
            sb.append("; the link itself is not shown, its query string is a credential");
            GenesysApiException.Builder b = GenesysApiException.builder().httpStatus(status)
                    .operation("PUT " + Secrets.url(request.url())).bodyExcerpt("").errorCode(code).errorMessage(message);
            return new GenesysDownloadException(sb.toString(), request.resource(), b, null);
        }

        private void close(AsynchronousFileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed: {}", request.file(), e.getMessage());
            }
        }
    }

    private static String group(java.util.regex.Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Secrets.NONE.redact(m.group(1).trim()) : null;
    }
}
