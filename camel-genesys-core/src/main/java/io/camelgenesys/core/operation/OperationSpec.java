package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Genesys operation is: HTTP method, path template with {@code {name}} variables, request and response
 * model, query parameters it takes from options or headers, paging style, idempotency, and whether the response
 * is a Multicloud envelope ({@code {"status":{..},"data":{..}}}).
 *
 * <pre>
 * create(OperationSpec.post("/api/v2/externalcontacts/contacts").body(Contact.class).returns(Contact.class)),
 * search(OperationSpec.get("/api/v2/externalcontacts/contacts").returns(Contact.class)
 *         .query("q", "sortOrder").paging(PagingStyle.PAGE_NUMBER)),
 * </pre>
 */
public final class OperationSpec {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final String method;
    private final String pathTemplate;
    private final List<String> pathVariables;
    private Class<?> requestType;
    private boolean bodyRequired;
    private Class<?> responseType;
    private final List<String> queryParams = new ArrayList<>();
    private PagingStyle paging = PagingStyle.NONE;
    private Boolean idempotent;
    private boolean multicloudEnvelope;
    private String resultPointer = "";
    private String totalPointer;

    private OperationSpec(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        List<String> vars = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pathTemplate);
        while (m.find()) {
            vars.add(m.group(1));
        }
        this.pathVariables = Collections.unmodifiableList(vars);
    }

    public static OperationSpec get(String path) {
        return new OperationSpec("GET", path);
    }

    public static OperationSpec post(String path) {
        return new OperationSpec("POST", path);
    }

    public static OperationSpec put(String path) {
        return new OperationSpec("PUT", path);
    }

    public static OperationSpec patch(String path) {
        return new OperationSpec("PATCH", path);
    }

    public static OperationSpec delete(String path) {
        return new OperationSpec("DELETE", path);
    }

    /** The operation sends the message body, converted to JSON, validated against this type's rules. */
    public OperationSpec body(Class<?> type) {
        this.requestType = type;
        this.bodyRequired = true;
        return this;
    }

    /** Like {@link #body} but a missing body sends no content. */
    public OperationSpec optionalBody(Class<?> type) {
        this.requestType = type;
        this.bodyRequired = false;
        return this;
    }

    /** The model of the response (for paged operations: of one item). */
    public OperationSpec returns(Class<?> type) {
        this.responseType = type;
        return this;
    }

    /** Query parameters taken from the same-named endpoint option or {@code Genesys<Name>} header. */
    public OperationSpec query(String... names) {
        Collections.addAll(queryParams, names);
        return this;
    }

    public OperationSpec paging(PagingStyle style) {
        this.paging = style;
        return this;
    }

    /** Overrides the method's idempotency: e.g. a POST that only reads is safe to retry after a 5xx. */
    public OperationSpec idempotent(boolean value) {
        this.idempotent = value;
        return this;
    }

    /**
     * The response is a Multicloud envelope: {@code status.code} 0/1/2 go to headers, other codes fail, and the
     * body is {@code data} (or the node at {@link #result(String)}).
     */
    public OperationSpec multicloud() {
        this.multicloudEnvelope = true;
        this.resultPointer = "/data";
        return this;
    }

    /** A JSON pointer to the part of the response that is the result, e.g. {@code /data/statistics}. */
    public OperationSpec result(String jsonPointer) {
        this.resultPointer = jsonPointer;
        return this;
    }

    /**
     * A JSON pointer to the total number of matching items in an unpaged list response (e.g. {@code /totalCount}
     * of Web Services), reported as the {@code GenesysTotal} header.
     */
    public OperationSpec total(String jsonPointer) {
        this.totalPointer = jsonPointer;
        return this;
    }

    public String totalPointer() {
        return totalPointer;
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    public List<String> pathVariables() {
        return pathVariables;
    }

    public Class<?> requestType() {
        return requestType;
    }

    public boolean hasBody() {
        return requestType != null;
    }

    public boolean bodyRequired() {
        return bodyRequired;
    }

    public Class<?> responseType() {
        return responseType;
    }

    public List<String> queryParams() {
        return Collections.unmodifiableList(queryParams);
    }

    public PagingStyle paging() {
        return paging;
    }

    public boolean idempotent() {
        return idempotent != null ? idempotent : io.camelgenesys.core.http.GenesysRequest.isIdempotentMethod(method);
    }

    public boolean multicloudEnvelope() {
        return multicloudEnvelope;
    }

    public String resultPointer() {
        return resultPointer;
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
