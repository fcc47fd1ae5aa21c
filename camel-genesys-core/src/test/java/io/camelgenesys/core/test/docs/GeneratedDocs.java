package io.camelgenesys.core.test.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps generated parts of the docs in step with what they are generated from, as Camel's build keeps its component
 * pages: a region of a file between the lines {@code // genesys-docs: <name> START} and
 * {@code // genesys-docs: <name> END} (the options and headers tables of a component page), or a whole generated
 * file (the models page), is compared with what it should be. A stale one fails the test, naming the file and the
 * command that rewrites it: the same test with {@code -Dgenesys.docs.update=true}, which writes the files and passes,
 * so the change is committed with what caused it.
 */
public final class GeneratedDocs {

    /** The system property that makes the docs tests rewrite what is stale instead of failing. */
    public static final String UPDATE = "genesys.docs.update";

    private GeneratedDocs() {
    }

    /** Whether this run rewrites stale docs. */
    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** The line that starts (or ends) a generated region, as written in an AsciiDoc file (an AsciiDoc comment). */
    public static String marker(String region, String startOrEnd) {
        return "// genesys-docs: " + region + " " + startOrEnd;
    }

    /**
     * Checks (or, when {@link #updating()}, rewrites) the region {@code region} of {@code file}: the lines between its
     * START and END markers must be {@code content}.
     *
     * @throws AssertionError when the file has no such region, or the region is stale and this run does not update
     */
    public static void region(Path file, String region, String content) {
        String text = read(file);
        String start = marker(region, "START");
        String end = marker(region, "END");
        int s = text.indexOf(start + "\n");
        int e = text.indexOf(end, s + 1);
        if (s < 0 || e < 0) {
            throw new AssertionError(file + " has no region '" + region + "': add the lines '" + start + "' and '"
                                     + end + "' where it belongs");
        }
        String before = text.substring(0, s + start.length() + 1);
        String after = text.substring(e);
        String wanted = content.endsWith("\n") ? content : content + "\n";
        String current = text.substring(s + start.length() + 1, e);
        if (!current.equals(wanted)) {
            stale(file, region, before + wanted + after);
        }
    }

    /** Checks (or rewrites) a whole generated file. */
    public static void file(Path file, String content) {
        String current = Files.exists(file) ? read(file) : "";
        if (!current.equals(content)) {
            stale(file, "the whole file", content);
        }
    }

    static void stale(Path file, String what, String updated) {
        if (updating()) {
            try {
                Files.writeString(file, updated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError(file + " (" + what + ") is stale: it is generated from the code. Rewrite it with the"
                                 + " same test and -D" + UPDATE + "=true (e.g. mvn -pl <module> -am verify -Dtest=<this"
                                 + " test> -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true), then"
                                 + " commit it");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the parent of the module a test runs in (Maven runs tests in the module's directory). */
    public static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path parent = module.getParent();
        return parent != null && Files.exists(parent.resolve("README.md")) && Files.exists(parent.resolve("pom.xml"))
                ? parent : module;
    }
}
