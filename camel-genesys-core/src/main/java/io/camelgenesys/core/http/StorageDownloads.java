package io.camelgenesys.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.auth.Secrets;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads from the storage host Genesys points to, with a redirect (UDM's {@code GET /v10/files/{filename}} answers
 * 303) or a pre-signed link in a response (recordings, contact list exports): one facility for every component.
 * <ul>
 * <li><b>No credentials.</b> A pre-signed link is its own credential: the request carries no {@code Authorization},
 * no {@code x-api-key} and no other connection header. It goes out on the connection's Jetty client (its proxy, TLS
 * and connect timeout) but not through its pipeline: no token, no rate limit, since storage is another host.</li>
 * <li><b>Never in memory.</b> The body is handed to the route as a {@link DownloadStream}, demanded chunk by chunk as
 * a route thread reads it, or written to a file with an {@link AsynchronousFileChannel} (no thread waits on the network
 * or the disk; Jetty is asked for the next chunk when the previous one is written).</li>
 * <li><b>Faults.</b> No response, 429, 500, 502, 503 and 504 are tried again under the retry options (one
 * {@link RetryScheduler}); a transfer that breaks off resumes from where it stopped with a {@code Range} request
 * ({@code If-Match} the first response's ETag, else {@code If-Unmodified-Since} its Last-Modified: a file changed
 * meanwhile fails with a 412 saying so; an answer with the whole file or another range fails the transfer at
 * once, unread); a 403 (an expired or refused link) asks Genesys for a new link
 * when the caller can, once per position the transfer reached (a transfer longer than a link's lifetime may need
 * several). Every other status fails with a {@link GenesysDownloadException} naming the file and the
 * storage host, and quoting only the storage host's error code and message: never the link's query string (a
 * credential), never the error body (S3's can echo the signature).</li>
 * <li><b>Timeouts.</b> {@code requestTimeout} is the longest the storage host may stay silent (an idle timeout), not
 * a limit on the whole transfer, which for an export of several gigabytes takes as long as it takes.</li>
 * </ul>
 */
public final class StorageDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(StorageDownloads.class);

    /** How much of an error body is read (for its error code and message). */
    static final int ERROR_BODY_LIMIT = 8 * 1024;
    static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");
    static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]{1,500})</Message>");
    private static final java.security.SecureRandom PART_IDS = new java.security.SecureRandom();
    /**
     * Runs the blocking flush to disk and the move of a finished download (see {@code settle}): a pool for threads that
     * wait on the disk, as the JDK's own default pool for {@link AsynchronousFileChannel} (which the writes use); its
     * daemon threads are made when needed and end after a minute idle.
     */
    private static final ExecutorService DISK = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "genesys-storage-disk");
                t.setDaemon(true);
                return t;
            });
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final GenesysConnection connection;
    private final HttpClient jetty;
    private final long idleTimeoutMillis;

    StorageDownloads(GenesysConnection connection, HttpClient jetty, long idleTimeoutMillis) {
        this.connection = connection;
        this.jetty = jetty;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /**
     * What to download.
     *
     * @param url         the absolute, pre-signed link
     * @param resource    the file as Genesys names it (for headers and messages)
     * @param directory   write the file there (as {@code resource}'s last segment) instead of streaming it; {@code null}
     *                    to stream
     * @param retryPolicy the endpoint's retry options
     * @param relink      asks Genesys for a new link when the storage host refuses this one (403), once per
     *                    position reached; {@code null} when there is no way to
     */
    public record Request(String url, String resource, Path directory, RetryPolicy retryPolicy,
                          Supplier<CompletableFuture<String>> relink) {
    }

    /**
     * The absolute link a redirect points to ({@code Location}, resolved against the request's URL).
     *
     * @throws GenesysApiException the Genesys error when the response is an error, or a message saying a redirect
     *                             was expected
     */
    public String location(GenesysRequest request, GenesysResponse response, String resource) throws GenesysApiException {
        int status = response.status();
        String location = response.header("Location");
        if (status >= 300 && status < 400 && location != null && !location.isBlank()) {
            try {
                return URI.create(request.url(connection.baseUrl())).resolve(location.trim()).toString();
            } catch (IllegalArgumentException e) {
                throw new GenesysDownloadException("Genesys " + request.describe() + " redirected the download of "
                                                   + resource + " to a link that is not a URL",
                        resource, GenesysErrors.describe(request, response), null);
            }
        }
        if (status >= 400) {
            throw GenesysErrors.fromResponse(request, response);
        }
        GenesysApiException.Builder b = GenesysErrors.describe(request, response);
        throw new GenesysDownloadException("Genesys " + request.describe() + " answered HTTP " + status
                                           + " where a redirect to the file " + resource
                                           + " was expected (303 with a Location)", resource, b, null);
    }

    /**
     * Opens the download. The future completes on a Jetty I/O thread: for a stream, when the storage host has sent
     * the headers (read the stream on a route thread); for a file, when it is written and in place.
     */
    public CompletableFuture<Download> open(Request request) {
        return new Transfer(request).start();
    }

    /** One file's transfer: its first response and the ones that resume or retry it. */
    private final class Transfer implements DownloadStream.Source {

        private final Request request;
        private final CompletableFuture<Download> opened = new CompletableFuture<>();
        private final long startedNanos = System.nanoTime();
        private final Object lock = new Object();
        private volatile String url;
        private RetryScheduler.Retry retry;
        /** The byte from which the last new link was asked for; -1 before any. */
        private long relinkedFrom = -1;
        private long size = -1;
        private String etag;
        private String contentType;
        private String lastModified;
        private boolean acceptsRanges;
        private long lastResumeFrom = -1;
        private volatile Attempt current;
        private volatile CompletableFuture<InputStream> pendingResume;
        private volatile boolean aborted;
        // file mode
        private Path target;
        private Path part;
        private volatile AsynchronousFileChannel channel;

        Transfer(Request request) {
            this.request = request;
            this.url = request.url();
        }

        CompletableFuture<Download> start() {
            if (request.directory() != null) {
                try {
                    // a few syscalls on the thread that got the redirect; the transfer itself never waits on the disk
                    Files.createDirectories(request.directory());
                    target = request.directory().resolve(Download.safeFileName(request.resource()));
                    // a name of its own: another transfer of the same file into the same directory (a name listed
                    // twice, a route retried while its first attempt runs) must not truncate, overwrite or delete it
                    part = target.resolveSibling(target.getFileName() + "."
                                                 + Long.toUnsignedString(PART_IDS.nextLong(), 36) + ".part");
                } catch (IOException | RuntimeException e) {
                    opened.completeExceptionally(local("cannot create the directory " + request.directory(), e));
                    return opened;
                }
            }
            send(0, null);
            return opened;
        }

        private String what() {
            return "GET " + request.resource() + " from the storage host " + host();
        }

        private String host() {
            try {
                URI u = URI.create(url);
                return u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            } catch (IllegalArgumentException e) {
                return "(a link that is not a URL)";
            }
        }

        private RetryScheduler.Retry retry() {
            synchronized (lock) {
                if (retry == null) {
                    // a context that stops fails the transfer waiting to retry or resume at once, and none starts
                    // waiting any more: the connection's scheduler stops with it and would never run that attempt, so
                    // a reader would wait for ever and a downloadDirectory transfer leave its .part behind
                    retry = connection.retries().start(request.retryPolicy(), this::what, startedNanos)
                            .onStopping(stopping -> {
                                aborted = true;
                                fail(pendingResume, stopping);
                            });
                }
                return retry;
            }
        }

        /** One GET of the link, from {@code from} on; {@code resumed} is the reader waiting for it, if any. */
        private void send(long from, CompletableFuture<InputStream> resumed) {
            if (aborted) {
                fail(resumed, local("the download was closed", null));
                return;
            }
            Attempt attempt = new Attempt(from, resumed);
            current = attempt;
            try {
                org.eclipse.jetty.client.Request r = jetty.newRequest(url).method(HttpMethod.GET)
                        .idleTimeout(idleTimeoutMillis, TimeUnit.MILLISECONDS);
                r.headers(h -> {
                    // the bytes as stored (a decoded body would not match Content-Length and ranges); a host that
                    // answers its stored encoding anyway is not decoded either (onHeader)
                    h.put(HttpHeader.ACCEPT_ENCODING, "identity");
                    if (from > 0) {
                        h.put(HttpHeader.RANGE, "bytes=" + from + "-");
                        // the rest of the same file, or 412: its ETag, else (a host that sends none) its
                        // Last-Modified, RFC 9110 §13.1.4; without either the resume is sent without a validator
                        if (etag != null) {
                            h.put(HttpHeader.IF_MATCH, etag);
                        } else if (lastModified != null) {
                            h.put(HttpHeader.IF_UNMODIFIED_SINCE, lastModified);
                        }
                    }
                });
                r.send(attempt);
            } catch (RuntimeException e) {
                // a link Jetty cannot even build: no response will come
                fail(resumed, new GenesysDownloadException("The link to " + request.resource()
                                                           + " cannot be requested (" + e.getClass().getSimpleName()
                                                           + ")", request.resource(), builder(0), null));
            }
        }

        // ---- outcomes of an attempt -------------------------------------------------------------------------

        /** The headers were the file's: remember what they say (first response only). */
        private void described(Response response) {
            String length = response.getHeaders().get(HttpHeader.CONTENT_LENGTH);
            try {
                size = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            etag = response.getHeaders().get(HttpHeader.ETAG);
            contentType = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            lastModified = response.getHeaders().get(HttpHeader.LAST_MODIFIED);
            acceptsRanges = "bytes".equalsIgnoreCase(response.getHeaders().get(HttpHeader.ACCEPT_RANGES));
        }

        private Download download(DownloadStream stream, Path file) {
            return new Download(request.resource(), size, contentType, etag, lastModified, stream, file);
        }

        /** An attempt got no usable response, or the transfer broke off: again after a wait, or the failure. */
        private void retryOrFail(Attempt attempt, int status, long retryAfterMillis, String why,
                                 GenesysDownloadException failure) {
            RetryScheduler.Retry r = retry();
            Runnable again = () -> send(attempt.from, attempt.resumed);
            long wait = status == 429 ? r.after(retryAfterMillis, why, again) : r.backoff(why, again);
            if (wait == RetryPolicy.NO_RETRY) {
                fail(attempt.resumed, failure);
            } else {
                LOG.debug("{} got {}; again in {} ms", what(), why, wait);
            }
        }

        /**
         * The storage host refused the link (403): a new link from Genesys when the caller can ask, once per position.
         * A transfer that outlives its link (an export of gigabytes on a slow or broken connection) meets an expired
         * link at each resume after the link's lifetime: a new link is asked for again once bytes arrived since the
         * last one; a new link refused before any byte arrived with it fails.
         */
        private boolean relink(Attempt attempt) {
            synchronized (lock) {
                if (request.relink() == null || attempt.from <= relinkedFrom) {
                    return false;
                }
                relinkedFrom = attempt.from;
            }
            request.relink().get().whenComplete((link, failure) -> {
                if (failure != null) {
                    Throwable cause = GenesysErrors.unwrap(failure);
                    fail(attempt.resumed, cause instanceof GenesysApiException api ? api
                            : local("asking Genesys for a new link failed", cause));
                } else {
                    url = link;
                    send(attempt.from, attempt.resumed);
                }
            });
            return true;
        }

        private void fail(CompletableFuture<InputStream> resumed, Throwable failure) {
            closeFile(true);
            if (resumed != null) {
                resumed.completeExceptionally(failure);
            } else {
                opened.completeExceptionally(failure);
            }
        }

        // ---- stream mode: DownloadStream.Source -------------------------------------------------------------

        @Override
        public InputStream first() {
            return current.body.getInputStream();
        }

        @Override
        public boolean resumable() {
            return size >= 0 && acceptsRanges && request.retryPolicy().enabled();
        }

        @Override
        public InputStream resume(long position, IOException cause) throws IOException {
            CompletableFuture<InputStream> next = new CompletableFuture<>();
            RetryScheduler.Retry r = retry();
            synchronized (lock) {
                if (aborted) {
                    throw new IOException("The download of " + request.resource() + " was closed", cause);
                }
                if (position > lastResumeFrom) {
                    // bytes arrived since the last break: a new sequence of attempts (a long transfer may break often)
                    r.reset();
                    lastResumeFrom = position;
                }
                pendingResume = next;
            }
            String why = "a transfer that broke off at byte " + position + " of " + size + " ("
                         + cause.getClass().getSimpleName() + ")";
            if (r.backoff(why, () -> send(position, next)) == RetryPolicy.NO_RETRY) {
                throw new IOException("The download of " + request.resource() + " broke off at byte " + position
                                      + " of " + size + " and the retries are spent (" + cause.getClass().getSimpleName()
                                      + ")", cause);
            }
            LOG.debug("{}: {}; resuming", what(), why);
            try {
                // the reading route thread waits for a response a Jetty thread delivers: never the other way round
                return next.join();
            } catch (CompletionException e) {
                Throwable c = GenesysErrors.unwrap(e);
                throw new IOException("The download of " + request.resource() + " broke off at byte " + position
                                      + " of " + size + " and could not be resumed: " + c.getMessage(), c);
            } finally {
                pendingResume = null;
            }
        }

        @Override
        public void abort() {
            aborted = true;
            Attempt a = current;
            if (a != null) {
                a.abort();
            }
            CompletableFuture<InputStream> waiting = pendingResume;
            if (waiting != null) {
                waiting.completeExceptionally(new IOException("The download of " + request.resource() + " was closed"));
            }
        }

        // ---- file mode ----------------------------------------------------------------------------------------

        private void openFile() throws IOException {
            synchronized (lock) {
                if (channel != null) {
                    return; // a first response cut before its first byte was written: the same file, still empty
                }
                channel = AsynchronousFileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        }

        private void closeFile(boolean delete) {
            AsynchronousFileChannel c;
            synchronized (lock) {
                c = channel;
                channel = null;
            }
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    LOG.debug("Closing {} failed: {}", part, e.getMessage());
                }
            }
            if (delete && part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.debug("Deleting {} failed: {}", part, e.getMessage());
                }
            }
        }

        private void written(Attempt attempt, long position) {
            if (size >= 0 && position != size) {
                attempt.brokeOff(new IOException("the response ended at byte " + position + " of " + size));
                return;
            }
            AsynchronousFileChannel c;
            synchronized (lock) {
                c = channel;
            }
            if (c == null) {
                fail(null, local("the download was closed", null));
                return;
            }
            // the flush to disk waits on the disk: on a thread for that, never on this one (a Jetty I/O thread, or
            // the file channel's completion thread)
            try {
                DISK.execute(() -> settle(c));
            } catch (RejectedExecutionException e) {
                settle(c);
            }
        }

        /**
         * Flushes the {@code .part} to disk, then moves it into place: without the flush, a crash (power, kernel) after
         * the move can leave a file of the full name and size with bytes missing, which a {@code files} consumer has
         * already marked done (and, with deleteAfterDownload, deleted from Genesys). camel-file forces its writes too
         * ({@code forceWrites}, on by default).
         */
        private void settle(AsynchronousFileChannel c) {
            try {
                c.force(true);
            } catch (IOException e) {
                fail(null, local("cannot flush " + part + " to disk", e));
                return;
            }
            closeFile(false);
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                try {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException again) {
                    fail(null, local("cannot move " + part + " to " + target, again));
                    return;
                }
            }
            opened.complete(download(null, target));
        }

        private GenesysDownloadException local(String what, Throwable cause) {
            return new GenesysDownloadException("The download of " + request.resource() + " failed: " + what
                                                + (cause != null && cause.getMessage() != null
                                                        ? " (" + cause.getMessage() + ")" : ""),
                    request.resource(), builder(0), cause);
        }

        private GenesysApiException.Builder builder(int status) {
            return GenesysApiException.builder().httpStatus(status).operation("GET " + Secrets.url(url)).bodyExcerpt("");
        }

        /** The exception for a status of the storage host, quoting its error code and message only. */
        private GenesysDownloadException refused(int status, long from, byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            String code = group(ERROR_CODE, text);
            String message = group(ERROR_MESSAGE, text);
            StringBuilder sb = new StringBuilder("Downloading ").append(request.resource()).append(" failed: the storage host ")
                    .append(host()).append(" answered HTTP ").append(status);
            if (code != null || message != null) {
                sb.append(" (").append(code != null ? code : "").append(code != null && message != null ? ": " : "")
                        .append(message != null ? message : "").append(')');
            }
            if (status == 403) {
                sb.append(". The pre-signed link has expired or was refused (a new one is asked for when a download"
                          + " starts: download the file again)");
            } else if (status == 404) {
                sb.append(". The file is no longer in storage (deleted, or its export expired)");
            } else if (status == 412 && from > 0) {
                sb.append(". The file changed at the storage host since the transfer began (its ")
                        .append(etag != null ? "ETag" : "Last-Modified").append(" no longer matches): the transfer"
                                                                            + " cannot be resumed; download the file again");
            } else if (status >= 200 && status < 300 && from > 0) {
                sb.append(" to a request for the rest of the file from a given byte, with the whole file or another"
                          + " range: the transfer cannot be resumed (that answer was not read)");
            }
            sb.append("; the link itself is not shown, its query string is a credential");
            GenesysApiException.Builder b = builder(status).errorCode(code).errorMessage(message);
            return new GenesysDownloadException(sb.toString(), request.resource(), b, null);
        }

        private String group(Pattern p, String text) {
            Matcher m = p.matcher(text);
            // the link's own values never appear in what is quoted
            return m.find() ? Secrets.NONE.redact(m.group(1).trim()) : null;
        }

        /** One GET and what came back: the file's bytes (streamed or written), or an error to retry or report. */
        private final class Attempt implements Response.Listener {
            final long from;
            final CompletableFuture<InputStream> resumed;
            private volatile Response response;
            private int status;
            private boolean ok;
            private InputStreamResponseListener body;
            private ByteArrayOutputStream error;
            // file mode, guarded by this
            private long position;
            private boolean writing;
            private Result pendingResult;

            Attempt(long from, CompletableFuture<InputStream> resumed) {
                this.from = from;
                this.resumed = resumed;
                this.position = from;
            }

            void abort() {
                InputStreamResponseListener b = body;
                if (b != null) {
                    try {
                        b.close();
                    } catch (IOException e) {
                        LOG.debug("Closing the response of {} failed: {}", what(), e.getMessage());
                    }
                }
                Response r = response;
                if (r != null) {
                    r.abort(new IOException("The download of " + request.resource() + " was closed"));
                }
            }

            /**
             * Keeps a file's {@code Content-Encoding} from Jetty, which would decode the body (its client decodes gzip
             * whatever the request's {@code Accept-Encoding}, and has no per-request switch): a file stored gzipped (an
             * S3 object's stored encoding is answered to every request) is downloaded as stored, its
             * {@code Content-Length} (which decoding drops) gives its size, and a resume's {@code Range} counts the
             * stored bytes. An error's body is still decoded, for its error code and message.
             */
            @Override
            public boolean onHeader(Response response, HttpField field) {
                int s = response.getStatus();
                return field.getHeader() != HttpHeader.CONTENT_ENCODING || s < 200 || s >= 300;
            }

            @Override
            public void onHeaders(Response response) {
                this.response = response;
                status = response.getStatus();
                ok = from == 0 ? status == 200 : status == 206 && rangeStart(response) == from;
                if (!ok) {
                    error = new ByteArrayOutputStream();
                    if (status >= 200 && status < 300) {
                        // a 2xx that is not the bytes asked for (a 200 to a Range: the whole file, RFC 9110 §14.2;
                        // or another range): its body is file content, not an error to quote, and may be gigabytes.
                        // Not read: the connection is dropped and the transfer fails now (refused(...) says why)
                        response.abort(new IOException("HTTP " + status + " is not the range from byte " + from));
                    }
                    return;
                }
                if (from == 0) {
                    described(response);
                }
                if (request.directory() == null) {
                    body = new InputStreamResponseListener();
                    body.onHeaders(response);
                    if (resumed == null) {
                        opened.complete(download(new DownloadStream(request.resource(), size, Transfer.this), null));
                    } else {
                        resumed.complete(body.getInputStream());
                    }
                } else if (from == 0) {
                    try {
                        openFile();
                    } catch (IOException e) {
                        fail(null, local("cannot write " + part, e));
                        response.abort(e);
                    }
                }
            }

            private long rangeStart(Response response) {
                Matcher m = CONTENT_RANGE.matcher(String.valueOf(response.getHeaders().get(HttpHeader.CONTENT_RANGE)));
                return m.find() ? Long.parseLong(m.group(1)) : -1;
            }

            @Override
            public void onContent(Response response, Content.Chunk chunk, Runnable demander) {
                if (body != null) {
                    body.onContent(response, chunk, demander);
                    return;
                }
                if (!ok) {
                    ByteBuffer b = chunk.getByteBuffer();
                    int n = Math.min(b.remaining(), ERROR_BODY_LIMIT - error.size());
                    if (n > 0) {
                        byte[] bytes = new byte[n];
                        b.get(bytes);
                        error.writeBytes(bytes);
                    }
                    demander.run();
                    return;
                }
                write(response, chunk, demander);
            }

            /** Writes one chunk at its position; Jetty is asked for the next one only when it is written. */
            private void write(Response response, Content.Chunk chunk, Runnable demander) {
                AsynchronousFileChannel c = channel;
                if (c == null) {
                    response.abort(new IOException("The download of " + request.resource() + " was closed"));
                    return;
                }
                long at;
                synchronized (this) {
                    at = position;
                    writing = true;
                }
                chunk.retain();
                ByteBuffer buffer = chunk.getByteBuffer();
                c.write(buffer, at, null, new CompletionHandler<Integer, Void>() {
                    private long next = at;

                    @Override
                    public void completed(Integer n, Void nothing) {
                        next += n;
                        if (buffer.hasRemaining()) {
                            c.write(buffer, next, null, this);
                            return;
                        }
                        chunk.release();
                        Result done;
                        synchronized (Attempt.this) {
                            position = next;
                            writing = false;
                            done = pendingResult;
                            pendingResult = null;
                        }
                        if (done != null) {
                            finished(done);
                        } else {
                            demander.run();
                        }
                    }

                    @Override
                    public void failed(Throwable x, Void nothing) {
                        chunk.release();
                        synchronized (Attempt.this) {
                            writing = false;
                        }
                        fail(null, local("cannot write " + part, x));
                        response.abort(x);
                    }
                });
            }

            @Override
            public void onSuccess(Response response) {
                if (body != null) {
                    body.onSuccess(response);
                }
            }

            @Override
            public void onFailure(Response response, Throwable failure) {
                if (body != null) {
                    body.onFailure(response, failure);
                }
            }

            @Override
            public void onComplete(Result result) {
                if (body != null) {
                    // the reader sees the end or the failure, and resumes if it can
                    body.onComplete(result);
                    return;
                }
                synchronized (this) {
                    if (writing) {
                        pendingResult = result;
                        return;
                    }
                }
                finished(result);
            }

            private void finished(Result result) {
                Throwable failure = result.isFailed() ? result.getFailure() : null;
                if (opened.isDone() && resumed == null && request.directory() != null && channel == null) {
                    return; // already failed (a local error) or closed
                }
                if (ok) {
                    // file mode: written, or broke off
                    if (failure == null) {
                        long end;
                        synchronized (this) {
                            end = position;
                        }
                        written(this, end);
                    } else {
                        brokeOff(failure);
                    }
                    return;
                }
                if (status == 0) {
                    String why = failure instanceof TimeoutException ? "no data within the idle timeout"
                            : "an I/O error (" + (failure == null ? "no response" : failure.getClass().getSimpleName()) + ")";
                    GenesysDownloadException e = new GenesysDownloadException("Downloading " + request.resource()
                                                                              + " from the storage host " + host()
                                                                              + " failed before a response arrived: "
                                                                              + why, request.resource(), builder(0),
                            failure == null ? null : GenesysErrors.safeCause(failure, Secrets.NONE));
                    retryOrFail(this, 0, -1, why, e);
                    return;
                }
                GenesysDownloadException refused = refused(status, from, error.toByteArray());
                if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
                    long retryAfter = RetryPolicy.parseRetryAfter(response.getHeaders().get(HttpHeader.RETRY_AFTER),
                            Instant.now());
                    retryOrFail(this, status, retryAfter, "HTTP " + status, refused);
                } else if (status != 403 || !relink(this)) {
                    fail(resumed, refused);
                }
            }

            /** File mode: the transfer stopped before the end; resume from what is written, or fail. */
            void brokeOff(Throwable failure) {
                long end;
                synchronized (this) {
                    end = position;
                }
                GenesysDownloadException e = local("the transfer broke off at byte " + end + (size >= 0 ? " of " + size : "")
                                                   + " and could not be resumed", failure);
                if (!(size >= 0 && acceptsRanges)) {
                    fail(null, e);
                    return;
                }
                RetryScheduler.Retry r = retry();
                synchronized (lock) {
                    if (end > lastResumeFrom) {
                        r.reset();
                        lastResumeFrom = end;
                    }
                }
                if (r.backoff("a transfer that broke off at byte " + end, () -> send(end, null)) == RetryPolicy.NO_RETRY) {
                    fail(null, e);
                }
            }
        }
    }
}
