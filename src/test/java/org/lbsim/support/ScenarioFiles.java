package org.lbsim.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.ScenarioException;

/**
 * The scenario files shipped in {@code scenarios/} and {@code scenarios/validation/} (the cases
 * docs/validation.md holds against queueing theory), loaded as the command line loads them.
 */
public final class ScenarioFiles {

    public static final Path DIRECTORY = Path.of("scenarios");
    public static final Path TWO_INSTANCES = DIRECTORY.resolve("two-instances.yaml");
    public static final Path VALIDATION = DIRECTORY.resolve("validation");

    private ScenarioFiles() {
    }

    /** Every shipped scenario; each has a name of its own, which its golden result is stored under. */
    public static List<Path> all() {
        List<Path> all = new ArrayList<>(in(DIRECTORY));
        all.addAll(in(VALIDATION));
        Set<Path> names = new HashSet<>();
        for (Path file : all) {
            if (!names.add(file.getFileName())) throw new AssertionError("two shipped scenarios named " + file.getFileName());
        }
        return all;
    }

    /** The validation cases alone, in name order. */
    public static List<Path> validation() {
        return in(VALIDATION);
    }

    private static List<Path> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path file, String... overrides) {
        try {
            return AlgorithmRules.loader(Algorithms.standard()).load(file, List.of(overrides));
        } catch (ScenarioException e) {
            throw new AssertionError("shipped scenario does not load: " + e.getMessage(), e);
        }
    }
}
