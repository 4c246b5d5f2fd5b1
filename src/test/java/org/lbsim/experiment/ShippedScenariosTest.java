package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;
import org.lbsim.support.ShippedRuns;

/**
 * Every scenario in {@code scenarios/}: it runs, conserves requests and is deterministic. The
 * reference run of each is the command line's, shared with {@code GoldenResultsTest} through
 * {@link ShippedRuns}; each test here adds only the runs it compares with it.
 */
class ShippedScenariosTest {

    private final Runner runner = new Runner(Algorithms.standard());

    static Stream<Path> scenarios() {
        return ScenarioFiles.all().stream();
    }

    /**
     * The scenarios whose traffic does not depend on the balancer: closed-loop users send as
     * fast as they are answered, so theirs follows the algorithm.
     */
    static Stream<Path> openLoopScenarios() {
        return scenarios().filter(file -> ScenarioFiles.load(file).clients().stream()
                .noneMatch(client -> client.arrivals() instanceof ArrivalSpec.Closed));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyRequestOfferedHasExactlyOneOutcomeOrIsStillInFlight(Path file) {
        JsonNode counts = ShippedRuns.json(file).get("requests");
        long offered = counts.get("offered").asLong();
        assertThat(offered).isPositive();
        assertThat(counts.get("inFlight").asLong()).isNotNegative();
        long outcomes = 0;
        for (String outcome : List.of("denied", "rejected", "failed", "timedOut", "completed", "inFlight")) {
            assertThat(counts.has(outcome)).as("requests.%s in the result", outcome).isTrue();
            outcomes += counts.get(outcome).asLong();
        }
        assertThat(outcomes).isEqualTo(offered);
    }

    /** A second run in the same JVM, through the API rather than the command line, repeats the first exactly. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void sameSeedGivesIdenticalJsonApartFromEngineFigures(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        assertThat(jsonWithoutEngine(runner.run(scenario))).isEqualTo(ShippedRuns.jsonWithoutEngine(file).toString());
    }

    @ParameterizedTest
    @MethodSource("openLoopScenarios")
    void anotherAlgorithmSeesTheSameOfferedTraffic(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        String other = scenario.balancer().algorithm().equals("random") ? "round-robin" : "random";
        JsonNode original = ShippedRuns.json(file).get("requests");
        RunResult switched = runner.run(scenario.withAlgorithm(other));
        assertThat(switched.algorithm()).isEqualTo(other);
        assertThat(switched.requests().offered()).isEqualTo(original.get("offered").asLong());
        assertThat(switched.requests().denied()).isEqualTo(original.get("denied").asLong());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void anotherSeedGivesOtherNumbers(Path file) {
        Scenario scenario = ScenarioFiles.load(file);
        RunResult other = runner.run(scenario.withSeed(scenario.seed() + 1));
        JsonNode original = ShippedRuns.json(file);
        long offered = original.get("requests").get("offered").asLong();
        if (scenario.clients().stream().allMatch(c -> c.arrivals() instanceof ArrivalSpec.Trace)) {
            // A trace fixes the requests; the seed only spreads them within their seconds.
            assertThat(other.requests().offered()).isEqualTo(offered);
            assertThat(other.latency().mean()).isNotEqualTo(original.get("latency").get("mean").asDouble());
        } else {
            assertThat(other.requests().offered()).isNotEqualTo(offered);
        }
    }

    private static String jsonWithoutEngine(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        return tree.toString();
    }
}
