package io.camelgenesys.fakemodule;

/**
 * An output header's value type outside any model package, named only in the header's {@code @Metadata(javaType)}
 * ({@link FakeConstants}): registered because a route reads it by name ({@code ${body.detail}}).
 */
public record FakeOutcome(int index, String detail) {
}
