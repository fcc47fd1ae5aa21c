package io.camelgenesys.contacts;

import java.lang.management.ManagementFactory;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.json.GenesysJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the typed check of a {@code create} body allocates, on the calling thread: the body's tree, its check against
 * {@link ContactsLimits#CONTACT} and the bytes sent, for the contact ContactsBenchmark creates. A bound in bytes, not
 * in time: about 1,600 B now, 3,000 B when the tree was made by Jackson's serializers and the check built a path and
 * a regular-expression matcher per field (see benchmarks/README.md, section {@code ccreate}).
 */
class BodyCheckAllocationTest {

    private static final long BOUND = 2_400;

    @Test
    void checkingAndWritingACreateBodyStaysUnderItsAllocationBound() {
        // the contact ContactsBenchmark creates, as an immutable map (as there)
        Map<String, Object> body = Map.of("firstName", "Ada", "lastName", "Lovelace", "title", "Analyst",
                "workEmail", "ada.lovelace@example.com",
                "workPhone", Map.of("display", "+1 317-555-0100", "e164", "+13175550100"));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int n = 20_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) { // the first rounds include class loading and the interpreter's
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < n; i++) {
                JsonNode tree = GenesysJson.toTree(body);
                ContactsLimits.CONTACT.validate("create", tree);
                GenesysJson.toBytes(tree);
            }
            best = Math.min(best, (threads.getThreadAllocatedBytes(thread) - before) / n);
        }
        assertTrue(best <= BOUND, "allocated per body: " + best + " B, bound " + BOUND + " B");
    }
}
