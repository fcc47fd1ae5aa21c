package io.camelgenesys.fakemodule;

import org.apache.camel.spi.Metadata;

/** The fixture module's headers, as a module's constants class declares them. */
public final class FakeConstants {

    @Metadata(label = "producer,output", description = "Output: the outcomes, one per item.",
              javaType = "java.util.List<io.camelgenesys.fakemodule.FakeOutcome>")
    public static final String OUTCOMES = "CamelGenesysFakeOutcomes";

    private FakeConstants() {
    }
}
