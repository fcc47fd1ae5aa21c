package io.camelgenesys.core.test.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.json.GenesysJson;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;

/**
 * The rows of an API that no official SDK covers (UDM, Multicloud Digital Channels, Web Services contacts) against
 * the seed that documents them, beyond the method-and-path line a {@link SeedOnly} entry cites: a row's section of the
 * seed runs from its cited line to the next {@code METHOD /path} line, and
 * <ul>
 * <li>when the cited line is such a header, its method is the row's and its path the end of the row's path, with the
 * variables in the same places and the row's options named as the seed names them (or more specifically:
 * {@code jobId} for {@code {id}});</li>
 * <li>every query parameter the row sends (its paging ones included) is a word of its section;</li>
 * <li>every JSON property of its request and response models (nested models too, as Jackson sees them) is a word of
 * its section or, for models the seed describes once for several operations, of the API's chapter.</li>
 * </ul>
 * A name the seed does not have is a difference keyed {@code "seed ..."}, unless a {@link SeedOnly} entry
 * ({@code <operation>.query.<name>}, {@code <Model>.<property>}) cites where the seed has it under another form. When
 * the seeds are not reachable the check does nothing (as {@link SeedOnly#verify}); {@code .ci/run} runs beside them.
 */
public final class SeedSectionCheck {

    private static final Pattern HEADER = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S*)");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final ContractReport report;
    private final Path seeds;
    private final Map<String, List<String>> files = new LinkedHashMap<>();
    private final StringBuilder chapter = new StringBuilder();
    private final String chapterName;

    /**
     * @param report  where differences go
     * @param chapter the API's chapter, as pairs of a seed file and a line range: {@code "002_....txt", 8624, 10716}
     */
    public SeedSectionCheck(ContractReport report, Object... chapter) {
        this.report = report;
        this.seeds = SeedOnly.seedsFolder();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i + 2 < chapter.length; i += 3) {
            String seed = (String) chapter[i];
            int from = (Integer) chapter[i + 1];
            int to = (Integer) chapter[i + 2];
            List<String> lines = lines(seed);
            if (lines != null) {
                for (int l = Math.max(1, from); l <= Math.min(to, lines.size()); l++) {
                    this.chapter.append(lines.get(l - 1)).append('\n');
                }
            }
            name.append(name.isEmpty() ? "" : ", ").append(seed).append(" L").append(from).append('-').append(to);
        }
        this.chapterName = name.toString();
    }

    /** Whether the seeds were found (else the check does nothing). */
    public boolean seedsReachable() {
        return seeds != null;
    }

    private List<String> lines(String seed) {
        if (seeds == null) {
            return null;
        }
        return files.computeIfAbsent(seed, s -> {
            try {
                return Files.readAllLines(seeds.resolve(s), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("seed " + s, e);
            }
        });
    }

    /** Checks every row of {@code operations} on {@code platform} that has a {@link SeedOnly} entry in {@code cited}. */
    public <O extends Enum<O> & GenesysOperation> ContractReport check(Class<O> operations, GenesysPlatform platform,
                                                                        Collection<SeedOnly> cited) {
        if (seeds == null) {
            report.note("seeds not reachable: the seed sections of " + operations.getSimpleName() + " are not checked");
            return report;
        }
        for (O op : operations.getEnumConstants()) {
            OperationSpec spec = op.spec(platform);
            if (spec == null || OperationSpec.WEBHOOK.equals(spec.method()) || OperationSpec.COMETD.equals(spec.method())) {
                continue;
            }
            for (SeedOnly s : cited) {
                if (s.what().equals(op.name())) {
                    check(op.name(), spec, s);
                }
            }
        }
        return report;
    }

    private void check(String name, OperationSpec spec, SeedOnly cited) {
        List<String> lines = lines(cited.seed());
        int from = cited.line();
        int to = lines.size();
        for (int l = from + 1; l <= lines.size(); l++) {
            if (HEADER.matcher(lines.get(l - 1).trim()).lookingAt()) {
                to = l - 1;
                break;
            }
        }
        String section = String.join("\n", lines.subList(from - 1, to));
        String where = cited.seed() + " L" + from + "-" + to;
        Matcher header = HEADER.matcher(lines.get(from - 1).trim());
        if (header.lookingAt()) {
            checkHeader(name, spec, header.group(1), header.group(2), where);
        }
        for (String q : new LinkedHashSet<>(SpecContractCheck.queryNames(spec))) {
            report.fieldChecked();
            if (!hasWord(section, q) && report.seedOnly(name + ".query." + q) == null) {
                report.mismatch(name, "seed " + name + ": query parameter " + q + " is not in its seed section",
                        where + " does not name it");
            }
        }
        Set<String> visiting = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] { spec.requestType(), spec.responseType(), spec.pageModel() }) {
            if (type != null) {
                checkModel(name, GenesysJson.MAPPER.constructType(type), section, where, visiting, 0);
            }
        }
        report.matched(name);
    }

    private void checkHeader(String name, OperationSpec spec, String method, String seedPath, String where) {
        if (!method.equals(spec.method())) {
            report.mismatch(name, "seed " + name + ": method " + spec.method() + ", the seed's " + method, where);
        }
        String ours = Contract.shape(spec.pathTemplate());
        if (!ours.endsWith(Contract.shape(seedPath))) {
            report.mismatch(name, "seed " + name + ": path " + spec.pathTemplate() + " does not end with the seed's "
                                  + seedPath, where);
            return;
        }
        List<String> theirs = new ArrayList<>();
        Matcher m = VARIABLE.matcher(seedPath);
        while (m.find()) {
            theirs.add(m.group(1));
        }
        List<String> vars = spec.pathVariables();
        int offset = vars.size() - theirs.size();
        for (int i = 0; i < theirs.size(); i++) {
            String option = spec.parameter(vars.get(offset + i)).option();
            String seed = theirs.get(i);
            boolean same = option.equalsIgnoreCase(seed)
                           || option.endsWith(Character.toUpperCase(seed.charAt(0)) + seed.substring(1));
            if (!same && report.seedOnly(name + ".path." + option) == null) {
                report.mismatch(name, "seed " + name + ": path variable {" + seed + "} is the option " + option, where);
            }
        }
    }

    private void checkModel(String name, JavaType type, String section, String where, Set<String> visiting, int depth) {
        Class<?> raw = type.getRawClass();
        if (type.isContainerType() && type.getContentType() != null) {
            checkModel(name, type.getContentType(), section, where, visiting, depth);
            return;
        }
        if (depth > 3 || !SpecContractCheck.isModel(type) || !visiting.add(raw.getName())) {
            return;
        }
        for (BeanPropertyDefinition p : SpecContractCheck.properties(type)) {
            String field = p.getName();
            report.fieldChecked();
            if (!hasWord(section, field) && !hasWord(chapter, field)
                && report.seedOnly(raw.getSimpleName() + "." + field) == null) {
                report.mismatch(name, "seed model " + raw.getSimpleName() + "." + field + ": not in the seed",
                        "neither " + where + " nor the chapter (" + chapterName + ") names it");
            }
            checkModel(name, p.getPrimaryType(), section, where, visiting, depth + 1);
        }
        visiting.remove(raw.getName());
    }

    /** Whether {@code name} is a word of {@code text} (not part of a longer identifier). */
    static boolean hasWord(CharSequence text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }
}
