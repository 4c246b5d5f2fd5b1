package org.lbsim.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.ScenarioException;

/** The scenario files shipped in {@code scenarios/}, loaded as the command line loads them. */
public final class ScenarioFiles {

    public static final Path DIRECTORY = Path.of("scenarios");
    public static final Path TWO_INSTANCES = DIRECTORY.resolve("two-instances.yaml");

    private ScenarioFiles() {
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
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
