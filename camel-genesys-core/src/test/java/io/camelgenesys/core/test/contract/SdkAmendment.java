package io.camelgenesys.core.test.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fact the contract lacks because it was taken from an older artefact, stated by a Genesys SDK artefact itself,
 * reviewed and accepted by a contract test. The contract's enum values come from the Java SDK 198.1.0 (the npm SDK
 * declares plain strings, contract/README.md), so a value Genesys added later, and that a newer SDK documents, is
 * amended here rather than patched into the generated contract.
 * <p>
 * When {@code file} is found under a {@code contract/node_modules} above the build (after {@code npm ci} in
 * {@code contract/}), it is checked to contain {@code quote}, so a justification cannot point at the wrong text.
 *
 * @param what  as the check keys it, e.g. {@code ContactIdentifier.type=ExternalId} (an enum value of a field)
 * @param file  where the SDK says it: a path under {@code contract/node_modules}, e.g.
 *              {@code purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/ExternalContactsApi.js}
 * @param quote the text that file contains
 * @param also  other evidence, for the reader (a newer SDK's documentation, a seed line)
 */
public record SdkAmendment(String what, String file, String quote, String also) {

    /** The {@code contract/node_modules} folder of the repository, or {@code null} when npm was not run. */
    public static Path nodeModules() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("contract").resolve("node_modules");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code null} when the quote checks out or the SDK is not installed, else the problem. */
    public String verify(Path nodeModules) {
        if (nodeModules == null) {
            return null;
        }
        Path path = nodeModules.resolve(file);
        if (!Files.isRegularFile(path)) {
            return what + ": no " + path + " (run npm ci in contract/)";
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8).contains(quote) ? null
                    : what + ": " + file + " does not contain '" + quote + "'";
        } catch (IOException e) {
            return what + ": cannot read " + path + ": " + e;
        }
    }

    @Override
    public String toString() {
        return what + " (" + file + ": \"" + quote + "\"; " + also + ")";
    }
}
