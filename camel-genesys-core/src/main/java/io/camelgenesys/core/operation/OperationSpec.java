package io.camelgenesys.core.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.http.GenesysRequest;

/**
 * Everything one Genesys operation is, so that a module adds an operation by adding one row to its operation enum
 * and no endpoint, producer or consumer names it: HTTP method and path template with {@code {name}} variables,
 * request and response models, the query parameters it takes from options or headers (which option a parameter is
 * bound to when the names differ, and whether several values are comma-joined or repeated), paging, idempotency, the rules its body and query must meet, how its body is
 * built ({@link #prepare}), how it is executed ({@link #execution}: one call, batches, a read before the write),
 * where it exists ({@link #only}, {@link #on}) and whether it is used in {@code to()}, {@code from()} or both.
 *
 * <pre>
 * create(OperationSpec.post("/api/v2/externalcontacts/contacts").body(Contact.class).returns(Contact.class)
 *         .rules(ContactsLimits.CONTACT)),
 * scan(OperationSpec.get("/api/v2/externalcontacts/scan/contacts").returns(Contact.class)
 *         .paging(PagingStyle.CURSOR).consumer()),
 * </pre>
 *
 * A spec is built once, when its enum is initialized, and only read afterwards.
 */
public final class OperationSpec {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** The method of a consumer-only row that is a CometD channel, not an HTTP call: never sent by the executor. */
    public static final String COMETD = "COMETD";

    /** The method of a consumer-only row that Genesys calls (a webhook): never sent by the executor. */
    public static final String WEBHOOK = "WEBHOOK";

    /**
     * A path variable or query parameter and where its value comes from: the {@code header} when the message has it,
     * else the endpoint {@code option}. Both are named after the option: {@code contactId} and
     * {@code CamelGenesysContactId}.
     *
     * @param name   the name in the path template or query string
     * @param option the endpoint option it is bound to (the name itself unless {@link #alias} says otherwise)
     * @param header the message header that overrides the option for one message
     * @param path   whether it is a path variable (required) rather than a query parameter
     * @param format how several values of a query parameter are sent ({@link CollectionFormat#csv} for path variables)
     */
    public record Parameter(String name, String option, String header, boolean path, CollectionFormat format) {
    }

    private final String method;
    private final String pathTemplate;
    private final List<String> pathVariables;
    /** The template split at its variables: {@code pathLiterals[i]}, variable i, ..., the last literal. */
    private final String[] pathLiterals;
    private Class<?> requestType;
    private boolean bodyRequired;
    private Class<?> responseType;
    private Class<?> pageModel;
    private String multipartField;
    private String multipartFileName;
    private final Set<Integer> answers = new java.util.TreeSet<>();
    private final List<String> queryParams = new ArrayList<>();
    private final Set<String> multiParams = new HashSet<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Set<String> secretPathVariables = new HashSet<>();
    private List<Parameter> parameters;
    private PagingStyle paging = PagingStyle.NONE;
    private String beyondCap = "use the scan operation to read further";
    private Boolean idempotent;
    private boolean multicloudEnvelope;
    private boolean streamed;
    private String resultPointer = "";
    private String totalPointer;
    private BodyRules bodyRules;
    private final List<QueryRule> queryRules = new ArrayList<>();
    /** Read-only views, made once: the executor reads them per request. */
    private final List<QueryRule> queryRulesView = Collections.unmodifiableList(queryRules);
    private final Set<Integer> answersView = Collections.unmodifiableSet(answers);
    private OperationPreparer preparer;
    private OperationExecution execution = OperationExecution.SINGLE;
    private Set<GenesysPlatform> platforms = EnumSet.allOf(GenesysPlatform.class);
    private final Map<GenesysPlatform, OperationSpec> alternatives = new EnumMap<>(GenesysPlatform.class);
    private boolean consumer;
    private boolean producer = true;

    private OperationSpec(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        List<String> vars = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pathTemplate);
        int end = 0;
        while (m.find()) {
            vars.add(m.group(1));
            literals.add(pathTemplate.substring(end, m.start()));
            end = m.end();
        }
        literals.add(pathTemplate.substring(end));
        this.pathVariables = Collections.unmodifiableList(vars);
        this.pathLiterals = literals.toArray(String[]::new);
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

    /**
     * A consumer-only row that listens on a CometD channel ({@link #method()} is {@link #COMETD}, the path is the
     * channel): {@code from()} only; {@code to()} refuses it when the route is created, and the producer refuses it in
     * the {@code CamelGenesysOperation} header.
     */
    public static OperationSpec cometd(String channel) {
        OperationSpec spec = new OperationSpec(COMETD, channel);
        spec.consumer = true;
        spec.producer = false;
        return spec;
    }

    /**
     * A consumer-only row that Genesys calls: {@code from()} only, and no Genesys connection (the endpoint needs no
     * credentials, only its webhook options); {@code to()} refuses it when the route is created.
     */
    public static OperationSpec webhook() {
        OperationSpec spec = new OperationSpec(WEBHOOK, "");
        spec.consumer = true;
        spec.producer = false;
        return spec;
    }

    // ------------------------------------------------------------------------------------------- request and response

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

    /**
     * Page-number paging: what a refusal to page past Genesys' 1,000-record cap advises (default: the scan operation).
     * A row whose API has no scan says what narrows the listing instead.
     */
    public OperationSpec beyondCap(String advice) {
        this.beyondCap = advice;
        return this;
    }

    /** What to do instead of paging past the 1,000-record cap. */
    public String beyondCap() {
        return beyondCap;
    }

    /**
     * Paged operations: with {@code outputType=model} and without {@code pageAll}, one page is returned as this
     * generic model of the API (UDM's {@code PagedResponse<T>}, its items typed as {@link #returns}) rather than a
     * {@code List} of the items. {@code pageAll} still streams the items.
     */
    public OperationSpec pageModel(Class<?> type) {
        this.pageModel = type;
        return this;
    }

    /**
     * The body is a file sent as {@code multipart/form-data} in one part named {@code field} (e.g. UDM's certificate
     * upload, "field name must be 'file'"), the part's file name taken from the path variable or query parameter
     * {@code fileNameParameter}. The message body is the file: bytes, a String, a File or an InputStream.
     */
    public OperationSpec multipart(String field, String fileNameParameter) {
        this.requestType = byte[].class;
        this.bodyRequired = true;
        this.multipartField = field;
        this.multipartFileName = fileNameParameter;
        return this;
    }

    /**
     * Query parameters taken from the same-named endpoint option or {@code Genesys<Name>} header; several values (a
     * list header, a comma-separated option) are sent as one comma-joined value ({@link CollectionFormat#csv}).
     */
    public OperationSpec query(String... names) {
        Collections.addAll(queryParams, names);
        parameters = null;
        return this;
    }

    /**
     * Query parameters like {@link #query}, whose values are sent as the parameter repeated
     * ({@code expand=a&expand=b}): the API definition's {@code collectionFormat: multi}.
     */
    public OperationSpec queryMulti(String... names) {
        query(names);
        Collections.addAll(multiParams, names);
        return this;
    }

    /**
     * Binds a path variable or query parameter to an option of another name (and so to that option's header), e.g.
     * Web Services' {@code userName} query parameter to the {@code contactUserName} option, which cannot be called
     * {@code userName} beside the {@code username} credential.
     */
    public OperationSpec alias(String parameter, String option) {
        aliases.put(parameter, option);
        parameters = null;
        return this;
    }

    /**
     * A path variable whose value opens something by itself, without a token (a notification channel's id opens the
     * channel's WebSocket): messages and log lines that name the request show its first characters only
     * ({@link io.camelgenesys.core.auth.Secrets#label}).
     */
    public OperationSpec secretPath(String variable) {
        if (!pathVariables.contains(variable)) {
            throw new IllegalArgumentException(variable + " is not a path variable of " + pathTemplate);
        }
        secretPathVariables.add(variable);
        return this;
    }

    /** Whether a path variable is secret (see {@link #secretPath(String)}). */
    public boolean hasSecretPath() {
        return !secretPathVariables.isEmpty();
    }

    /** Whether the path variable is secret (see {@link #secretPath(String)}). */
    public boolean isSecretPath(String variable) {
        return secretPathVariables.contains(variable);
    }

    public OperationSpec paging(PagingStyle style) {
        this.paging = style;
        return this;
    }

    /**
     * A 5xx status that is the operation's answer rather than a fault: the pipeline passes the response on (unretried)
     * for the row's execution to read, e.g. UDM's bulk deletes, whose 500 lists the items not deleted.
     */
    public OperationSpec answers(int status) {
        answers.add(status);
        return this;
    }

    /** The 5xx statuses the row takes as answers (see {@link #answers(int)}). */
    public Set<Integer> answeredStatuses() {
        return answersView;
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

    /**
     * The successful response's body is the result as an {@code InputStream}, read as it arrives and never held whole
     * (downloads); the {@code Content-Type} and the {@code Content-Disposition} file name come as headers.
     */
    public OperationSpec streamed() {
        this.streamed = true;
        return this;
    }

    /** A JSON pointer to the part of the response that is the result, e.g. {@code /data/statistics}. */
    public OperationSpec result(String jsonPointer) {
        this.resultPointer = jsonPointer;
        return this;
    }

    /**
     * A JSON pointer to the total number of matching items in an unpaged list response (e.g. {@code /totalCount}
     * of Web Services), reported as the {@code CamelGenesysTotal} header.
     */
    public OperationSpec total(String jsonPointer) {
        this.totalPointer = jsonPointer;
        return this;
    }

    // ------------------------------------------------------------------------------------------- input rules and hooks

    /** The documented rules of the body (for batch executions: of each item), checked before any request. */
    public OperationSpec rules(BodyRules rules) {
        this.bodyRules = rules;
        return this;
    }

    /** Documented limits on query parameters, checked on the resolved query before any request. */
    public OperationSpec queryRules(QueryRule... rules) {
        Collections.addAll(queryRules, rules);
        return this;
    }

    /**
     * Builds what the message does not give as is, after the path and query are resolved and before the rules are
     * checked: wraps or defaults the body, builds it from options, fills a parameter from another option.
     */
    public OperationSpec prepare(OperationPreparer preparer) {
        this.preparer = preparer;
        return this;
    }

    /** How the operation is carried out; one call by default ({@link OperationExecution#SINGLE}). */
    public OperationSpec execution(OperationExecution execution) {
        this.execution = execution;
        return this;
    }

    // ------------------------------------------------------------------------------------------- platforms and roles

    /** The platforms this spec exists on (all by default); {@link #on} adds another spec for another platform. */
    public OperationSpec only(GenesysPlatform... platforms) {
        this.platforms = platforms.length == 0 ? EnumSet.noneOf(GenesysPlatform.class)
                : EnumSet.copyOf(List.of(platforms));
        return this;
    }

    /** The same operation on another platform, where it has another path, model or rules. */
    public OperationSpec on(GenesysPlatform platform, OperationSpec spec) {
        alternatives.put(platform, spec);
        return this;
    }

    /**
     * The row can be consumed: {@code from()} runs it on the endpoint's consumer (a scan on a schedule for polling
     * components). It stays usable in {@code to()}.
     */
    public OperationSpec consumer() {
        this.consumer = true;
        return this;
    }

    /**
     * The row is only consumed ({@code from()}), never sent from {@code to()}: a poll that does more than one call per
     * record, such as UDM's new-file consumer (list, then download each file once).
     */
    public OperationSpec consumerOnly() {
        this.consumer = true;
        this.producer = false;
        return this;
    }

    // ------------------------------------------------------------------------------------------- accessors

    /** This operation on a platform: this spec, the one given with {@link #on}, or {@code null} where it is missing. */
    public OperationSpec forPlatform(GenesysPlatform platform) {
        OperationSpec alternative = alternatives.get(platform);
        if (alternative != null) {
            return alternative;
        }
        return platforms.contains(platform) ? this : null;
    }

    /** The platforms where this operation exists, with this spec or another. */
    public Set<GenesysPlatform> platforms() {
        Set<GenesysPlatform> all = EnumSet.noneOf(GenesysPlatform.class);
        all.addAll(platforms);
        all.addAll(alternatives.keySet());
        return all;
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

    /**
     * The path with each variable replaced by its value, in the order of {@link #pathVariables()}; the values are put
     * in as they are (encode them first). Built from the template split once, not searched and replaced per request.
     */
    public String expandPath(String[] values) {
        return expand("", values);
    }

    /**
     * {@code baseUrl} and the path of {@link #expandPath}, joined in one piece: the URL of a request without a query,
     * no path string made on the way.
     */
    public String expandUrl(String baseUrl, String[] values) {
        return expand(baseUrl, values);
    }

    private String expand(String prefix, String[] values) {
        if (values.length != pathVariables.size()) {
            throw new IllegalArgumentException(this + " has " + pathVariables.size() + " path variables, not "
                                               + values.length);
        }
        String[] lit = pathLiterals;
        switch (values.length) {
            case 0:
                return prefix.isEmpty() ? lit[0] : prefix + lit[0];
            case 1:
                return prefix + lit[0] + values[0] + lit[1];
            case 2:
                return prefix + lit[0] + values[0] + lit[1] + values[1] + lit[2];
            default:
                StringBuilder sb = new StringBuilder(prefix.length() + pathTemplate.length() + 40 * values.length);
                sb.append(prefix);
                for (int i = 0; i < values.length; i++) {
                    sb.append(lit[i]).append(values[i]);
                }
                return sb.append(lit[values.length]).toString();
        }
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

    /** The generic page model of a paged operation (see {@link #pageModel(Class)}), or {@code null}. */
    public Class<?> pageModel() {
        return pageModel;
    }

    /** The multipart field the body is sent in (see {@link #multipart}), or {@code null} for a JSON body. */
    public String multipartField() {
        return multipartField;
    }

    /** The parameter whose value names the multipart file, or {@code null}. */
    public String multipartFileName() {
        return multipartFileName;
    }

    public List<String> queryParams() {
        return Collections.unmodifiableList(queryParams);
    }

    /** How several values of a query parameter are sent: {@link CollectionFormat#multi} when declared so, else csv. */
    public CollectionFormat collectionFormat(String queryParam) {
        return multiParams.contains(queryParam) ? CollectionFormat.multi : CollectionFormat.csv;
    }

    /** The path variables, then the query parameters, each with the option and header it is read from. */
    public List<Parameter> parameters() {
        List<Parameter> p = parameters;
        if (p == null) {
            List<Parameter> list = new ArrayList<>(pathVariables.size() + queryParams.size());
            for (String v : pathVariables) {
                list.add(parameter(v, true));
            }
            for (String q : queryParams) {
                list.add(parameter(q, false));
            }
            p = List.copyOf(list);
            parameters = p;
        }
        return p;
    }

    /** The parameter of that name, or {@code null}. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private Parameter parameter(String name, boolean path) {
        String option = aliases.getOrDefault(name, name);
        return new Parameter(name, option, headerName(option), path, path ? CollectionFormat.csv
                : collectionFormat(name));
    }

    /**
     * The prefix of every camel-genesys header. It starts with {@code Camel} so that Camel's HTTP, JMS, Kafka and mail
     * components keep the headers out of what they receive and send (their header filter strategies drop
     * {@code Camel*} names): a caller of a route's HTTP endpoint cannot set the operation or an id.
     */
    public static final String HEADER_PREFIX = "CamelGenesys";

    /** {@value #HEADER_PREFIX} and the capitalized option name: the header that overrides an option for one message. */
    public static String headerName(String option) {
        return HEADER_PREFIX + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    /** The option that a {@link #headerName(String) header} overrides. */
    public static String optionName(String headerName) {
        int start = HEADER_PREFIX.length();
        return Character.toLowerCase(headerName.charAt(start)) + headerName.substring(start + 1);
    }

    public PagingStyle paging() {
        return paging;
    }

    public boolean idempotent() {
        return idempotent != null ? idempotent : GenesysRequest.isIdempotentMethod(method);
    }

    public boolean multicloudEnvelope() {
        return multicloudEnvelope;
    }

    public boolean isStreamed() {
        return streamed;
    }

    public String resultPointer() {
        return resultPointer;
    }

    /** The rules of the body (of each item for batch executions), or {@code null}. */
    public BodyRules bodyRules() {
        return bodyRules;
    }

    public List<QueryRule> queryRules() {
        return queryRulesView;
    }

    /** The hook that builds the body or parameters, or {@code null}. */
    public OperationPreparer preparer() {
        return preparer;
    }

    public OperationExecution execution() {
        return execution;
    }

    /** Whether {@code from()} may use this row. */
    public boolean consumable() {
        return consumer;
    }

    /** Whether the row calls Genesys (every row but a webhook, which Genesys calls): its endpoint needs a connection. */
    public boolean needsConnection() {
        return !WEBHOOK.equals(method);
    }

    /** Whether {@code to()} may use this row; {@code false} for consumer-only rows such as a CometD subscription. */
    public boolean producible() {
        return producer;
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
