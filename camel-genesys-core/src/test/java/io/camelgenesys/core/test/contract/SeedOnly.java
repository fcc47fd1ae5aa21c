package io.camelgenesys.core.test.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Something camel-genesys has that no SDK has (an operation, a query parameter, a model field), justified by a line of
 * the Genesys documents in {@code shared/seeds/}. When the seeds are reachable the line is checked to contain
 * {@code quote}, so a justification cannot point at the wrong line.
 *
 * @param what  what is seed-only: an operation name ({@code create}), or {@code operation.query.name},
 *              {@code Model.field}
 * @param seed  the seed file, e.g. {@code 001_47e559748d155d05.txt}
 * @param line  the 1-based line that justifies it
 * @param quote text that line contains
 */
public record SeedOnly(String what, String seed, int line, String quote) {

    /** The seeds folder: {@code -Dgenesys.seeds=...}, else a {@code shared/seeds} found above the build, or null. */
    public static Path seedsFolder() {
        String configured = System.getProperty("genesys.seeds");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("seeds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("seeds");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    /** Checks the quote against the seed line; {@code null} when fine or the seeds are not reachable, else the problem. */
    public String verify(Path seeds) {
        if (seeds == null) {
            return null;
        }
        Path file = seeds.resolve(seed);
        if (!Files.isRegularFile(file)) {
            return what + ": no seed file " + file;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (line < 1 || line > lines.size()) {
                return what + ": " + seed + " has no line " + line;
            }
            String text = lines.get(line - 1);
            return text.contains(quote) ? null
                    : what + ": " + seed + ":" + line + " does not contain '" + quote + "' (it reads '" + text.trim() + "')";
        } catch (IOException e) {
            return what + ": cannot read " + file + ": " + e;
        }
    }

    @Override
    public String toString() {
        return what + " (seed " + seed + ":" + line + " \"" + quote + "\")";
    }
}
