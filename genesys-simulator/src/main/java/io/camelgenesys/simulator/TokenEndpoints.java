package io.camelgenesys.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpFields;

/**
 * The OAuth servers of both platforms.
 * <ul>
 * <li>Genesys Cloud, {@code POST /oauth/token} (served on {@code login.{region}} in reality; the simulator serves
 * login and API hosts on one port): client credentials with HTTP Basic.</li>
 * <li>Multicloud CX Authentication API, {@code POST /auth/v3/oauth/token} and {@code GET /auth/v3/oauth/authorize}
 * (seed 002, "Authentication API"): {@code x-api-key}, HTTP Basic client, grants {@code password},
 * {@code client_credentials}, {@code refresh_token} and {@code authorization_code}.</li>
 * </ul>
 */
final class TokenEndpoints {

    static final String CLOUD_TOKEN = "/oauth/token";
    static final String MULTICLOUD_TOKEN = "/auth/v3/oauth/token";
    static final String MULTICLOUD_AUTHORIZE = "/auth/v3/oauth/authorize";

    private final GenesysSimulator sim;
    private final Authenticator authenticator;

    TokenEndpoints(GenesysSimulator sim, Authenticator authenticator) {
        this.sim = sim;
        this.authenticator = authenticator;
    }

    static boolean handles(String path) {
        return path.equals(CLOUD_TOKEN) || path.equals(MULTICLOUD_TOKEN) || path.equals(MULTICLOUD_AUTHORIZE);
    }

    static boolean isTokenRequest(String method, String path) {
        return "POST".equals(method) && (path.equals(CLOUD_TOKEN) || path.equals(MULTICLOUD_TOKEN));
    }

    ApiResponse handle(String method, String path, HttpFields headers, Map<String, List<String>> query, byte[] body) {
        if (path.equals(MULTICLOUD_AUTHORIZE)) {
            return "GET".equals(method) ? authorize(headers, query) : methodNotAllowed(method, "GET");
        }
        if (!"POST".equals(method)) {
            return methodNotAllowed(method, "POST");
        }
        Map<String, String> form = ApiRequest.parseForm(new String(body, StandardCharsets.UTF_8));
        return path.equals(CLOUD_TOKEN) ? cloudToken(headers, form) : multicloudToken(headers, form);
    }

    // ---- Genesys Cloud -------------------------------------------------------------------------------------------

    private ApiResponse cloudToken(HttpFields headers, Map<String, String> form) {
        String[] client = Credentials.basic(headers.get("Authorization"));
        if (client == null || !Credentials.matches(sim.cloudClientId(), client[0])
                || !Credentials.matches(sim.cloudClientSecret(), client[1])) {
            return oauthError(401, "invalid_client", "Bad client credentials");
        }
        String grant = form.get("grant_type");
        if (!"client_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        }
        Tokens.AccessToken token = sim.tokens().issue(Auth.CLOUD, client[0]);
        // Client credentials get no refresh token (RFC 6749 4.4.3); Cloud answers exactly these three fields.
        ObjectNode body = Json.object();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        body.put("expires_in", expiresIn());
        return noStore(ApiResponse.ok(body));
    }

    // ---- Multicloud CX -------------------------------------------------------------------------------------------

    private ApiResponse multicloudToken(HttpFields headers, Map<String, String> form) {
        ApiResponse forbidden = authenticator.apiKey(headers);
        if (forbidden != null) {
            return forbidden;
        }
        String[] client = Credentials.basic(headers.get("Authorization"));
        if (client == null || !Credentials.matches(sim.multicloudClientId(), client[0])
                || !Credentials.matches(sim.multicloudClientSecret(), client[1])) {
            return oauthError(401, "Unauthorized", "Bad credentials");
        }
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            return oauthError(400, "invalid_request", "Missing grant type");
        }
        return switch (grant) {
            case "password" -> passwordGrant(form);
            case "client_credentials" -> multicloudTokenResponse(sim.tokens().issue(Auth.MULTICLOUD, client[0]), null);
            case "refresh_token" -> refreshGrant(form);
            case "authorization_code" -> authorizationCodeGrant(form);
            default -> oauthError(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        };
    }

    private ApiResponse passwordGrant(Map<String, String> form) {
        String username = form.get("username");
        String expected = username == null ? null : sim.multicloudUsers().get(username);
        if (!Credentials.matches(expected, form.get("password"))) {
            return oauthError(400, "invalid_grant", "Bad credentials");
        }
        return userTokens(username);
    }

    private ApiResponse refreshGrant(Map<String, String> form) {
        Tokens.RefreshToken refresh = sim.tokens().findRefreshToken(form.get("refresh_token"));
        if (refresh == null) {
            return oauthError(400, "invalid_grant", "Invalid refresh token: " + form.get("refresh_token"));
        }
        // The refresh token is reused, as Spring OAuth (behind the Authentication API) does by default.
        return multicloudTokenResponse(sim.tokens().issue(Auth.MULTICLOUD, refresh.subject()), refresh.value());
    }

    private ApiResponse authorizationCodeGrant(Map<String, String> form) {
        String code = form.get("code");
        Tokens.AuthorizationCode issued = sim.tokens().redeem(code);
        if (issued == null) {
            return oauthError(400, "invalid_grant", "Invalid authorization code: " + code);
        }
        if (!issued.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError(400, "invalid_grant", "Redirect URI mismatch.");
        }
        return userTokens(issued.username());
    }

    private ApiResponse userTokens(String username) {
        Tokens.AccessToken token = sim.tokens().issue(Auth.MULTICLOUD, username);
        return multicloudTokenResponse(token, sim.tokens().issueRefreshToken(username));
    }

    /** The DefaultOAuth2AccessToken shape of the seed: access_token, expires_in, refresh_token, scope "*", token_type. */
    private ApiResponse multicloudTokenResponse(Tokens.AccessToken token, String refreshToken) {
        ObjectNode body = Json.object();
        body.put("access_token", token.value());
        body.put("expires_in", expiresIn());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", "*");
        body.put("token_type", "bearer");
        return noStore(ApiResponse.ok(body));
    }

    /**
     * {@code GET /auth/v3/oauth/authorize}: the sign-in form is replaced by HTTP Basic user credentials (the seed lists
     * an {@code Authorization: Basic} parameter). No {@code x-api-key} is required here: a browser navigating to the
     * sign-in page cannot add one.
     */
    private ApiResponse authorize(HttpFields headers, Map<String, List<String>> query) {
        String[] user = Credentials.basic(headers.get("Authorization"));
        String expected = user == null ? null : sim.multicloudUsers().get(user[0]);
        if (user == null || !Credentials.matches(expected, user[1])) {
            return oauthError(401, "Unauthorized", "Bad credentials")
                    .header("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        String clientId = first(query, "client_id");
        if (!Credentials.matches(sim.multicloudClientId(), clientId)) {
            return oauthError(400, "invalid_client", "Bad client credentials");
        }
        String redirectUri = first(query, "redirect_uri");
        if (redirectUri == null || redirectUri.isEmpty()) {
            return oauthError(400, "invalid_request", "A redirect_uri must be supplied.");
        }
        if (!"code".equals(first(query, "response_type"))) {
            return oauthError(400, "unsupported_response_type", "Unsupported response types: "
                    + first(query, "response_type"));
        }
        String code = sim.tokens().issueAuthorizationCode(user[0], redirectUri);
        StringBuilder location = new StringBuilder(redirectUri)
                .append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        String state = first(query, "state");
        if (state != null) {
            location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return ApiResponse.redirect(302, location.toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** {@code expires_in} never overstates the lifetime: whole seconds, rounded down. */
    private long expiresIn() {
        return sim.tokens().lifetime().toSeconds();
    }

    private static ApiResponse oauthError(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return noStore(ApiResponse.json(status, body));
    }

    private static ApiResponse methodNotAllowed(String method, String allowed) {
        return oauthError(405, "method_not_allowed", "Request method '" + method + "' is not supported")
                .header("Allow", allowed);
    }

    /** Token responses must not be cached (RFC 6749 5.1; the seed's example shows both headers). */
    private static ApiResponse noStore(ApiResponse response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
