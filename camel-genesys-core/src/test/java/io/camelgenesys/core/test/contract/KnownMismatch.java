package io.camelgenesys.core.test.contract;

/**
 * A reviewed difference between a component (or the simulator) and the SDK contract that is accepted for now. The
 * contract test fails when a found difference is not listed, and when a listed one is no longer found: whoever fixes
 * a difference deletes its entry.
 *
 * @param key  the difference exactly as the contract test reports it
 * @param note what differs and why it is still there (e.g. "issue 10 fix pending")
 */
public record KnownMismatch(String key, String note) {

    public static KnownMismatch known(String key, String note) {
        return new KnownMismatch(key, note);
    }
}
