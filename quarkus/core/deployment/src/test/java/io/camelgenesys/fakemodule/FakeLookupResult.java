package io.camelgenesys.fakemodule;

import java.util.List;

/** A response type outside any model package, neither a GenesysModel nor annotated: only the table names it. */
public class FakeLookupResult {

    private List<FakeMatch> matches;

    public List<FakeMatch> getMatches() {
        return matches;
    }

    public void setMatches(List<FakeMatch> matches) {
        this.matches = matches;
    }
}
