package io.camelgenesys.core;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import io.camelgenesys.core.http.GenesysConnection;
import io.camelgenesys.core.http.GenesysConnections;
import io.camelgenesys.core.http.RetryPolicy;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.Paging;
import io.camelgenesys.core.operation.PagingStyle;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.PluginHelper;

/**
 * Base of every camel-genesys endpoint: the shared {@link GenesysConfiguration}, the shared connection (acquired on
 * start, released on stop), and the resolution of an exchange into an {@link OperationCall} for the one generic
 * {@link GenesysProducer}.
 * <p>
 * A path variable or query parameter {@code name} of an operation comes from the {@code Genesys<Name>} header when
 * set, else from the endpoint option of the same name. Subclasses add the {@code @UriPath} operation, their options,
 * and body validation in {@link #prepareBody}.
 *
 * @param <O> the component's operation enum
 */
public abstract class GenesysEndpoint<O extends Enum<O> & GenesysOperation> extends DefaultEndpoint {

    @UriParam
    private GenesysConfiguration configuration;

    private final Class<O> operationType;
    private final Object connectLock = new Object();
    private volatile GenesysConnection connection;
    private volatile GenesysOperationExecutor executor;
    private RetryPolicy retryPolicy;
    private PropertyConfigurerGetter optionGetter;
    private final java.util.Map<String, java.util.Optional<java.lang.reflect.Method>> getters
            = new java.util.concurrent.ConcurrentHashMap<>();

    protected GenesysEndpoint(String uri, Component component, GenesysConfiguration configuration, Class<O> operationType) {
        super(uri, component);
        this.configuration = configuration;
        this.operationType = operationType;
    }

    /** The operation of this endpoint (its {@code @UriPath}). */
    public abstract O getOperation();

    public GenesysConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(GenesysConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The shared connection; acquired by the first producer or consumer that starts (see {@link #connect()}). */
    public GenesysConnection getConnection() {
        connect();
        return connection;
    }

    public GenesysOperationExecutor getExecutor() {
        connect();
        return executor;
    }

    /**
     * Acquires the shared connection on first use, when a producer or consumer of this endpoint starts, not when the
     * endpoint starts: Camel starts the endpoints of routes that are not started too, and those need no credentials
     * and should open nothing. Does nothing once connected, or while the endpoint is not started.
     */
    protected void connect() {
        if (executor != null || !(isStarting() || isStarted())) {
            return;
        }
        synchronized (connectLock) {
            if (executor == null) {
                GenesysConnection c;
                try {
                    c = GenesysConnections.of(getCamelContext()).acquire(configuration);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new org.apache.camel.RuntimeCamelException(e);
                }
                connection = c;
                executor = new GenesysOperationExecutor(c);
            }
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        if (getOperation() == null) {
            throw new IllegalArgumentException("The operation is required: "
                                               + org.apache.camel.util.URISupport.sanitizeUri(getEndpointUri()));
        }
        return new GenesysProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("Operation " + getOperation() + " of " + getEndpointBaseUri()
                                                + " has no consumer; use it in to()");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // fail at endpoint creation on a missing base URL, unknown region or missing credentials
        configuration.apiBaseUrl();
        configuration.authBaseUrl();
        if (configuration.getRateLimit() < 0 || configuration.getRateLimit() > 100_000) {
            throw new IllegalArgumentException("rateLimit must be between 0 (off) and 100000 requests per rateLimitPeriod,"
                                               + " was " + configuration.getRateLimit());
        }
        if (configuration.getRateLimitPeriod() <= 0) {
            throw new IllegalArgumentException("rateLimitPeriod must be more than 0 milliseconds, was "
                                               + configuration.getRateLimitPeriod());
        }
        checkPlatform(configuration.getPlatform(), getOperation());
        retryPolicy = RetryPolicy.of(configuration);
        // the generated configurer is registered by scheme ("genesys-contacts-endpoint"), which the component
        // resolves; a hand-written one (tests, benchmarks) may be registered by the endpoint class name
        PropertyConfigurer configurer = getComponent().getEndpointPropertyConfigurer();
        if (!(configurer instanceof PropertyConfigurerGetter)) {
            configurer = PluginHelper.getConfigurerResolver(getCamelContext())
                    .resolvePropertyConfigurer(getClass().getName(), getCamelContext());
        }
        optionGetter = configurer instanceof PropertyConfigurerGetter g ? g : null;
    }

    /**
     * Fails when the operation does not exist on the platform ({@link GenesysOperation#spec(GenesysPlatform)} is
     * {@code null}), with a message that names the platform, the operation and the operations it does have.
     */
    protected void checkPlatform(GenesysPlatform platform, O operation) {
        if (operation != null && operation.spec(platform) == null) {
            String scheme = getEndpointBaseUri().split(":")[0];
            String available = java.util.Arrays.stream(operationType.getEnumConstants())
                    .filter(o -> o.spec(platform) != null).map(Enum::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Operation " + operation.name() + " is not available on platform "
                                               + platform + "; " + (available.isEmpty()
                                                       ? scheme + " has no operations on " + platform
                                                       : scheme + " operations on " + platform + " are: " + available));
        }
    }

    @Override
    protected void doStop() throws Exception {
        GenesysConnection c;
        synchronized (connectLock) {
            c = connection;
            connection = null;
            executor = null;
        }
        if (c != null) {
            GenesysConnections.of(getCamelContext()).release(c);
        }
        super.doStop();
    }

    /** The operation for this message: the {@code GenesysOperation} header, else the endpoint's. */
    public O resolveOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(GenesysConstants.OPERATION);
        if (header == null) {
            return getOperation();
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
                                           + "; " + getComponent().getClass().getSimpleName() + " operations are: "
                                           + java.util.Arrays.stream(operationType.getEnumConstants()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }

    /** Resolves everything one exchange needs for its operation; fails, before any request, on bad input. */
    public OperationCall createCall(O operation, Exchange exchange) {
        checkPlatform(configuration.getPlatform(), operation);
        OperationSpec spec = operation.spec(configuration.getPlatform());
        Message in = exchange.getMessage();
        OperationCall call = new OperationCall(spec)
                .outputType(configuration.getOutputType())
                .retryPolicy(retryPolicy)
                .pageAll(configuration.isPageAll());
        for (String var : spec.pathVariables()) {
            Object v = parameter(in, var);
            call.pathParam(var, v == null ? null : v.toString());
        }
        for (String q : spec.queryParams()) {
            call.query(q, queryValue(parameter(in, q)));
        }
        addPaging(spec, in, call);
        if (spec.hasBody()) {
            call.body(prepareBody(operation, in));
        }
        return call;
    }

    private void addPaging(OperationSpec spec, Message in, OperationCall call) {
        if (spec.paging() == PagingStyle.NONE) {
            return;
        }
        Integer size = in.getHeader(GenesysConstants.PAGE_SIZE, configuration.getPageSize(), Integer.class);
        Paging paging = Paging.of(spec.paging());
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
                                                   + "; use the scan operation to read further");
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
            return a.length == 0 ? null : java.util.Arrays.stream(a).map(String::valueOf).collect(Collectors.joining(","));
        }
        return v;
    }

    /**
     * A path variable or query parameter: the {@code Genesys<Name>} header, else the endpoint option of that name.
     */
    protected Object parameter(Message in, String name) {
        Object header = in.getHeader("Genesys" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        if (header != null) {
            return header;
        }
        return option(name);
    }

    /** The value of an endpoint option, read through the generated configurer (no reflection when it exists). */
    protected Object option(String name) {
        if (optionGetter != null) {
            return optionGetter.getOptionValue(this, name, true);
        }
        // no configurer at all: the option's getter, looked up once per name (Camel's bean introspection is slower
        // and not meant for a per-request path)
        java.lang.reflect.Method getter = getters.computeIfAbsent(name.toLowerCase(Locale.ROOT), this::findGetter)
                .orElse(null);
        try {
            return getter == null ? null : getter.invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read option " + name + " of " + this, e);
        }
    }

    private java.util.Optional<java.lang.reflect.Method> findGetter(String lowerCaseName) {
        for (java.lang.reflect.Method m : getClass().getMethods()) {
            String n = m.getName().toLowerCase(Locale.ROOT);
            if (m.getParameterCount() == 0 && (n.equals("get" + lowerCaseName) || n.equals("is" + lowerCaseName))) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Checks and converts the message body before any request. The default sends it as it is (POJO, Map, JsonNode,
     * JSON String or InputStream); components validate Genesys' documented rules here and throw
     * {@link IllegalArgumentException} naming the field and the rule.
     */
    protected Object prepareBody(O operation, Object body) {
        return body;
    }

    /**
     * Like {@link #prepareBody(Enum, Object)}, for components whose body preparation also reads headers (e.g. an
     * identifier value). The default passes the message body to {@link #prepareBody(Enum, Object)}.
     */
    protected Object prepareBody(O operation, Message in) {
        return prepareBody(operation, in.getBody());
    }

    @Override
    public String toString() {
        // the URI is sanitized by Camel (secret options masked); the configuration's toString omits credentials
        return getClass().getSimpleName() + "[" + getEndpointBaseUri() + "]";
    }
}
