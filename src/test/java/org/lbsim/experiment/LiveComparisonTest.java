package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.LiveComparison.Side;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;

/**
 * Two algorithms live on the same requests: each side of the pair is, to the last digit, the
 * headless run of its algorithm with the same actions scripted at the same times, and the
 * paired difference says which algorithm did better where the answer is known.
 */
class LiveComparisonTest {

    private static final Path CLASSROOM_COMPARE = ScenarioFiles.DIRECTORY.resolve("classroom-compare.yaml");
    private final Scenario twoInstances = ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES);

    @Test
    void eachSideIsTheHeadlessRunOfItsAlgorithmWithEveryActionAtTheSameSimulatedTime() {
        LiveComparison pair = new LiveComparison(twoInstances, Algorithms.standard(), "round-robin", "least-connections");
        pair.advanceTo(120);
        pair.control(c -> c.fail("web-1"));
        pair.advanceTo(180);
        pair.control(c -> c.recover("web-1"));
        pair.advanceTo(400);
        pair.control(c -> c.setRate("users", 100));
        pair.advanceTo(twoInstances.duration());

        List<EventSpec> events = new ArrayList<>(twoInstances.events());
        events.add(new EventSpec.Fail(120, "web-1"));
        events.add(new EventSpec.Recover(180, "web-1"));
        events.add(new EventSpec.SetRate(400, "users", 100));
        Scenario scripted = withEvents(twoInstances, events);
        for (Side side : Side.values()) {
            RunResult live = pair.cluster(side).results(new EngineStats(0, 0, 0));
            RunResult alone = new Runner(Algorithms.standard()).run(scripted.withAlgorithm(live.algorithm()));
            assertThat(live.failures()).as(side.name()).hasSize(2);
            assertThat(live.failures()).anyMatch(failure -> failure.server().equals("web-1") && failure.at() == 120);
            assertThat(json(live)).as(side.name()).isEqualTo(json(alone));
        }
        assertThat(pair.cluster(Side.LEFT).results(new EngineStats(0, 0, 0)).algorithm()).isEqualTo("round-robin");
        assertThat(pair.cluster(Side.RIGHT).results(new EngineStats(0, 0, 0)).algorithm()).isEqualTo("least-connections");
    }

    @Test
    void withOneInstanceSlowLeastConnectionsLosesFewerRequestsAndWaitsLessThanRoundRobin() {
        Scenario scenario = ScenarioFiles.load(CLASSROOM_COMPARE);
        LiveComparison pair = new LiveComparison(scenario, Algorithms.standard(), "round-robin", "least-connections");
        pair.advanceTo(scenario.warmup());
        assertThat(pair.latest().difference()).as("nothing to compare before the warm-up ends").isEmpty();
        pair.advanceTo(scenario.duration());

        PairedDifference difference = pair.latest().difference().orElseThrow();
        assertThat(difference.first().algorithm()).isEqualTo("round-robin");
        assertThat(difference.second().algorithm()).isEqualTo("least-connections");
        assertThat(difference.first().offered()).as("the same requests on both sides").isEqualTo(difference.second().offered());
        assertThat(difference.moreFailedRequestsOnFirst()).as("round robin keeps feeding the slow instance").isGreaterThan(1000);
        assertThat(difference.higherMeanLatencyOnFirst()).isGreaterThan(0.1);
        RunResult roundRobin = new Runner(Algorithms.standard()).run(scenario.withAlgorithm("round-robin"));
        assertThat(difference.first().failedRequests()).as("the side's own count, since the warm-up")
                .isEqualTo(roundRobin.requests().rejected() + roundRobin.requests().failed() + roundRobin.requests().timedOut());
    }

    @Test
    void changingOneSidesAlgorithmLeavesTheOtherSideAsItWas() {
        LiveComparison pair = new LiveComparison(twoInstances, Algorithms.standard(), "round-robin", "least-connections");
        pair.advanceTo(100);
        pair.setAlgorithm(Side.RIGHT, "random");
        pair.advanceTo(200);
        assertThat(pair.latest().right().algorithm()).isEqualTo("random");
        assertThat(pair.latest().left().algorithm()).isEqualTo("round-robin");

        LiveComparison untouched = new LiveComparison(twoInstances, Algorithms.standard(), "round-robin", "power-of-d");
        untouched.advanceTo(200);
        assertThat(pair.latest().left().totals()).isEqualTo(untouched.latest().left().totals());
        assertThat(pair.latest().left().servers()).isEqualTo(untouched.latest().left().servers());
        assertThat(pair.latest().right().servers()).isNotEqualTo(untouched.latest().right().servers());

        pair.reset();
        pair.advanceTo(1);
        assertThat(pair.latest().time()).isEqualTo(1);
        assertThat(pair.latest().right().algorithm()).as("a reset keeps each side's choice").isEqualTo("random");
    }

    @Test
    void aScriptedAlgorithmSwitchIsLeftOutSoEachSideKeepsItsOwn() {
        List<EventSpec> events = new ArrayList<>(twoInstances.events());
        events.add(new EventSpec.SetAlgorithm(10, "random"));
        LiveComparison pair = new LiveComparison(withEvents(twoInstances, events), Algorithms.standard(),
                "round-robin", "least-connections");
        pair.advanceTo(20);
        assertThat(pair.latest().left().algorithm()).isEqualTo("round-robin");
        assertThat(pair.latest().right().algorithm()).isEqualTo("least-connections");
        assertThat(pair.scenario().events()).hasSize(twoInstances.events().size());
    }

    @Test
    void anUnknownAlgorithmIsRefusedByName() {
        assertThatThrownBy(() -> new LiveComparison(twoInstances, Algorithms.standard(), "round-robin", "fastest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fastest");
    }

    @Test
    void theSimulationThreadPlaysBothSidesInStep() throws InterruptedException {
        try (LiveComparison pair = new LiveComparison(twoInstances, Algorithms.standard(), "round-robin", "random")) {
            pair.start();
            pair.setSpeed(100);
            pair.play();
            waitUntil(() -> pair.latest().time() > 70);
            pair.pause();
            waitUntil(() -> !pair.isPlaying());
            ComparisonSnapshot paused = pair.latest();
            assertThat(paused.left().time()).isEqualTo(paused.right().time());
            assertThat(paused.difference()).isPresent();
            assertThat(paused.left().totals().sent()).isEqualTo(paused.right().totals().sent());
            pair.step();
            waitUntil(() -> pair.latest().time() > paused.time());
            assertThat(pair.latest().time()).isEqualTo(paused.time() + LiveRun.STEP);
        }
    }

    private static Scenario withEvents(Scenario scenario, List<EventSpec> events) {
        return new Scenario(scenario.name(), scenario.seed(), scenario.duration(), scenario.warmup(),
                scenario.maxRequestsInSystem(), scenario.clients(), scenario.securityGroups(), scenario.networkAcls(),
                scenario.balancer(), scenario.servers(), events, scenario.autoscaling());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    private static String json(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        tree.remove("warnings");
        return tree.toString();
    }
}
