package io.camelgenesys.fakemodule;

/** Reached only through a field of {@link FakeLookupResult}: registered by walking the type hierarchy. */
public class FakeMatch {

    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
