package org.lbsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the dependency arrows of the design's architecture table true, by reading imports. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/lbsim");
    private static final Pattern PROJECT_IMPORT = Pattern.compile("^import (?:static )?org\\.lbsim\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile("\\borg\\.lbsim\\.(\\w+)\\.[A-Z]");

    /** Package → the project packages it may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // The jar's launcher, above every package, composes cli and the ui command (UiCommand).
            Map.entry("Launcher.java", Set.of("cli")),
            Map.entry("BundledScenarios.java", Set.of("ui")),
            Map.entry("UiCommand.java", Set.of("balancing", "cluster", "scenario", "experiment", "ui")),
            Map.entry("engine", Set.of()),
            Map.entry("balancing", Set.of()),
            Map.entry("metrics", Set.of()),
            // Trace readers know nothing of the simulation; scenario validation and the traffic sources use them.
            Map.entry("trace", Set.of()),
            // Scenario files become the cluster's own value types (org.lbsim.cluster.spec).
            Map.entry("scenario", Set.of("cluster", "trace")),
            Map.entry("cluster", Set.of("engine", "balancing", "metrics", "trace")),
            // Closed forms for the checks and the window: Commons Math only, and nothing models on them.
            Map.entry("theory", Set.of()),
            Map.entry("experiment", Set.of("engine", "balancing", "metrics", "scenario", "cluster", "theory")),
            Map.entry("report", Set.of("metrics")),
            // Campaign files: the runs of experiment's studies in SQLite, reported through report's JSON.
            Map.entry("campaign", Set.of("metrics", "scenario", "cluster", "experiment", "report")),
            Map.entry("cli", Set.of("engine", "balancing", "metrics", "scenario", "cluster", "experiment", "report", "trace", "theory",
                    "campaign")),
            Map.entry("ui", Set.of("engine", "balancing", "metrics", "scenario", "cluster", "experiment", "report", "theory")));

    private static final Pattern THIRD_PARTY_IMPORT =
            Pattern.compile("^import (?:static )?((?!java\\.|javax\\.|org\\.lbsim\\.)[\\w.]+)", Pattern.MULTILINE);

    /**
     * Libraries (by package prefix) that only some of the project's packages may use: the
     * window's toolkit only in {@code ui}, the command-line library only in {@code cli} and beside
     * the launcher. The engine uses the JDK and Commons RNG only.
     */
    private static final Map<String, Set<String>> LIBRARY_USERS = Map.of(
            "javafx.", Set.of("ui"),
            "org.jfree.chart.fx.", Set.of("ui"),
            "picocli.", Set.of("cli", "Launcher.java", "UiCommand.java"));
    private static final Set<String> ENGINE_LIBRARIES = Set.of("org.apache.commons.rng.");

    @Test
    void librariesAreUsedOnlyWhereTheDesignAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (SourceFile source : sources()) {
            Matcher matcher = THIRD_PARTY_IMPORT.matcher(source.text());
            while (matcher.find()) {
                String imported = matcher.group(1);
                LIBRARY_USERS.forEach((library, users) -> {
                    if (imported.startsWith(library) && !users.contains(source.pkg())) {
                        violations.add(source.file() + ": " + source.pkg() + " imports " + imported);
                    }
                });
                if (source.pkg().equals("engine") && ENGINE_LIBRARIES.stream().noneMatch(imported::startsWith)) {
                    violations.add(source.file() + ": the engine imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void packagesUseOnlyWhatTheDesignAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (SourceFile source : sources()) {
            String pkg = source.pkg();
            if (!ALLOWED.containsKey(pkg)) {
                violations.add(source.file() + ": package " + pkg + " is not in the design's table");
                continue;
            }
            for (Pattern pattern : List.of(PROJECT_IMPORT, QUALIFIED_USE)) {
                Matcher matcher = pattern.matcher(source.text());
                while (matcher.find()) {
                    String used = matcher.group(1);
                    if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                        violations.add(source.file() + ": " + pkg + " uses " + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** A main source file, its text, and its package below {@code org.lbsim} (or its name, beside the launcher). */
    private record SourceFile(Path file, String pkg, String text) {
    }

    private static List<SourceFile> sources() throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(new SourceFile(file, SOURCES.relativize(file).getName(0).toString(), Files.readString(file)));
            }
        }
        return sources;
    }
}
