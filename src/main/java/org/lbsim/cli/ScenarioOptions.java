package org.lbsim.cli;

import java.nio.file.Path;
import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine.Parameters;

/** The scenario file and the options that change it, shared by the commands that run one. */
final class ScenarioOptions extends ScenarioChanges {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path file;

    /** Loads, applies the options and validates. */
    Scenario load(Algorithms algorithms) throws ScenarioException {
        return load(algorithms, overrides);
    }

    /** Loads with these {@code --set} overrides in place of the options' own (a sweep's point), and validates. */
    Scenario load(Algorithms algorithms, List<String> pointOverrides) throws ScenarioException {
        return load(file, algorithms, pointOverrides, true);
    }
}
