package io.camelgenesys.simulator;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage host behind UDM downloads: a second Jetty server on its own port, in the role of the object store
 * (S3-like) that {@code GET /udm/v10/files/{filename}} redirects to with 303. It serves {@code GET} and {@code HEAD}
 * of {@value #FILES_PATH}{@code {filename}?expires=&signature=} and, as such a store does:
 * <ul>
 * <li>refuses a request that carries {@code Authorization} or {@code x-api-key} (400 {@code InvalidArgument}): a
 * pre-signed URL is its own credential, and a client that forwards its Genesys credentials to the store leaks
 * them;</li>
 * <li>answers 403 {@code AccessDenied} when the signature is missing or wrong, or the link has expired (its
 * {@code expires} passed, or {@link #expireLinks()});</li>
 * <li>answers 404 {@code NoSuchKey} for a file that is gone;</li>
 * <li>streams the generated content in 64 KiB chunks without blocking a thread, with {@code Content-Length},
 * {@code ETag}, {@code Last-Modified}, {@code Content-Disposition} and single {@code Range} requests (206/416).</li>
 * </ul>
 * Errors are S3-style XML ({@code <Error><Code>…</Code><Message>…</Message>…</Error>}). The fault switchboard
 * applies here too (match {@value #FILES_PATH}{@code **}; holds, delays, drops, statuses), and requests are counted
 * like every other.
 * <p>
 * Genesys Cloud recordings use a second instance (its own port, files path and file lookup): one storage host
 * behaviour for every simulated pre-signed download.
 */
final class UdmStorage {

    /** Where files are served; a bucket-like first segment keeps these paths apart from every API path. */
    static final String FILES_PATH = "/udm-exports/";
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";
    static final int CHUNK = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UdmStorage.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String role;
    private final String filesPath;
    private final Function<String, Optional<UdmFile>> files;
    private final Faults faults;
    private final Requests requests;

    private Server server;
    private int boundPort;

    private volatile byte[] secret = newSecret();
    /** Secrets of links expired by {@link #expireLinks()}: a link signed with one is expired, not forged. */
    private final List<byte[]> retired = new CopyOnWriteArrayList<>();
    private volatile Duration linkLifetime = UserDataManagement.DEFAULT_LINK_LIFETIME;
    private long cutAfterBytes = -1;
    private int cutTimes;
    /** Where {@code PUT} uploads go, or {@code null}: this host only serves downloads (405 for PUT). */
    private volatile Uploads uploads;

    /**
     * What a storage host that takes uploads (the contacts CSV imports) does with them: a {@code PUT} of a pre-signed
     * upload link ({@link #presignUpload}) is checked as a {@code GET} is (no Genesys credentials, a valid unexpired
     * signature), then by {@link #check}, then written to {@link #target} chunk by chunk as it arrives.
     */
    interface Uploads {
        /** @return the file to write the upload of {@code name} to, or {@code null} when none is expected (404) */
        java.nio.file.Path target(String name);

        /** @return {@code null} when the request's headers are what the upload link asked for, else why not (400) */
        String check(String name, org.eclipse.jetty.http.HttpFields headers);

        /** The whole body of {@code size} bytes is in {@code file}. */
        void uploaded(String name, java.nio.file.Path file, long size);
    }

    /** Takes {@code PUT} uploads of pre-signed upload links from now on. */
    UdmStorage uploads(Uploads uploads) {
        this.uploads = uploads;
        return this;
    }

    UdmStorage(UserDataManagement udm, Faults faults, Requests requests) {
        this("the UDM storage host", FILES_PATH, udm::file, faults, requests);
    }

    /**
     * @param role      names the host in errors and logs
     * @param filesPath where files are served, e.g. {@code /recordings/}
     * @param files     the file of a name, if there is one
     */
    UdmStorage(String role, String filesPath, Function<String, Optional<UdmFile>> files, Faults faults,
               Requests requests) {
        this.role = role;
        this.filesPath = filesPath;
        this.files = files;
        this.faults = faults;
        this.requests = requests;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    synchronized void start() {
        if (server != null) {
            return;
        }
        // A restart binds the same port, so links issued before it stay reachable.
        Server jetty = LocalJetty.create("genesys-simulator-storage", boundPort);
        jetty.setHandler(new StorageHandler());
        boundPort = LocalJetty.start(jetty, role);
        server = jetty;
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop " + role, e);
        } finally {
            server = null;
        }
    }

    /** Stopped: the next start binds a free port, not the one before (see GenesysSimulator.releasePorts). */
    synchronized void releasePort() {
        if (server == null) {
            boundPort = 0;
        }
    }

    synchronized String baseUrl() {
        if (boundPort == 0) {
            throw new IllegalStateException("The simulator has not started yet, so the storage port is not known");
        }
        return "http://127.0.0.1:" + boundPort;
    }

    synchronized void reset() {
        secret = newSecret();
        retired.clear();
        linkLifetime = UserDataManagement.DEFAULT_LINK_LIFETIME;
        cutAfterBytes = -1;
        cutTimes = 0;
    }

    // ---- links ---------------------------------------------------------------------------------------------------

    void setLinkLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("linkLifetime must be positive: " + lifetime);
        }
        linkLifetime = lifetime;
    }

    Duration linkLifetime() {
        return linkLifetime;
    }

    synchronized void expireLinks() {
        retired.add(secret);
        secret = newSecret();
    }

    synchronized void cutDownloads(long afterBytes, int times) {
        if (afterBytes < 0 || times < 0) {
            throw new IllegalArgumentException("afterBytes and times must not be negative");
        }
        cutAfterBytes = afterBytes;
        cutTimes = times;
    }

    /** @return how many body bytes the next download may send before its connection is cut, or -1 */
    private synchronized long takeCut() {
        if (cutTimes == 0) {
            return -1;
        }
        cutTimes--;
        return cutAfterBytes;
    }

    /** @return an absolute pre-signed URL of the file, valid for the link lifetime */
    String presign(String name) {
        long expires = System.currentTimeMillis() + linkLifetime.toMillis();
        return baseUrl() + filesPath + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "?" + EXPIRES + "=" + expires + "&" + SIGNATURE + "=" + sign(secret, name, expires);
    }

    /** @return an absolute pre-signed upload ({@code PUT}) URL for {@code name}, valid for the link lifetime */
    String presignUpload(String name) {
        long expires = System.currentTimeMillis() + linkLifetime.toMillis();
        return baseUrl() + filesPath + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "?" + EXPIRES + "=" + expires + "&" + SIGNATURE + "=" + sign(secret, "PUT " + name, expires);
    }

    private static String sign(byte[] key, String name, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((name + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** @return {@code null} when the link is valid, else the 403 message */
    private String checkLink(String name, Map<String, List<String>> query) {
        String expiresText = first(query, EXPIRES);
        String signature = first(query, SIGNATURE);
        if (expiresText == null || signature == null) {
            return "Query-string authentication requires the " + EXPIRES + " and " + SIGNATURE + " parameters";
        }
        long expires;
        try {
            expires = Long.parseLong(expiresText);
        } catch (NumberFormatException e) {
            return "Invalid " + EXPIRES + " parameter";
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(given, sign(secret, name, expires).getBytes(StandardCharsets.UTF_8))) {
            return System.currentTimeMillis() > expires ? "Request has expired" : null;
        }
        for (byte[] old : retired) {
            if (MessageDigest.isEqual(given, sign(old, name, expires).getBytes(StandardCharsets.UTF_8))) {
                return "Request has expired";
            }
        }
        return "The request signature we calculated does not match the signature you provided";
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    // ---- serving -------------------------------------------------------------------------------------------------

    private final class StorageHandler extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            String path = Request.getPathInContext(request);
            requests.record(method, path, request.getHeaders());
            FaultRule.Action fault = faults.take(method, path);
            if (fault != null && fault.hold() != null) {
                // held without a server thread, as on the API host: the test's release goes on, on a server thread
                fault.hold().whenComplete((released, failure) -> request.getContext().execute(
                        () -> delayed(request, response, callback, fault)));
            } else {
                delayed(request, response, callback, fault);
            }
            return true;
        }

        private void delayed(Request request, Response response, Callback callback, FaultRule.Action fault) {
            if (fault != null && !fault.delay().isZero()) {
                request.getComponents().getScheduler().schedule(
                        () -> request.getContext().execute(() -> proceed(request, response, callback, fault)),
                        fault.delay().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                proceed(request, response, callback, fault);
            }
        }

        private void proceed(Request request, Response response, Callback callback, FaultRule.Action fault) {
            try {
                String path = Request.getPathInContext(request);
                if (fault != null && fault.drop()) {
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                    callback.failed(new EofException("Connection dropped by a simulator fault"));
                } else if (fault != null && fault.hasResponse()) {
                    int status = fault.status() > 0 ? fault.status() : 200;
                    fault.headers().forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
                    if (fault.body() != null) {
                        response.setStatus(status);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, fault.contentType());
                        response.write(true, ByteBuffer.wrap(fault.body()), callback);
                    } else {
                        error(response, callback, status, "SimulatedFault", "A fault rule answered " + status, path);
                    }
                } else {
                    serve(request, response, callback, path);
                }
            } catch (Throwable x) {
                LOG.warn("The UDM storage host failed to serve {}", request.getHttpURI().getPath(), x);
                if (!response.isCommitted()) {
                    response.reset();
                    error(response, callback, 500, "InternalError", "The simulator failed: " + x, "");
                } else {
                    callback.failed(x);
                }
            }
        }

        private void serve(Request request, Response response, Callback callback, String path) {
            String method = request.getMethod();
            boolean put = "PUT".equals(method) && uploads != null;
            if (!"GET".equals(method) && !"HEAD".equals(method) && !put) {
                response.getHeaders().put(HttpHeader.ALLOW, uploads != null ? "GET, HEAD, PUT" : "GET, HEAD");
                error(response, callback, 405, "MethodNotAllowed",
                        "The specified method is not allowed against this resource", path);
                return;
            }
            // Jetty's canonical path keeps some characters encoded (a space stays %20): the key is decoded.
            String name = path.startsWith(filesPath) ? URIUtil.decodePath(path.substring(filesPath.length())) : "";
            if (name.isEmpty() || name.contains("/")) {
                error(response, callback, 404, "NoSuchKey", "The specified key does not exist.", path);
                return;
            }
            // Credentials first, as a store checks authentication before it looks the key up.
            if (request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
                error(response, callback, 400, "InvalidArgument", "Only one auth mechanism allowed; a pre-signed URL "
                        + "carries its own, so the Authorization header must not be sent", path);
                return;
            }
            if (request.getHeaders().contains(Authenticator.API_KEY_HEADER)) {
                error(response, callback, 400, "InvalidArgument", "Unsupported header x-api-key: a pre-signed URL "
                        + "carries its own credentials; do not send Genesys credentials to the storage host", path);
                return;
            }
            String refused = checkLink(put ? "PUT " + name : name,
                    ApiRequest.parseQuery(request.getHttpURI().getQuery()));
            if (refused != null) {
                error(response, callback, 403, "AccessDenied", refused, path);
                return;
            }
            if (put) {
                receive(request, response, callback, name, path);
                return;
            }
            UdmFile file = files.apply(name).orElse(null);
            if (file == null) {
                error(response, callback, 404, "NoSuchKey", "The specified key does not exist.", path);
                return;
            }
            long size = file.size();
            long start = 0;
            long end = size;
            int status = 200;
            String range = request.getHeaders().get(HttpHeader.RANGE);
            if (range != null) {
                long[] bounds = range(range, size);
                if (bounds == null) {
                    response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
                    error(response, callback, 416, "InvalidRange", "The requested range is not satisfiable", path);
                    return;
                }
                if (bounds.length == 2) {
                    start = bounds[0];
                    end = bounds[1] + 1;
                    status = 206;
                    response.getHeaders().put(HttpHeader.CONTENT_RANGE,
                            "bytes " + start + "-" + bounds[1] + "/" + size);
                }
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, end - start);
            response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
            response.getHeaders().put(HttpHeader.ETAG, file.etag());
            response.getHeaders().put(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(file.uploadDate()));
            response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
            if ("HEAD".equals(method) || start == end) {
                response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                return;
            }
            new BodyWriter(request, response, callback, file, start, end, takeCut()).iterate();
        }
    }

    /**
     * Writes an upload's body to its file chunk by chunk as Jetty delivers it (no thread waits for the network), then
     * answers 200 with an ETag, or 400 when fewer bytes came than {@code Content-Length} announced.
     */
    private void receive(Request request, Response response, Callback callback, String name, String path) {
        Uploads sink = uploads;
        String bad = sink.check(name, request.getHeaders());
        if (bad != null) {
            error(response, callback, 400, "InvalidRequest", bad, path);
            return;
        }
        java.nio.file.Path target = sink.target(name);
        if (target == null) {
            error(response, callback, 404, "NoSuchUpload", "The specified upload does not exist.", path);
            return;
        }
        long expected = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        java.nio.channels.FileChannel out;
        try {
            out = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        } catch (java.io.IOException e) {
            error(response, callback, 500, "InternalError", "Cannot store the upload: " + e.getMessage(), path);
            return;
        }
        new Runnable() {
            private long received;

            @Override
            public void run() {
                try {
                    while (true) {
                        org.eclipse.jetty.io.Content.Chunk chunk = request.read();
                        if (chunk == null) {
                            request.demand(this);
                            return;
                        }
                        if (org.eclipse.jetty.io.Content.Chunk.isFailure(chunk)) {
                            out.close();
                            callback.failed(chunk.getFailure());
                            return;
                        }
                        ByteBuffer bytes = chunk.getByteBuffer();
                        while (bytes.hasRemaining()) {
                            received += out.write(bytes);
                        }
                        chunk.release();
                        if (chunk.isLast()) {
                            out.close();
                            if (expected >= 0 && received != expected) {
                                error(response, callback, 400, "IncompleteBody", "The request body was " + received
                                        + " bytes, Content-Length said " + expected, path);
                                return;
                            }
                            sink.uploaded(name, target, received);
                            response.setStatus(200);
                            response.getHeaders().put(HttpHeader.ETAG, "\"" + Long.toHexString(received * 31L
                                    + name.hashCode()) + "\"");
                            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                            return;
                        }
                    }
                } catch (java.io.IOException e) {
                    try {
                        out.close();
                    } catch (java.io.IOException ignored) {
                        // the failure below says what went wrong
                    }
                    error(response, callback, 500, "InternalError", "Cannot store the upload: " + e.getMessage(), path);
                }
            }
        }.run();
    }

    /**
     * Parses a single {@code Range: bytes=} header (RFC 9110 §14).
     *
     * @return {first, last} for a satisfiable range, an empty array to serve the whole file (no byte range, several
     * ranges or a malformed header, which a server may ignore), or {@code null} when unsatisfiable (416)
     */
    static long[] range(String header, long size) {
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return new long[0];
        }
        String spec = value.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new long[0];
        }
        try {
            String firstText = spec.substring(0, dash).strip();
            String lastText = spec.substring(dash + 1).strip();
            if (firstText.isEmpty()) {
                long suffix = Long.parseLong(lastText);
                if (suffix <= 0 || size == 0) {
                    return null;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(firstText);
            long last = lastText.isEmpty() ? Long.MAX_VALUE : Long.parseLong(lastText);
            if (first < 0 || last < first) {
                return new long[0];
            }
            if (first >= size) {
                return null;
            }
            return new long[] {first, Math.min(last, size - 1)};
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }

    private static void error(Response response, Callback callback, int status, String code, String message,
            String resource) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message><Resource>" + escape(resource) + "</Resource><RequestId>"
                + UUID.randomUUID() + "</RequestId></Error>";
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.write(true, ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Writes {@code [start, end)} of a file chunk by chunk: each chunk is generated into the one buffer after the
     * previous write completed, so a download of any size holds {@value #CHUNK} bytes and no thread waits on the
     * network.
     */
    private static final class BodyWriter extends IteratingCallback {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final UdmFile file;
        private final long start;
        private final long end;
        /** The body position after which the connection is cut, or -1. */
        private final long cutAt;
        private final byte[] chunk;
        private long position;
        private boolean lastWritten;

        BodyWriter(Request request, Response response, Callback callback, UdmFile file, long start, long end,
                long cutAfter) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.file = file;
            this.start = start;
            this.position = start;
            this.end = end;
            this.cutAt = cutAfter < 0 ? -1 : start + cutAfter;
            this.chunk = new byte[(int) Math.min(CHUNK, end - start)];
        }

        @Override
        protected Action process() throws Throwable {
            if (lastWritten) {
                return Action.SUCCEEDED;
            }
            if (cutAt >= 0 && position >= cutAt) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                throw new EofException("Download cut by a simulator fault after " + (position - start) + " bytes");
            }
            long limit = cutAt >= 0 ? Math.min(end, cutAt) : end;
            int n = (int) Math.min(chunk.length, limit - position);
            file.read(position, chunk, 0, n);
            position += n;
            lastWritten = position >= end;
            response.write(lastWritten, ByteBuffer.wrap(chunk, 0, n), this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            callback.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            callback.failed(cause);
        }
    }
}
