package org.lbsim.support;

import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;
import org.lbsim.scenario.ScenarioException;

/**
 * Scenarios written as a user writes them, in YAML, loaded as the command line loads a file and
 * run with {@link Runner}: for tests of a feature through its documented keys and results rather
 * than through the classes that implement it.
 */
public final class YamlScenarios {

    private YamlScenarios() {
    }

    public static Scenario parse(String yaml) {
        try {
            return AlgorithmRules.loader(Algorithms.standard()).parse(yaml, "test.yaml", List.of());
        } catch (ScenarioException e) {
            throw new AssertionError("the test's scenario does not load: " + e.getMessage(), e);
        }
    }

    public static RunResult run(String yaml) {
        return new Runner(Algorithms.standard()).run(parse(yaml));
    }

    /** One run sampled every {@code interval} seconds, for tests that follow it over time. */
    public static Runner.SampledRun sampled(String yaml, double interval) {
        return new Runner(Algorithms.standard()).run(parse(yaml), interval);
    }
}
