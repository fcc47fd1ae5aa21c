package io.camelgenesys.core.test.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Every code example of a page is code that a test runs: each Java, YAML and XML DSL block of an AsciiDoc page or a
 * Markdown README is preceded by a marker naming where it comes from, and must be exactly that tagged region of a
 * test source (AsciiDoc's own {@code tag::name[]} / {@code end::name[]} lines, so {@code include::} would find it
 * too):
 *
 * <pre>
 * // example: camel-genesys-contacts/src/test/java/io/camelgenesys/contacts/DocsExamplesRouteTest.java#upsert
 * [source,java]
 * ----
 * (the region, unindented)
 * ----
 * </pre>
 *
 * In Markdown the marker is {@code <!-- example: path#tag -->} before the fence. The path is relative to the
 * repository root. A block that a test reads from the page itself instead (an error message a test compares with
 * the real one) is marked {@code // checked-by: path#method}, and the method must exist in that file. An unmarked
 * Java, YAML or route XML block fails the check. With {@code -Dgenesys.docs.update=true} the blocks are rewritten from
 * their regions ({@link GeneratedDocs}).
 */
public final class DocExamples {

    private static final Pattern ADOC_MARKER = Pattern.compile("^// (example|checked-by): (\\S+)#(\\S+)\\s*$");
    private static final Pattern MD_MARKER = Pattern.compile("^<!-- (example|checked-by): (\\S+)#(\\S+) -->\\s*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,(java|yaml|xml)[^\\]]*]\\s*$");
    private static final Pattern MD_FENCE = Pattern.compile("^```(java|yaml|xml)\\s*$");

    private DocExamples() {
    }

    /**
     * Checks (or, when updating, rewrites) the examples of {@code page}.
     *
     * @return what is wrong, empty when every example is a region that a test runs
     */
    public static List<String> check(Path page) {
        Path root = GeneratedDocs.repositoryRoot();
        boolean markdown = page.getFileName().toString().endsWith(".md");
        List<String> lines = new ArrayList<>(List.of(GeneratedDocs.read(page).split("\n", -1)));
        List<String> problems = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = (markdown ? MD_MARKER : ADOC_MARKER).matcher(lines.get(i));
            if (marker.matches()) {
                int open = blockStart(lines, i + 1, markdown);
                if (open < 0) {
                    problems.add(where(page, i) + ": the marker is not followed by a code block");
                    continue;
                }
                int close = blockEnd(lines, open + 1, markdown);
                Path source = root.resolve(marker.group(2));
                if (!Files.exists(source)) {
                    problems.add(where(page, i) + ": " + marker.group(2) + " does not exist");
                    continue;
                }
                if (marker.group(1).equals("checked-by")) {
                    if (!GeneratedDocs.read(source).contains(" " + marker.group(3) + "(")) {
                        problems.add(where(page, i) + ": " + marker.group(2) + " has no method " + marker.group(3));
                    }
                    i = close;
                    continue;
                }
                String region = region(source, marker.group(3));
                if (region == null) {
                    problems.add(where(page, i) + ": " + marker.group(2) + " has no region tag::" + marker.group(3)
                                 + "[] ... end::" + marker.group(3) + "[]");
                    i = close;
                    continue;
                }
                List<String> block = lines.subList(open + 1, close);
                List<String> wanted = List.of(region.split("\n", -1));
                if (!block.equals(wanted)) {
                    if (GeneratedDocs.updating()) {
                        block.clear();
                        block.addAll(wanted);
                        changed = true;
                        close = open + 1 + wanted.size();
                    } else {
                        problems.add(where(page, i) + ": the example differs from " + marker.group(2) + "#"
                                     + marker.group(3) + " (run the docs test with -D" + GeneratedDocs.UPDATE
                                     + "=true to copy the tested code into the page)");
                    }
                }
                i = close;
                continue;
            }
            Matcher source = (markdown ? MD_FENCE : ADOC_SOURCE).matcher(lines.get(i));
            if (source.matches()) {
                int open = markdown ? i : blockStart(lines, i, false);
                int close = open < 0 ? i : blockEnd(lines, open + 1, markdown);
                String body = open < 0 ? "" : String.join("\n", lines.subList(open + 1, close));
                boolean dependency = source.group(1).equals("xml") && !body.contains("<route");
                if (!dependency) {
                    problems.add(where(page, i) + ": a " + source.group(1) + " example that no test runs: mark it"
                                 + " with the tagged region of a test that runs it");
                }
                i = close;
            }
        }
        if (changed) {
            GeneratedDocs.stale(page, "examples", String.join("\n", lines));
        }
        return problems;
    }

    /**
     * Adds a page example to {@code context} in the DSL a parameterized test runs it in: {@code java}, the
     * {@link RoutesBuilder} whose region the page shows; {@code yaml} or {@code xml}, the page's form of it in the test
     * resource {@code docs/<example>.yaml} or {@code .xml}.
     */
    public static void addRoutes(CamelContext context, String dsl, RoutesBuilder java, String example)
            throws Exception {
        if (dsl.equals("java")) {
            context.addRoutes(java);
        } else {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:docs/" + example + "." + dsl));
        }
    }

    /** The tagged region of a source file, unindented; {@code null} when the file has no such region. */
    public static String region(Path source, String tag) {
        List<String> lines = List.of(GeneratedDocs.read(source).split("\n", -1));
        List<String> region = null;
        for (String line : lines) {
            if (region == null) {
                if (line.contains("tag::" + tag + "[]")) {
                    region = new ArrayList<>();
                }
                continue;
            }
            if (line.contains("end::" + tag + "[]")) {
                return unindent(region);
            }
            if (!line.matches(".*\\b(tag|end)::[\\w-]+\\[].*")) {
                region.add(line);
            }
        }
        return null;
    }

    private static String unindent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return sb.toString();
    }

    /** The line that opens the block after a marker: the fence, or the {@code ----} after a {@code [source]} line. */
    private static int blockStart(List<String> lines, int from, boolean markdown) {
        for (int i = from; i < lines.size() && i < from + 4; i++) {
            String l = lines.get(i).trim();
            if (markdown ? l.startsWith("```") : l.equals("----")) {
                return i;
            }
        }
        return -1;
    }

    private static int blockEnd(List<String> lines, int from, boolean markdown) {
        for (int i = from; i < lines.size(); i++) {
            if (markdown ? lines.get(i).trim().equals("```") : lines.get(i).trim().equals("----")) {
                return i;
            }
        }
        return lines.size();
    }

    private static String where(Path page, int line) {
        return page.getFileName() + ":" + (line + 1);
    }
}
