package io.camelgenesys.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.camelgenesys.core.http.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pure rules of the configuration: region hosts, the base URLs of each platform, grant defaults, Retry-After
 * parsing and the retry bounds.
 */
class ConfigurationTest {

    @Test
    void everyRegionHasItsApiAndLoginHosts() {
        String[] domains = GenesysRegion.DOMAINS.split(",");
        assertEquals(17, domains.length);
        assertEquals(17, GenesysRegion.values().length);
        for (String d : domains) {
            GenesysConfiguration c = new GenesysConfiguration();
            c.setRegion(d);
            assertEquals("https://api." + d, c.apiBaseUrl());
            assertEquals("https://login." + d, c.authBaseUrl());
        }
        assertEquals(GenesysRegion.eu_west_1, GenesysRegion.of("eu-west-1"));
        assertEquals(GenesysRegion.eu_west_1, GenesysRegion.of("mypurecloud.ie"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenesysRegion.of("mars.cloud"));
        assertTrue(e.getMessage().contains("mypurecloud.com"), e.getMessage());
    }

    @Test
    void baseUrlOverridesTheRegionForApiAndLogin() {
        GenesysConfiguration c = new GenesysConfiguration();
        c.setBaseUrl("http://127.0.0.1:8080/");
        assertEquals("http://127.0.0.1:8080", c.apiBaseUrl());
        assertEquals("http://127.0.0.1:8080", c.authBaseUrl());
        c.setLoginUrl("https://login.example");
        assertEquals("https://login.example", c.authBaseUrl());
    }

    @Test
    void multicloudAndWebServicesNeedABaseUrl() {
        GenesysConfiguration c = new GenesysConfiguration();
        c.setPlatform(GenesysPlatform.multicloud);
        assertTrue(assertThrows(IllegalArgumentException.class, c::apiBaseUrl).getMessage().contains("baseUrl"));
        c.setPlatform(GenesysPlatform.webServices);
        assertTrue(assertThrows(IllegalArgumentException.class, c::apiBaseUrl).getMessage().contains("baseUrl"));
    }

    @Test
    void grantDefaults() {
        GenesysConfiguration c = new GenesysConfiguration();
        assertEquals(GenesysGrantType.clientCredentials, c.effectiveGrantType());
        c.setPlatform(GenesysPlatform.multicloud);
        assertEquals(GenesysGrantType.clientCredentials, c.effectiveGrantType());
        c.setRefreshToken("r");
        assertEquals(GenesysGrantType.refreshToken, c.effectiveGrantType());
        c.setUsername("u");
        assertEquals(GenesysGrantType.password, c.effectiveGrantType());
        c.setAuthorizationToken("code");
        assertEquals(GenesysGrantType.authorizationCode, c.effectiveGrantType());
        c.setGrantType(GenesysGrantType.clientCredentials);
        assertEquals(GenesysGrantType.clientCredentials, c.effectiveGrantType());
    }

    @Test
    void toStringAndCopyKeepSecretsOut() {
        GenesysConfiguration c = new GenesysConfiguration();
        c.setClientSecret("s3cr3t");
        c.setPassword("pa55");
        c.setApiKey("k3y");
        c.setAccessToken("t0k3n");
        GenesysConfiguration copy = c.copy();
        assertEquals("s3cr3t", copy.getClientSecret());
        for (String secret : new String[] { "s3cr3t", "pa55", "k3y", "t0k3n" }) {
            assertFalse(c.toString().contains(secret));
        }
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(2000, RetryPolicy.parseRetryAfter("2", now));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(5), ZoneOffset.UTC));
        assertEquals(5000, RetryPolicy.parseRetryAfter(date, now));
        assertEquals(-1, RetryPolicy.parseRetryAfter("soon", now));
        assertEquals(-1, RetryPolicy.parseRetryAfter(null, now));
    }

    @Test
    void retriesAreBoundedByAttemptsDeadlineAndIdempotency() {
        RetryPolicy p = new RetryPolicy(true, 3, 100, 1000, 5000);
        assertTrue(p.delayAfterServerError(1, 0, true) >= 50);
        assertEquals(RetryPolicy.NO_RETRY, p.delayAfterServerError(1, 0, false), "a POST is not replayed on 5xx");
        assertEquals(RetryPolicy.NO_RETRY, p.delayAfterServerError(3, 0, true), "attempts used up");
        assertEquals(2000, p.delayAfterRateLimit(1, 0, 2000));
        assertEquals(RetryPolicy.NO_RETRY, p.delayAfterRateLimit(1, 4000, 2000), "Retry-After past the deadline");
        assertEquals(RetryPolicy.NO_RETRY, RetryPolicy.NONE.delayAfterRateLimit(1, 0, 10));
    }
}
