package io.camelgenesys.fakemodule;

import java.security.SecureRandom;

/** Holds a seeded random in a static field: must be initialised at run time in a native image. */
public final class FakeRandomUser {

    static final SecureRandom RANDOM = new SecureRandom();

    private FakeRandomUser() {
    }

    public static int next() {
        return RANDOM.nextInt();
    }
}
