package io.camelgenesys.core;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every camel-genesys endpoint shares: the platform, where it is, the credentials, and the HTTP,
 * retry, rate-limit, paging and output behaviour. Each component has its own {@code @UriParams} configuration class
 * that extends this one with its own options ({@code ContactsConfiguration}, {@code StatisticsConfiguration}); the
 * component holds one as the default of its endpoints, and each endpoint gets a {@link #copy()} with its URI options
 * applied.
 * <p>
 * Credentials are {@code secret = true} and named from Camel's masking list so that URIs logged by Camel show
 * them as {@code xxxxxx}; {@link #toString()} never shows them either.
 */
@UriParams
public class GenesysConfiguration implements Cloneable {

    @UriParam(defaultValue = "cloud",
              description = "The Genesys platform: cloud (Genesys Cloud), multicloud (Genesys Multicloud CX / Engage Cloud)"
                            + " or webServices (Genesys Engage on-premises Web Services).")
    private GenesysPlatform platform = GenesysPlatform.cloud;

    @UriParam(defaultValue = "mypurecloud.com", enums = GenesysRegion.DOMAINS,
              description = "Genesys Cloud only: the region domain of your organization (its API host is api.{region},"
                            + " its login host login.{region}); region names such as eu_west_1 are accepted too."
                            + " Ignored when baseUrl is set.")
    private String region = "mypurecloud.com";

    @UriParam(description = "The API base URL, e.g. https://gapi-use1.genesyscloud.com for Multicloud or"
                            + " https://gws.example.com for Web Services (required for both). For Genesys Cloud it"
                            + " overrides the region's https://api.{region} (a proxy or the genesys-simulator).")
    private String baseUrl;

    @UriParam(description = "Genesys Cloud only: the login (OAuth) base URL, overriding https://login.{region}. When"
                            + " baseUrl is set and this is not, tokens are requested from baseUrl.")
    private String loginUrl;

    @UriParam(label = "security", secret = true,
              description = "Multicloud only: the API key sent as the x-api-key header on every request, CometD included."
                            + " Genesys Customer Care issues it with your client credentials.")
    private String apiKey;

    @UriParam(label = "security",
              description = "The OAuth client ID (Genesys Cloud OAuth client with the Client Credentials grant, or the"
                            + " Multicloud client application).")
    private String clientId;

    @UriParam(label = "security", secret = true, description = "The OAuth client secret that belongs to clientId.")
    private String clientSecret;

    @UriParam(label = "security",
              description = "Multicloud password grant: the Genesys user name. Web Services: the user for HTTP Basic"
                            + " authentication.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The password that belongs to username.")
    private String password;

    @UriParam(label = "security",
              description = "The OAuth grant. Defaults to clientCredentials on Genesys Cloud; on Multicloud to password when"
                            + " username is set, refreshToken when only refreshToken is set, authorizationCode when"
                            + " authorizationToken is set, otherwise clientCredentials.")
    private GenesysGrantType grantType;

    @UriParam(label = "security", secret = true,
              description = "Multicloud: a refresh token to start from (grantType=refreshToken). Refresh tokens returned"
                            + " by the token endpoint are then used automatically.")
    private String refreshToken;

    @UriParam(label = "security", secret = true,
              description = "Multicloud authorization-code grant: the authorization code received on your redirect URI"
                            + " from /auth/v3/oauth/authorize. It is exchanged once; the returned refresh token keeps"
                            + " the connection alive. (Named authorizationToken so that Camel masks it in logged URIs.)")
    private String authorizationToken;

    @UriParam(label = "security",
              description = "Multicloud authorization-code grant: the redirect URI that the code was issued for.")
    private String redirectUri;

    @UriParam(label = "security", secret = true,
              description = "A ready access token to use as is (no OAuth flow). It cannot be refreshed: when Genesys"
                            + " answers 401 the exchange fails with GenesysAuthException.")
    private String accessToken;

    @UriParam(label = "advanced", defaultValue = "10000",
              description = "Milliseconds to wait for a TCP/TLS connection to Genesys.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000",
              description = "Milliseconds one HTTP request (sending it and reading the whole response) may take before it"
                            + " fails with a timeout (retried for idempotent operations).")
    private long requestTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "64",
              description = "The most HTTP connections the shared client opens to one Genesys host.")
    private int maxConnectionsPerHost = 64;

    @UriParam(label = "proxy", description = "An HTTP proxy host for all requests to Genesys, CometD included.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port; used with proxyHost.")
    private Integer proxyPort;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for connections to Genesys, as Camel"
                            + " SSLContextParameters. The JVM default trust store is used when unset.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "retry", defaultValue = "true",
              description = "Whether failed requests are retried: 429 after Retry-After; 502, 503, 504 and I/O errors"
                            + " for idempotent operations only, after their Retry-After when they carry one, else with"
                            + " exponential backoff; a connect that failed (nothing was sent) for every operation.")
    private boolean retryEnabled = true;

    @UriParam(label = "retry", defaultValue = "5",
              description = "The most attempts per request, the first one included (only when retryEnabled).")
    private int retryMaxAttempts = 5;

    @UriParam(label = "retry", defaultValue = "500",
              description = "Milliseconds before the first backoff retry of a 5xx or I/O error; doubled each time, with"
                            + " jitter.")
    private long retryInitialDelay = 500;

    @UriParam(label = "retry", defaultValue = "30000",
              description = "The longest single backoff wait in milliseconds.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "retry", defaultValue = "120000",
              description = "Milliseconds from the first attempt after which no retry is started, whatever"
                            + " retryMaxAttempts allows (a Retry-After that would pass it fails at once, and so does a request that"
                            + " would wait past it behind a 429 pause).")
    private long retryDeadline = 120_000;

    @UriParam(label = "rateLimit", defaultValue = "300",
              description = "Client-side request budget per rateLimitPeriod, shared by every endpoint with the same"
                            + " credentials (Genesys Cloud allows 300 requests per minute per client-credentials token)."
                            + " 0 disables client-side limiting; X-Rate-Limit-Remaining/Reset answers are still obeyed."
                            + " At most 100000 (the limiter keeps one start time per request in the window).")
    private int rateLimit = 300;

    @UriParam(label = "rateLimit", defaultValue = "60000",
              description = "The period of rateLimit in milliseconds.")
    private long rateLimitPeriod = 60_000;

    @UriParam(label = "producer", defaultValue = "model",
              description = "The form of response bodies: model (the operation's Java model), map (Map/List), json"
                            + " (Jackson JsonNode) or string (the JSON text).")
    private GenesysOutputType outputType = GenesysOutputType.model;

    @UriParam(label = "producer", defaultValue = "false",
              description = "For paged operations: return every item of every page as a streaming Iterator (one page in"
                            + " memory; use split().streaming()). Page-number paging stops at Genesys' 1,000-record"
                            + " cap and sets the CamelGenesysPagingTruncated header; use the scan operations for more.")
    private boolean pageAll;

    @UriParam(label = "producer",
              description = "Items per page for paged operations (Genesys' default when unset; offset paging, as UDM's,"
                            + " always sends one, 100 unless set); the CamelGenesysPageSize header overrides it for one"
                            + " message. Page-number paging allows 1-100, cursor scans 10-200.")
    private Integer pageSize;

    @UriParam(label = "producer",
              description = "The page to fetch for page-number paging (1-based); the CamelGenesysPageNumber header overrides"
                            + " it for one message. pageNumber x pageSize may not exceed 1,000.")
    private Integer pageNumber;

    @UriParam(label = "producer",
              description = "Where to resume a cursor-paged operation: the CamelGenesysNextCursor header of the previous page"
                            + " (the CamelGenesysCursor header overrides it for one message). On a scan consumer it is"
                            + " where the first poll starts (until Genesys answers that poll's first page); later polls"
                            + " read the scan from the start (Genesys' cursors expire after 24 hours).")
    private String cursor;

    @UriParam(label = "advanced",
              description = "The thread pool on which a route continues after a Genesys response: an ExecutorService"
                            + " bean, e.g. #myPool. By default each shared connection has one from Camel's default"
                            + " thread pool profile (its poolSize threads, an unbounded queue). A pool that refuses a"
                            + " continuation (a full queue) or would run it on the calling thread (caller-runs) is"
                            + " offered it again a few milliseconds later, so a route never continues on an HTTP I/O"
                            + " thread. The component does not shut down a pool it did not create.")
    private java.util.concurrent.ExecutorService workerPool;

    public java.util.concurrent.ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(java.util.concurrent.ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    /** A shallow copy of the same class; subclasses narrow the return type. */
    public GenesysConfiguration copy() {
        try {
            return (GenesysConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Fails, naming the option and the rule, on a value the endpoint cannot work with: called when the endpoint is
     * created. Subclasses check their own options after calling this.
     */
    public void validate() {
        // a missing base URL, an unknown region
        apiBaseUrl();
        authBaseUrl();
        if (rateLimit < 0 || rateLimit > 100_000) {
            throw new IllegalArgumentException("rateLimit must be between 0 (off) and 100000 requests per rateLimitPeriod,"
                                               + " was " + rateLimit);
        }
        if (rateLimitPeriod <= 0) {
            throw new IllegalArgumentException("rateLimitPeriod must be more than 0 milliseconds, was " + rateLimitPeriod);
        }
    }

    /** The grant to use, applying the documented defaults when {@link #getGrantType()} is unset. */
    public GenesysGrantType effectiveGrantType() {
        if (grantType != null) {
            return grantType;
        }
        if (platform == GenesysPlatform.multicloud) {
            if (authorizationToken != null) {
                return GenesysGrantType.authorizationCode;
            }
            if (username != null) {
                return GenesysGrantType.password;
            }
            return refreshToken != null ? GenesysGrantType.refreshToken : GenesysGrantType.clientCredentials;
        }
        return GenesysGrantType.clientCredentials;
    }

    /** The API base URL without a trailing slash, resolved from baseUrl or the region. */
    public String apiBaseUrl() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return stripSlash(baseUrl.trim());
        }
        if (platform == GenesysPlatform.cloud) {
            return GenesysRegion.of(region).apiBaseUrl();
        }
        throw new IllegalArgumentException("The baseUrl option is required for platform " + platform
                                           + (platform == GenesysPlatform.multicloud
                                                   ? " (e.g. https://gapi-use1.genesyscloud.com)"
                                                   : " (e.g. https://gws.example.com)"));
    }

    /** The base URL of the OAuth token endpoint's host. */
    public String authBaseUrl() {
        if (platform == GenesysPlatform.cloud) {
            if (loginUrl != null && !loginUrl.isBlank()) {
                return stripSlash(loginUrl.trim());
            }
            if (baseUrl != null && !baseUrl.isBlank()) {
                return stripSlash(baseUrl.trim());
            }
            return GenesysRegion.of(region).loginBaseUrl();
        }
        return apiBaseUrl();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        // credentials are deliberately left out
        return getClass().getSimpleName() + "[platform=" + platform + ", baseUrl="
               + (baseUrl != null ? io.camelgenesys.core.auth.Secrets.url(baseUrl) : region)
               + ", clientId=" + clientId + ", grantType=" + grantType + "]";
    }

    public GenesysPlatform getPlatform() {
        return platform;
    }

    public void setPlatform(GenesysPlatform platform) {
        this.platform = platform;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getLoginUrl() {
        return loginUrl;
    }

    public void setLoginUrl(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public GenesysGrantType getGrantType() {
        return grantType;
    }

    public void setGrantType(GenesysGrantType grantType) {
        this.grantType = grantType;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAuthorizationToken() {
        return authorizationToken;
    }

    public void setAuthorizationToken(String authorizationToken) {
        this.authorizationToken = authorizationToken;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnectionsPerHost() {
        return maxConnectionsPerHost;
    }

    public void setMaxConnectionsPerHost(int maxConnectionsPerHost) {
        this.maxConnectionsPerHost = maxConnectionsPerHost;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isRetryEnabled() {
        return retryEnabled;
    }

    public void setRetryEnabled(boolean retryEnabled) {
        this.retryEnabled = retryEnabled;
    }

    public int getRetryMaxAttempts() {
        return retryMaxAttempts;
    }

    public void setRetryMaxAttempts(int retryMaxAttempts) {
        this.retryMaxAttempts = retryMaxAttempts;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryDeadline() {
        return retryDeadline;
    }

    public void setRetryDeadline(long retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public GenesysOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(GenesysOutputType outputType) {
        this.outputType = outputType;
    }

    public boolean isPageAll() {
        return pageAll;
    }

    public void setPageAll(boolean pageAll) {
        this.pageAll = pageAll;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getPageNumber() {
        return pageNumber;
    }

    public void setPageNumber(Integer pageNumber) {
        this.pageNumber = pageNumber;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
