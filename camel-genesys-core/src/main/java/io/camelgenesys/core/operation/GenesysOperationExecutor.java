package io.camelgenesys.core.operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.auth.Secrets;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.GenesysRequest;
import io.camelgenesys.core.http.GenesysResponse;
import io.camelgenesys.core.json.GenesysJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor behind every producer: builds the request from an {@link OperationSpec} and an
 * {@link OperationCall}, sends it through the connection's pipeline, and maps the response (errors, the Multicloud
 * envelope, paging, the output form) into an {@link OperationResult}.
 */
public final class GenesysOperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysOperationExecutor.class);

    private static final String[] NO_VALUES = new String[0];

    /** The 2xx statuses boxed once: a status header per exchange, and {@code Integer.valueOf} caches only to 127. */
    private static final Integer[] SUCCESS_STATUSES = new Integer[100];

    static {
        for (int i = 0; i < SUCCESS_STATUSES.length; i++) {
            SUCCESS_STATUSES[i] = 200 + i;
        }
    }

    private final GenesysConnection connection;

    public GenesysOperationExecutor(GenesysConnection connection) {
        this.connection = connection;
    }

    public CompletableFuture<OperationResult> execute(OperationCall call) {
        GenesysRequest request;
        try {
            request = request(call, call.queryView());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // mapped on the thread that completes the call, without a stage in between
        return connection.execute(request, response -> result(call, request, response));
    }

    /**
     * Sends a request built with {@link #request} through the connection's pipeline and completes with the response
     * as it is, whatever its status (but 401 and 429, which the pipeline handles): for an execution that reads the
     * status itself, such as a redirect to follow or a bulk delete whose 500 lists the items not deleted. Map a
     * success with {@link #result}. Completes on a Jetty I/O or scheduler thread.
     */
    public CompletableFuture<GenesysResponse> send(GenesysRequest request) {
        return connection.execute(request);
    }

    /** The connection this executor sends through. */
    public GenesysConnection connection() {
        return connection;
    }

    /**
     * Builds the HTTP request: path variables encoded as path segments, query ({@link CollectionFormat#multi}
     * parameters repeated once per value), JSON or multipart body.
     */
    public GenesysRequest request(OperationCall call, Map<String, String> query) {
        OperationSpec spec = call.spec();
        if (OperationSpec.COMETD.equals(spec.method())) {
            throw new IllegalArgumentException(spec + " is a CometD channel, not a request: it is consumed, never sent");
        }
        if (!spec.needsConnection()) {
            throw new IllegalArgumentException(spec.method() + " is a webhook Genesys calls: it is consumed, never sent");
        }
        List<String> vars = spec.pathVariables();
        String[] values = vars.isEmpty() ? NO_VALUES : new String[vars.size()];
        // the path as messages show it, only for a row with a secret variable (a notification channel id)
        String[] shownValues = spec.hasSecretPath() ? new String[values.length] : null;
        for (int i = 0; i < values.length; i++) {
            String value = call.pathParam(vars.get(i));
            if (value == null || value.isBlank()) {
                OperationSpec.Parameter var = spec.parameter(vars.get(i));
                throw new IllegalArgumentException("The " + var.name() + " is required for " + spec + ": set the "
                                                   + var.option() + " option or the " + var.header() + " header");
            }
            if (".".equals(value) || "..".equals(value)) {
                // a dot-segment: URL resolvers and HTTP servers remove it (RFC 3986 5.2.4), so the request would
                // address another resource (deleteNote with noteId '..' deleted the contact)
                OperationSpec.Parameter var = spec.parameter(vars.get(i));
                throw new IllegalArgumentException("The " + var.name() + " '" + value + "' is not an id for " + spec
                                                   + ": a path segment '.' or '..' would address another resource;"
                                                   + " check the " + var.option() + " option or the " + var.header()
                                                   + " header");
            }
            values[i] = GenesysRequest.encodeComponent(value);
            if (shownValues != null) {
                shownValues[i] = spec.isSecretPath(vars.get(i)) ? Secrets.label(values[i]) : values[i];
            }
        }
        String shown = shownValues == null ? null : spec.expandPath(shownValues);
        String base = connection.baseUrl();
        // the URL in one piece (no path string, then the URL) when the template is a path under the base
        GenesysRequest.Builder b = (spec.pathTemplate().startsWith("/")
                ? GenesysRequest.builder(spec.method(), base, spec.expandUrl(base, values))
                : GenesysRequest.builder(spec.method(), spec.expandPath(values))).shownPath(shown)
                .operation(call.operation())
                .idempotent(spec.idempotent())
                .streamed(spec.isStreamed())
                .retryPolicy(call.retryPolicy())
                .answers(spec.answeredStatuses());
        if (!query.isEmpty()) {
            // (a get by id has no query: no lambda for it)
            query.forEach((name, value) -> {
                if (spec.collectionFormat(name) == CollectionFormat.multi && value.indexOf(',') >= 0) {
                    // carried comma-joined inside the component; repeated on the wire (collectionFormat multi)
                    for (String item : value.split(",")) {
                        if (!item.isBlank()) {
                            b.query(name, item.strip());
                        }
                    }
                } else {
                    b.query(name, value);
                }
            });
        }
        if (call.contentType() != null && call.body() instanceof byte[] raw) {
            b.body(raw, call.contentType());
        } else if (spec.hasBody() && call.body() != null && spec.multipartField() != null) {
            String fileName = spec.multipartFileName() == null ? null : call.pathParam(spec.multipartFileName());
            b.multipartBody(spec.multipartField(), fileName != null ? fileName : spec.multipartField(),
                    "application/octet-stream", fileBytes(spec, call.body()));
        } else if (spec.hasBody() && call.body() != null) {
            b.jsonBody(GenesysJson.toBytes(call.body()));
        } else if (spec.bodyRequired()) {
            throw new IllegalArgumentException("The message body is required for " + spec + ": send a "
                                               + spec.requestType().getSimpleName() + ", a Map or JSON");
        }
        if (!call.headers().isEmpty()) {
            call.headers().forEach(b::header);
        }
        if (call.signer() != null) {
            // computed over the very bytes sent, whichever way they were built (and sent again as they are on a retry)
            byte[] sent = b.build().body();
            call.signer().headers(sent != null ? sent : new byte[0]).forEach(b::header);
        }
        return b.build();
    }

    /** The body of a multipart file part: bytes as they are, text in UTF-8. */
    private static byte[] fileBytes(OperationSpec spec, Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("The message body of " + spec + " is the file to upload: send it as bytes,"
                                           + " a String, a File or an InputStream, not a "
                                           + body.getClass().getName());
    }

    /**
     * Maps a response into the operation's result: an error status to a {@link GenesysApiException}, the Multicloud
     * envelope, paging and the output form; the response metadata to headers.
     */
    public OperationResult result(OperationCall call, GenesysRequest request, GenesysResponse response)
            throws GenesysApiException {
        int status = response.status();
        if (status >= 300) {
            throw GenesysErrors.fromResponse(request, response);
        }
        Map<String, Object> headers = new ResultHeaders();
        headers.put(GenesysConstants.HTTP_STATUS, boxed(status));
        putIfNotNull(headers, GenesysConstants.CORRELATION_ID, response.correlationId());
        putIfNotNull(headers, GenesysConstants.RATE_LIMIT_REMAINING, response.rateLimitRemaining());
        if (response.stream() != null) {
            putIfNotNull(headers, org.apache.camel.Exchange.CONTENT_TYPE, response.header("Content-Type"));
            // the same file-name headers as a storage download (Download#headers), so to("file:dir") keeps the name
            String fileName = fileName(response.header("Content-Disposition"));
            putIfNotNull(headers, io.camelgenesys.core.http.Download.FILE_NAME_HEADER, fileName);
            putIfNotNull(headers, org.apache.camel.Exchange.FILE_NAME, fileName);
            return new OperationResult(response.stream(), headers);
        }
        OperationSpec spec = call.spec();
        if (!response.hasBody()) {
            if (spec.paging() != PagingStyle.NONE) {
                // a paged list answering 204 (UDM: nothing matches) is an empty page, not a missing body
                return new OperationResult(call.pageAll() ? java.util.Collections.emptyIterator() : List.of(), headers);
            }
            return new OperationResult(null, headers);
        }
        boolean webServices = connection.platform() == GenesysPlatform.webServices;
        if (call.outputType() == GenesysOutputType.model && isWholeBodyModel(spec) && !webServices) {
            // the common case (get, create, update): bind the bytes straight to the model, no tree in between
            return new OperationResult(readModel(spec.responseType(), request, response), headers);
        }
        JsonNode root;
        try {
            root = response.json();
        } catch (IOException e) {
            throw GenesysErrors.malformed(request, response, e);
        }
        bodyStatus(spec, request, response, root, headers);
        if (spec.totalPointer() != null && root.at(spec.totalPointer()).isNumber()) {
            headers.put(GenesysConstants.TOTAL, root.at(spec.totalPointer()).asLong());
        }
        JsonNode result = spec.resultPointer().isEmpty() ? root : root.at(spec.resultPointer());
        if (result.isMissingNode()) {
            result = null;
        }
        Paging paging = Paging.of(spec.paging());
        if (paging == null || result == null) {
            return new OperationResult(convert(call, result, request, response), headers);
        }
        Page page = paging.read(result, call.query());
        pageHeaders(page, headers);
        if (call.pageAll()) {
            // known from the first page, so the header is there before a splitter starts iterating
            if (page.truncated() || paging.style() == PagingStyle.PAGE_NUMBER && page.total() != null
                                    && page.total() > Paging.PAGE_NUMBER_CAP) {
                truncated(spec, page, headers);
            }
            return new OperationResult(new PageIterator(call, paging, page, headers), headers);
        }
        if (spec.pageModel() != null && call.outputType() == GenesysOutputType.model) {
            // the API's own page model (UDM's PagedResponse), its items typed as the row's model
            try {
                return new OperationResult(GenesysJson.MAPPER.convertValue(result, GenesysJson.MAPPER.getTypeFactory()
                        .constructParametricType(spec.pageModel(), spec.responseType())), headers);
            } catch (IllegalArgumentException e) {
                throw GenesysErrors.malformed(request, response, e);
            }
        }
        List<Object> items = new ArrayList<>(page.items().size());
        for (JsonNode item : page.items()) {
            items.add(convert(call, item, request, response));
        }
        return new OperationResult(items, headers);
    }

    private static void truncated(OperationSpec spec, Page page, Map<String, Object> headers) {
        headers.put(GenesysConstants.PAGING_TRUNCATED, Boolean.TRUE);
        LOG.warn("{} matches {} items but Genesys page-number paging stops at {} records (pageNumber x pageSize <= 1,000):"
                 + " only the first {} are returned. Use the scan operation to read them all.", spec,
                page.total(), Paging.PAGE_NUMBER_CAP, Paging.PAGE_NUMBER_CAP);
    }

    /** The file name of a {@code Content-Disposition: attachment; filename="..."} header, or {@code null}. */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename=\"?([^\";]*)\"?").matcher(disposition);
        return m.find() && !m.group(1).isBlank() ? m.group(1).strip() : null;
    }

    /**
     * What a successful (2xx) answer says of itself in its body, on every page of a listing: a row's Multicloud
     * envelope ({@link #envelope}), and on Web Services the {@code statusCode} every answer carries
     * ({@link #webServicesStatus}). Fails when the body reports an error despite its HTTP status.
     */
    private void bodyStatus(OperationSpec spec, GenesysRequest request, GenesysResponse response, JsonNode root,
                            Map<String, Object> headers) throws GenesysApiException {
        if (spec.multicloudEnvelope()) {
            envelope(request, response, root, headers);
        }
        if (connection.platform() == GenesysPlatform.webServices) {
            webServicesStatus(request, response, root);
        }
    }

    /**
     * Engage Web Services: every answer carries {@code statusCode}, {@code 0} on success (seed 004 L25, the
     * {@code /api/v2/contacts} sample: {@code "statusCode":0}); any other value is an error with a
     * {@code statusMessage}, whatever the HTTP status (Genesys' Web Services API "Return Values": "All methods always
     * return the statusCode attribute. If an error occurs, that is, if the statusCode is not 0, the response includes
     * error details in the statusMessage attribute"). An answer without it is taken as it is.
     */
    private static void webServicesStatus(GenesysRequest request, GenesysResponse response, JsonNode root)
            throws GenesysApiException {
        JsonNode code = root == null ? null : root.get("statusCode");
        if (code == null || !code.isNumber() || code.asInt() == 0) {
            return;
        }
        GenesysApiException.Builder b = GenesysErrors.describe(request, response);
        throw new GenesysApiException(GenesysErrors.message(b) + " (Web Services statusCode " + code.asInt()
                                      + ": not 0, so the request failed)", b, null);
    }

    /**
     * Multicloud {@code status.code}: 0 done, 1 accepted (async), 2 partial success; anything else is an error. Some
     * APIs (Secure Email) give it as text: {@code SUCCESS} is success, any other text an error, as a number would be.
     */
    private static void envelope(GenesysRequest request, GenesysResponse response, JsonNode root,
                                 Map<String, Object> headers) throws GenesysApiException {
        JsonNode status = root.path("status");
        if (!status.isObject()) {
            return;
        }
        putIfNotNull(headers, GenesysConstants.STATUS_MESSAGE, status.path("message").asText(null));
        if (status.path("code").isTextual()) {
            String text = status.get("code").asText();
            if (!GenesysErrors.SUCCESS.equals(text)) {
                GenesysApiException.Builder b = GenesysErrors.describe(request, response);
                throw new GenesysApiException(GenesysErrors.message(b) + " (Multicloud status.code " + text + ")", b, null);
            }
            return;
        }
        int code = status.path("code").asInt(0);
        headers.put(GenesysConstants.STATUS_CODE, code);
        if (code == 2) {
            headers.put(GenesysConstants.ERRORS, GenesysJson.convert(root.path("errors"), GenesysOutputType.map, null));
        } else if (code != 0 && code != 1) {
            GenesysApiException.Builder b = GenesysErrors.describe(request, response);
            throw new GenesysApiException(GenesysErrors.message(b) + " (Multicloud status.code " + code + ")", b, null);
        }
    }

    /**
     * The headers that describe one response of a paged listing, present or absent per page: a later page never
     * carries the first one's (a record of the last page has no next cursor). The total, page size and page count are
     * replaced when a later page gives them.
     */
    private static final List<String> PER_PAGE_HEADERS = List.of(GenesysConstants.HTTP_STATUS,
            GenesysConstants.CORRELATION_ID, GenesysConstants.RATE_LIMIT_REMAINING,
            GenesysConstants.RESPONSE_PAGE_NUMBER, GenesysConstants.NEXT_CURSOR, GenesysConstants.STATUS_CODE,
            GenesysConstants.STATUS_MESSAGE, GenesysConstants.ERRORS);

    private static void pageHeaders(Page page, Map<String, Object> headers) {
        putIfNotNull(headers, GenesysConstants.TOTAL, page.total());
        putIfNotNull(headers, GenesysConstants.RESPONSE_PAGE_NUMBER, page.pageNumber());
        putIfNotNull(headers, GenesysConstants.RESPONSE_PAGE_SIZE, page.pageSize());
        putIfNotNull(headers, GenesysConstants.PAGE_COUNT, page.pageCount());
        putIfNotNull(headers, GenesysConstants.NEXT_CURSOR, page.nextCursor());
        if (page.truncated()) {
            headers.put(GenesysConstants.PAGING_TRUNCATED, Boolean.TRUE);
        }
    }

    private static Object convert(OperationCall call, JsonNode node, GenesysRequest request, GenesysResponse response)
            throws GenesysApiException {
        try {
            return GenesysJson.convert(node, call.outputType(), call.spec().responseType());
        } catch (IllegalStateException e) {
            throw GenesysErrors.malformed(request, response, e);
        }
    }

    /** The response body, as a whole, is one object of a model class: no envelope, pointer or paging to read. */
    private static boolean isWholeBodyModel(OperationSpec spec) {
        Class<?> type = spec.responseType();
        return type != null && !JsonNode.class.isAssignableFrom(type) && !Iterable.class.isAssignableFrom(type)
               && !type.isArray() && !spec.multicloudEnvelope()
               && spec.totalPointer() == null && spec.resultPointer().isEmpty() && spec.paging() == PagingStyle.NONE;
    }

    private static Object readModel(Class<?> type, GenesysRequest request, GenesysResponse response)
            throws GenesysApiException {
        byte[] body = response.body();
        try {
            // an array body is a List of the model, as GenesysJson.convert makes it
            return firstNonSpace(body) == '['
                    ? GenesysJson.MAPPER.readValue(body,
                            GenesysJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type))
                    : GenesysJson.read(body, type);
        } catch (IOException e) {
            throw GenesysErrors.malformed(request, response, e);
        }
    }

    private static int firstNonSpace(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    private static Integer boxed(int status) {
        return status >= 200 && status < 300 ? SUCCESS_STATUSES[status - 200] : Integer.valueOf(status);
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /**
     * Every item of every page, one page in memory. The next page is fetched when the current one is used up; that
     * fetch waits on the iterating thread (a splitter's, a bulk operation's), as an Iterator must. The wait is safe
     * with any number of iterators at once: the page's future is completed by a Jetty I/O or scheduler thread, never
     * by the worker pool the iterating threads may belong to.
     * <p>
     * A page that cannot be fetched ends the iteration once: {@code hasNext()} answers true and {@code next()} throws
     * the failure, so every item already read reaches the caller first (Camel's splitter asks {@code hasNext()}
     * before it hands the current item on). The page is never fetched again: after the failure {@code hasNext()}
     * answers false (Camel's splitter walks the iterator again to release its exchanges) and {@code next()} throws
     * the same failure.
     * <p>
     * {@link #headers()} are those of the page the last item came from (its cursor, correlation id, rate-limit
     * budget): a poll consumer gives each record the headers of its own page.
     */
    public final class PageIterator implements Iterator<Object> {
        private final OperationCall call;
        private final Paging paging;
        private final Map<String, Object> headers;
        /** The headers of {@link #page}, whose items {@link #items} gives. */
        private Map<String, Object> pageHeaders;
        /** The headers of the page of the item {@link #next()} returned last. */
        private Map<String, Object> itemHeaders;
        private Page page;
        private Iterator<JsonNode> items;
        private GenesysRequest lastRequest;
        private GenesysResponse lastResponse;
        /** The failure of the last fetch: the end of the iteration. */
        private RuntimeException failure;
        private boolean failureThrown;

        PageIterator(OperationCall call, Paging paging, Page first, Map<String, Object> headers) {
            this.call = call;
            this.paging = paging;
            this.page = first;
            this.items = first.items().iterator();
            this.headers = headers;
            this.pageHeaders = headers;
            this.itemHeaders = headers;
        }

        /**
         * The headers of the page the item {@link #next()} returned last came from (the first page's before the
         * first item): {@code CamelGenesysNextCursor} (absent on the last page), {@code CamelGenesysCorrelationId},
         * {@code CamelGenesysRateLimitRemaining} and the other page headers of that page's response; what the first
         * page said of the whole listing ({@code CamelGenesysPagingTruncated}, ...) stays.
         */
        public Map<String, Object> headers() {
            return itemHeaders;
        }

        @Override
        public boolean hasNext() {
            while (failure == null && !items.hasNext()) {
                if (page.nextQuery() == null) {
                    return false;
                }
                try {
                    fetch(page.nextQuery());
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            return failure == null || !failureThrown;
        }

        @Override
        public Object next() {
            if (!hasNext() && failure == null) {
                throw new NoSuchElementException();
            }
            if (failure != null) {
                failureThrown = true;
                throw failure;
            }
            Object item = GenesysJson.convert(items.next(), call.outputType(), call.spec().responseType());
            itemHeaders = pageHeaders;
            return item;
        }

        /** The first page's headers with those of this page's response and page in place of its own. */
        private Map<String, Object> headersOf(GenesysResponse response, Page fetched, Map<String, Object> status) {
            Map<String, Object> h = new ResultHeaders();
            h.putAll(headers);
            for (String perPage : PER_PAGE_HEADERS) {
                h.remove(perPage);
            }
            h.put(GenesysConstants.HTTP_STATUS, boxed(response.status()));
            putIfNotNull(h, GenesysConstants.CORRELATION_ID, response.correlationId());
            putIfNotNull(h, GenesysConstants.RATE_LIMIT_REMAINING, response.rateLimitRemaining());
            pageHeaders(fetched, h);
            h.putAll(status);
            return h;
        }

        private void fetch(Map<String, String> query) {
            GenesysRequest request = request(call, query);
            GenesysResponse response;
            try {
                response = connection.execute(request).join();
            } catch (CompletionException e) {
                Throwable cause = GenesysErrors.unwrap(e);
                throw new IllegalStateException("Fetching the next page failed: " + cause.getMessage(), cause);
            }
            try {
                if (response.status() >= 300) {
                    throw GenesysErrors.fromResponse(request, response);
                }
                JsonNode root = response.json();
                if (root == null) {
                    // 204: nothing (more) matches
                    page = new Page(List.of(), null, null, null, null, null, null, false);
                    items = page.items().iterator();
                    pageHeaders = headersOf(response, page, Map.of());
                    return;
                }
                // a later page is checked as the first one was: a Multicloud status.code (or Web Services
                // statusCode) error answered with HTTP 200 has no items, and read as an empty page it would end the
                // listing silently, every record after it lost
                Map<String, Object> status = new ResultHeaders();
                bodyStatus(call.spec(), request, response, root, status);
                JsonNode result = call.spec().resultPointer().isEmpty() ? root : root.at(call.spec().resultPointer());
                page = paging.read(result, query);
                items = page.items().iterator();
                pageHeaders = headersOf(response, page, status);
                lastRequest = request;
                lastResponse = response;
                if (page.truncated() && !headers.containsKey(GenesysConstants.PAGING_TRUNCATED)) {
                    truncated(call.spec(), page, headers);
                }
            } catch (IOException e) {
                GenesysApiException ex = GenesysErrors.malformed(request, response, e);
                throw new IllegalStateException(ex.getMessage(), ex);
            } catch (GenesysApiException e) {
                throw new IllegalStateException("Fetching the next page failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "GenesysPageIterator[" + call.spec() + (lastRequest != null ? ", last page " + lastResponse.status() : "")
                   + "]";
        }
    }
}
