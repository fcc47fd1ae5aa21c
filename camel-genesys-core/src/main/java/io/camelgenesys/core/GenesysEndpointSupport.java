package io.camelgenesys.core;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.WorkerPool;
import io.camelgenesys.core.http.GenesysConnections;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.BodyRules;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.Paging;
import io.camelgenesys.core.operation.PagingStyle;
import io.camelgenesys.core.operation.QueryRule;
import io.camelgenesys.core.webhook.GenesysWebhookEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * The behaviour every camel-genesys endpoint shares, whatever Camel base class it extends: the checks of its
 * configuration and operation row when it is created, the shared connection (acquired when a producer or consumer
 * starts, released when the endpoint stops), the resolution of an exchange into an {@link OperationCall}, and the run
 * of the row's {@link io.camelgenesys.core.operation.OperationExecution} for the one {@link GenesysProducer}.
 * <p>
 * A path variable or query parameter comes from its {@code CamelGenesys<Option>} header when set, else from the endpoint
 * option it is bound to (see {@link OperationSpec.Parameter}). Options are read through the component's generated
 * configurer: a plain {@code switch}, never reflection.
 *
 * @param <O> the component's operation enum
 */
public final class GenesysEndpointSupport<O extends Enum<O> & GenesysOperation> {

    private final DefaultEndpoint endpoint;
    private final GenesysEndpoint genesys;
    private final Class<O> operationType;
    private final Object connectLock = new Object();
    private volatile GenesysConnection connection;
    private volatile GenesysOperationExecutor executor;
    private volatile WorkerPool workers;
    private RetryPolicy retryPolicy;
    private PropertyConfigurerGetter options;
    private String scheme;

    <E extends DefaultEndpoint & GenesysEndpoint> GenesysEndpointSupport(E endpoint, Class<O> operationType) {
        this.endpoint = endpoint;
        this.genesys = endpoint;
        this.operationType = operationType;
    }

    /** The endpoint's configuration. */
    public GenesysConfiguration configuration() {
        return genesys.getConfiguration();
    }

    @SuppressWarnings("unchecked")
    private O operation() {
        return (O) genesys.getOperation();
    }

    /**
     * The endpoint itself when its row is a webhook (Genesys calls it, {@link OperationSpec#needsConnection()} is
     * false): it is served here, not at Genesys, so its service location is its own path. Derived from the row, so no
     * component names its webhook operation.
     */
    private GenesysWebhookEndpoint servedHere() {
        O op = operation();
        OperationSpec spec = op == null ? null : op.spec(configuration().getPlatform());
        return spec != null && !spec.needsConnection() && endpoint instanceof GenesysWebhookEndpoint webhook
                ? webhook : null;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /**
     * When the endpoint is created: fails on a bad configuration, an operation the platform lacks, or a row bound to
     * an option the component does not have.
     */
    void init() {
        scheme = endpoint.getEndpointBaseUri().split(":")[0];
        O op = operation();
        if (op == null || op.spec(configuration().getPlatform()) == null
            || op.spec(configuration().getPlatform()).needsConnection()) {
            // a webhook row needs no credentials: Genesys calls it (its consumer checks its own options)
            configuration().validate();
        }
        retryPolicy = RetryPolicy.of(configuration());
        // the generated configurer, which the component resolves by its name ("genesys-contacts-endpoint") when it is
        // built; a component added with addComponent before the context started may not be built yet
        PropertyConfigurer configurer = endpoint.getComponent().getEndpointPropertyConfigurer();
        if (!(configurer instanceof PropertyConfigurerGetter)) {
            Component annotation = ObjectHelper.getAnnotation(endpoint.getComponent(), Component.class);
            String name = annotation != null ? StringHelper.before(annotation.value() + ",", ",") : scheme;
            configurer = PluginHelper.getConfigurerResolver(endpoint.getCamelContext())
                    .resolvePropertyConfigurer(name + "-endpoint", endpoint.getCamelContext());
        }
        if (!(configurer instanceof PropertyConfigurerGetter getter)) {
            throw new IllegalStateException(scheme + " has no generated endpoint configurer: build the component with"
                                            + " camel-component-maven-plugin (options are read through it, never by"
                                            + " reflection)");
        }
        options = getter;
        O operation = operation();
        if (operation != null) {
            checkPlatform(operation);
            checkPagingOptions(operation);
        }
        checkRowsBindToOptions();
    }

    /**
     * A paging option in the URI of an operation that does not page would be ignored without a word, so it fails
     * here, naming the option. Only the URI's own values count (those that differ from the component's): a paging
     * default set once at component level must not break the endpoints of operations that do not page.
     */
    private void checkPagingOptions(O operation) {
        OperationSpec spec = operation.spec(configuration().getPlatform());
        if (spec == null || spec.paging() != PagingStyle.NONE
            || !(endpoint.getComponent() instanceof GenesysComponent component)) {
            return;
        }
        GenesysConfiguration mine = configuration();
        GenesysConfiguration defaults = component.getConfiguration();
        Map<String, Boolean> set = new LinkedHashMap<>();
        set.put("pageSize", !Objects.equals(mine.getPageSize(), defaults.getPageSize()));
        set.put("pageNumber", !Objects.equals(mine.getPageNumber(), defaults.getPageNumber()));
        set.put("cursor", !Objects.equals(mine.getCursor(), defaults.getCursor()));
        set.put("pageAll", mine.isPageAll() != defaults.isPageAll());
        Set<String> ownParameters = spec.parameters().stream().map(OperationSpec.Parameter::option)
                .collect(Collectors.toSet());
        List<String> ignored = set.entrySet().stream().filter(e -> e.getValue() && !ownParameters.contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
        if (!ignored.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", ignored) + ": " + scheme + ":" + operation.name()
                                               + " is not paged (it answers all its results at once); remove "
                                               + (ignored.size() == 1 ? "it" : "them") + " from the URI");
        }
    }

    /** Every parameter of every row on this platform is bound to an option the component has. */
    private void checkRowsBindToOptions() {
        GenesysPlatform platform = configuration().getPlatform();
        for (O o : operationType.getEnumConstants()) {
            OperationSpec spec = o.spec(platform);
            if (spec == null) {
                continue;
            }
            for (OperationSpec.Parameter p : spec.parameters()) {
                if (options.getOptionType(p.option(), false) == null) {
                    throw new IllegalStateException(scheme + ":" + o.name() + " takes " + p.name() + " from the option "
                                                    + p.option() + ", which " + scheme + " does not have");
                }
            }
        }
    }

    /**
     * Acquires the shared connection on first use, when a producer or consumer of this endpoint starts, not when the
     * endpoint starts: Camel starts the endpoints of routes that are not started too, and those need no credentials
     * and should open nothing. Does nothing once connected, or while the endpoint is not started.
     */
    public void connect() {
        if (executor != null || !(endpoint.isStarting() || endpoint.isStarted())) {
            return;
        }
        synchronized (connectLock) {
            if (executor == null) {
                GenesysConnection c;
                try {
                    c = GenesysConnections.of(endpoint.getCamelContext()).acquire(configuration());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new RuntimeCamelException(e);
                }
                connection = c;
                workers = c.workerPool(configuration().getWorkerPool());
                executor = new GenesysOperationExecutor(c);
            }
        }
    }

    void stop() {
        GenesysConnection c;
        synchronized (connectLock) {
            c = connection;
            connection = null;
            executor = null;
            workers = null;
        }
        if (c != null) {
            GenesysConnections.of(endpoint.getCamelContext()).release(c);
        }
    }

    /** The shared connection (acquired now if a producer or consumer is starting). */
    public GenesysConnection connection() {
        connect();
        return connection;
    }

    /** Where routes continue after a call of this endpoint: its {@code workerPool}, else its connection's pool. */
    public WorkerPool workers() {
        connect();
        return workers;
    }

    public GenesysOperationExecutor executor() {
        connect();
        return executor;
    }

    // ------------------------------------------------------------------------------------------ roles

    /** {@code to()}: fails when the route is created for a row that is consumer-only. */
    void checkProducible() {
        O operation = operation();
        if (operation == null) {
            throw new IllegalArgumentException("The operation is required: " + sanitizedUri());
        }
        OperationSpec spec = spec(operation);
        if (!spec.producible()) {
            throw new IllegalArgumentException(consumerOnly(operation));
        }
    }

    /** {@code from()}: fails when the route is created for a row that has no consumer. */
    void checkConsumable() {
        O operation = operation();
        if (operation == null) {
            throw new IllegalArgumentException("The operation is required: " + sanitizedUri());
        }
        if (!spec(operation).consumable()) {
            throw new IllegalArgumentException(scheme + ":" + operation.name() + " cannot be consumed (it has no"
                                               + " consumer): use it in to(); from() takes "
                                               + names(s -> s.consumable()));
        }
    }

    private String consumerOnly(O operation) {
        return scheme + ":" + operation.name() + " is a consumer: use it in from(); the producer operations are "
               + names(OperationSpec::producible);
    }

    private String names(Predicate<OperationSpec> filter) {
        GenesysPlatform platform = configuration().getPlatform();
        return Arrays.stream(operationType.getEnumConstants())
                .filter(o -> o.spec(platform) != null && filter.test(o.spec(platform)))
                .map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Fails when the operation does not exist on the platform, with a message that names the platform, the operation,
     * the operations the platform has and where this one exists.
     */
    void checkPlatform(O operation) {
        GenesysPlatform platform = configuration().getPlatform();
        if (operation.spec(platform) != null) {
            return;
        }
        String available = names(s -> true);
        String elsewhere = operation.spec().platforms().stream().map(Enum::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Operation " + operation.name() + " is not available on platform " + platform
                                           + "; " + (available.isEmpty()
                                                   ? scheme + " has no operations on " + platform
                                                   : scheme + " operations on " + platform + " are: " + available)
                                           + "; " + scheme + ":" + operation.name() + " exists on platform "
                                           + elsewhere);
    }

    /** The spec of an operation on the endpoint's platform; fails when the platform lacks it. */
    public OperationSpec spec(O operation) {
        OperationSpec spec = operation.spec(configuration().getPlatform());
        if (spec == null) {
            checkPlatform(operation);
        }
        return spec;
    }

    // ------------------------------------------------------------------------------------------ exchanges

    /** The producer's work: the exchange's operation row, run with its execution. */
    CompletableFuture<OperationResult> execute(Exchange exchange) {
        O operation = resolveOperation(exchange);
        OperationSpec spec = spec(operation);
        if (!spec.producible()) {
            throw new IllegalArgumentException(consumerOnly(operation));
        }
        return spec.execution().execute(new OperationContext(this, operation, spec, exchange));
    }

    /** A context for the endpoint's own operation on an exchange (the poll consumer's). */
    public OperationContext context(Exchange exchange) {
        O operation = operation();
        return new OperationContext(this, operation, spec(operation), exchange);
    }

    /** The operation for this message: the {@code CamelGenesysOperation} header, else the endpoint's. */
    public O resolveOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(GenesysConstants.OPERATION);
        if (header == null) {
            return operation();
        }
        if (operationType.isInstance(header)) {
            return operationType.cast(header);
        }
        String name = header.toString();
        for (O o : operationType.getEnumConstants()) {
            if (o.name().equalsIgnoreCase(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + name + "' in header " + GenesysConstants.OPERATION
                                           + "; " + scheme + " operations are: "
                                           + Arrays.stream(operationType.getEnumConstants()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }

    /**
     * Resolves everything one exchange needs for its operation: path variables and query parameters (header, else
     * option), paging, the message body, the row's preparer, then the row's query and body rules. Fails, before any
     * request, on bad input.
     */
    public OperationCall resolveCall(OperationContext context) {
        OperationSpec spec = context.spec();
        Message in = context.message();
        GenesysConfiguration configuration = configuration();
        OperationCall call = bareCall(spec).pageAll(configuration.isPageAll()).operation(context.operationName());
        List<OperationSpec.Parameter> parameters = spec.parameters();
        // indexed loops: no iterator per exchange (most rows have one parameter or none)
        for (int i = 0; i < parameters.size(); i++) {
            OperationSpec.Parameter p = parameters.get(i);
            Object v = in.getHeader(p.header());
            if (v == null) {
                v = option(p.option());
            }
            if (p.path()) {
                call.pathParam(p.name(), v == null ? null : v.toString());
            } else {
                call.query(p.name(), queryValue(v));
            }
        }
        addPaging(spec, in, call);
        boolean messageBody = spec.hasBody() && spec.execution().sendsMessageBody();
        if (messageBody) {
            call.body(spec.multipartField() != null ? fileBody(in) : in.getBody());
        }
        if (spec.preparer() != null) {
            spec.preparer().prepare(call, context);
        }
        for (int i = 0; i < parameters.size(); i++) {
            OperationSpec.Parameter p = parameters.get(i);
            String v = p.path() ? call.pathParam(p.name()) : null;
            if (p.path() && (v == null || v.isBlank())) {
                throw new IllegalArgumentException("The " + p.name() + " is required for " + spec + ": set the "
                                                   + p.option() + " option or the " + p.header() + " header");
            }
        }
        List<QueryRule> rules = spec.queryRules();
        if (!rules.isEmpty()) {
            for (QueryRule rule : rules) {
                rule.check(context.operationName(), call.query(), spec.parameter(rule.param()));
            }
        }
        if (messageBody) {
            checkBody(context.operationName(), spec, call);
        }
        return call;
    }

    /** A file to upload as it is: bytes or text unchanged, anything else (File, InputStream) read by Camel's converters. */
    private static Object fileBody(Message in) {
        Object body = in.getBody();
        if (body == null || body instanceof byte[] || body instanceof String) {
            return body;
        }
        byte[] bytes = in.getBody(byte[].class);
        return bytes != null ? bytes : body;
    }

    /** A call of a spec with the endpoint's output form and retry policy, nothing resolved from a message. */
    public OperationCall bareCall(OperationSpec spec) {
        return new OperationCall(spec).outputType(configuration().getOutputType()).retryPolicy(retryPolicy);
    }

    private static void checkBody(String operation, OperationSpec spec, OperationCall call) {
        Object body = call.body();
        if (body == null) {
            if (spec.bodyRequired()) {
                throw new IllegalArgumentException(operation + " needs a message body: a "
                                                   + spec.requestType().getSimpleName() + ", a Map or JSON");
            }
            return;
        }
        BodyRules rules = spec.bodyRules();
        if (rules != null) {
            // the tree that is checked is the one sent: the body is converted once
            JsonNode tree = body instanceof JsonNode node ? node : GenesysJson.toTree(body);
            rules.validate(operation, tree);
            call.body(tree);
        }
    }

    private void addPaging(OperationSpec spec, Message in, OperationCall call) {
        if (spec.paging() == PagingStyle.NONE) {
            return;
        }
        GenesysConfiguration configuration = configuration();
        Integer size = in.getHeader(GenesysConstants.PAGE_SIZE, configuration.getPageSize(), Integer.class);
        Paging paging = Paging.of(spec.paging());
        if (size == null) {
            size = paging.defaultPageSize();
        }
        call.query(paging.pageSizeParam(), size);
        if (spec.paging() == PagingStyle.PAGE_NUMBER) {
            Integer number = in.getHeader(GenesysConstants.PAGE_NUMBER, configuration.getPageNumber(), Integer.class);
            int n = number != null ? number : 1;
            int s = size != null ? size : 25;
            if (n < 1) {
                throw new IllegalArgumentException("pageNumber must be 1 or more, was " + n);
            }
            if ((long) n * s > Paging.PAGE_NUMBER_CAP) {
                throw new IllegalArgumentException("pageNumber x pageSize must be <= 1,000 (Genesys page-number paging"
                                                   + " stops at 1,000 records), was " + n + " x " + s
                                                   + "; " + spec.beyondCap());
            }
            call.query("pageNumber", number);
        } else if (spec.paging() == PagingStyle.CURSOR) {
            call.query("cursor", in.getHeader(GenesysConstants.CURSOR, configuration.getCursor(), String.class));
        }
    }

    private static Object queryValue(Object v) {
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? null : c.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (v instanceof Object[] a) {
            return a.length == 0 ? null : Arrays.stream(a).map(String::valueOf).collect(Collectors.joining(","));
        }
        return v;
    }

    /** The value of an endpoint option, read through the generated configurer (exact name, no reflection). */
    public Object option(String name) {
        return options.getOptionValue(endpoint, name, false);
    }

    // ------------------------------------------------------------------------------------------ service location

    /** The Genesys API base URL this endpoint talks to; for a webhook row, the path it listens on. */
    String serviceUrl() {
        GenesysWebhookEndpoint webhook = servedHere();
        return webhook != null ? webhook.resolveWebhookPath() : configuration().apiBaseUrl();
    }

    String serviceProtocol() {
        if (servedHere() != null) {
            return "http";
        }
        String url = serviceUrl();
        return url.regionMatches(true, 0, "http://", 0, 7) ? "http" : "https";
    }

    /**
     * Where and as whom, never a secret: platform, host, region, the client id or user name, the grant; for a webhook
     * row, which webhook (the component's title).
     */
    Map<String, String> serviceMetadata() {
        if (servedHere() != null) {
            UriEndpoint annotation = endpoint.getClass().getAnnotation(UriEndpoint.class);
            return Map.of("webhook", annotation != null ? annotation.title() : scheme);
        }
        GenesysConfiguration c = configuration();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("platform", c.getPlatform().name());
        try {
            m.put("host", URI.create(serviceUrl()).getHost());
        } catch (IllegalArgumentException e) {
            // a malformed baseUrl fails the endpoint elsewhere; the map simply has no host
        }
        if (c.getPlatform() == GenesysPlatform.cloud && (c.getBaseUrl() == null || c.getBaseUrl().isBlank())) {
            m.put("region", c.getRegion());
        }
        if (c.getAccessToken() == null) {
            if (c.getClientId() != null) {
                m.put("clientId", c.getClientId());
            }
            if (c.getUsername() != null) {
                m.put("username", c.getUsername());
            }
            if (c.getPlatform() != GenesysPlatform.webServices) {
                m.put("grantType", c.effectiveGrantType().name());
            }
        }
        return m;
    }

    /** The endpoint URI with secret options masked, for messages. */
    public String sanitizedUri() {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    String describe() {
        // the base URI has no query, so no option (and no secret) in it
        return endpoint.getClass().getSimpleName() + "[" + endpoint.getEndpointBaseUri() + "]";
    }
}
