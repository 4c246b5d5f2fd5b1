package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;

/** Every scenario in {@code scenarios/}: it runs, conserves requests and is deterministic. */
class ShippedScenariosTest {

    private final Runner runner = new Runner(Algorithms.standard());

    static Stream<Path> scenarios() {
        return ScenarioFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyRequestOfferedHasExactlyOneOutcomeOrIsStillInFlight(Path file) {
        RequestCounts counts = runner.run(ScenarioFiles.load(file)).requests();
        assertThat(counts.offered()).isPositive();
        assertThat(counts.inFlight()).isNotNegative();
        assertThat(counts.denied() + counts.rejected() + counts.failed() + counts.timedOut() + counts.completed()
                + counts.inFlight()).isEqualTo(counts.offered());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void sameSeedGivesIdenticalJsonApartFromEngineFigures(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        assertThat(jsonWithoutEngine(runner.run(scenario))).isEqualTo(jsonWithoutEngine(runner.run(scenario)));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void anotherAlgorithmSeesTheSameOfferedTraffic(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        // Closed-loop users send as fast as they are answered: their traffic depends on the algorithm.
        assumeFalse(scenario.clients().stream().anyMatch(c -> c.arrivals() instanceof ArrivalSpec.Closed),
                "closed-loop users' traffic follows the answers");
        String other = scenario.balancer().algorithm().equals("random") ? "round-robin" : "random";
        RunResult original = runner.run(scenario);
        RunResult switched = runner.run(scenario.withAlgorithm(other));
        assertThat(switched.algorithm()).isEqualTo(other);
        assertThat(switched.requests().offered()).isEqualTo(original.requests().offered());
        assertThat(switched.requests().denied()).isEqualTo(original.requests().denied());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void anotherSeedGivesOtherNumbers(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        RunResult other = runner.run(scenario.withSeed(scenario.seed() + 1));
        RunResult original = runner.run(scenario);
        if (scenario.clients().stream().allMatch(c -> c.arrivals() instanceof ArrivalSpec.Trace)) {
            // A trace fixes the requests; the seed only spreads them within their seconds.
            assertThat(other.requests().offered()).isEqualTo(original.requests().offered());
            assertThat(other.latency().mean()).isNotEqualTo(original.latency().mean());
        } else {
            assertThat(other.requests().offered()).isNotEqualTo(original.requests().offered());
        }
    }

    private static String jsonWithoutEngine(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        return tree.toString();
    }
}
