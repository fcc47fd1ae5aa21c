package io.camelgenesys.core;

import java.util.List;

import io.camelgenesys.core.test.docs.DocExamples;
import io.camelgenesys.core.test.docs.GeneratedDocs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator's README shows code that the simulator's own {@code ReadmeExamplesTest} compiles and runs; checked
 * here because the example checker lives in this module's test support, which the simulator cannot depend on.
 */
class SimulatorReadmeTest {

    @Test
    void everyJavaExampleOfTheSimulatorReadmeIsCodeATestRuns() {
        assertEquals(List.of(), DocExamples.check(GeneratedDocs.repositoryRoot().resolve("genesys-simulator/README.md")));
    }
}
