package io.camelgenesys.core;

import java.util.Set;

import org.apache.camel.Exchange;

/**
 * Whether a failure is the record's own fault, to tell what a sync should dead-letter from what it should try again.
 * A record is refused when camel-genesys' input checks refuse it before sending (an {@code IllegalArgumentException}:
 * a bad email, a missing name) or Genesys answers 400, 404, 409, 410, 413 or 422 for it: sending it again unchanged
 * fails again, so it goes to the error table until the source changes it. Anything else is not the record's fault
 * and the record should stay for the next run: 401/403 (credentials, permissions: every record would fail), 429 and
 * 5xx after the retries, a lost connection, a {@link GenesysStoppingException}.
 * <p>
 * In Java {@code onException(Exception.class).onWhen(GenesysRefusal::refused)}; in YAML and XML a {@code method}
 * predicate with {@code beanType} {@code io.camelgenesys.core.GenesysRefusal} and method {@code refused}. A bulk
 * failure says it with {@code BulkFailure.refused()}.
 */
public final class GenesysRefusal {

    private static final Set<Integer> REFUSED = Set.of(400, 404, 409, 410, 413, 422);

    private GenesysRefusal() {
    }

    /** The exchange failed (or is handling a failure) because of its record. */
    public static boolean refused(Exchange exchange) {
        Throwable e = exchange.getException();
        if (e == null) {
            e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return refused(e);
    }

    /** The failure is the record's own fault (see the class comment). */
    public static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GenesysStoppingException) {
                return false;
            }
            if (t instanceof GenesysApiException api) {
                return refusedStatus(api.getHttpStatus());
            }
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP status that refuses the record itself: 400, 404, 409, 410, 413, 422. */
    public static boolean refusedStatus(int httpStatus) {
        return REFUSED.contains(httpStatus);
    }
}
