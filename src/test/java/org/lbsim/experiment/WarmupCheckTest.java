package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.support.ScenarioFiles;
import org.lbsim.support.TestScenarios;

/** The warm-up check on queues whose transient is known: silent without one, heard with one. */
class WarmupCheckTest {

    private static final Pattern ESTIMATE = Pattern.compile("transient at ([0-9.]+) s");

    private final Runner runner = new Runner(Algorithms.standard());

    /** One server at ρ = 0.1 (10/s of 10 ms), measured from time 0: its transient lasts a few services. */
    private static Scenario lightQueue(long seed) {
        return TestScenarios.scenario().duration(600, 0).seed(seed).poissonClient("users", 10, 0.01)
                .server("s1", 1, ServerSpec.UNLIMITED_QUEUE).build();
    }

    /**
     * One server at ρ = 0.5 (0.5/s of 1 s) that runs at a quarter of its speed for its first 200 s:
     * 50 s of work pile up, and drain at 0.5 s per second, so the backlog is gone near 300 s.
     */
    private static Scenario backlogQueue(double warmup, long seed) {
        FailureSpec slow = new FailureSpec.Scheduled(FailureKind.SLOWDOWN, 0.25, true, 0, 200);
        return TestScenarios.scenario().duration(2000, warmup).seed(seed).poissonClient("users", 0.5, 1.0)
                .server("s1", 1, ServerSpec.UNLIMITED_QUEUE, List.of(slow)).build();
    }

    @Test
    void aLightlyLoadedQueueMeasuredFromTheStartGetsNoWarning() {
        for (long seed = 1; seed <= 10; seed++) {
            assertThat(runner.run(lightQueue(seed)).warnings()).as("seed %d", seed).isEmpty();
        }
    }

    /** Its warm-up of 0 is on purpose: its first seconds, before web-3 is marked down, move the mean latency by less than 0.1%. */
    @Test
    void theNetworkAclsScenarioGetsNoWarning() {
        Scenario scenario = ScenarioFiles.load(ScenarioFiles.DIRECTORY.resolve("network-acls.yaml"));
        for (long seed = 0; seed < 3; seed++) {
            assertThat(runner.run(scenario.withSeed(scenario.seed() + seed)).warnings()).as("seed +%d", seed)
                    .noneMatch(warning -> warning.contains("MSER"));
        }
    }

    @Test
    void aBacklogDrainingAfterTheWarmupIsWarnedOf() {
        for (double warmup : new double[] {0, 100}) {
            for (long seed = 1; seed <= 5; seed++) {
                List<String> warnings = runner.run(backlogQueue(warmup, seed)).warnings();
                assertThat(warnings).as("warmup %s, seed %d", warmup, seed).hasSize(1);
                Matcher estimate = ESTIMATE.matcher(warnings.get(0));
                assertThat(warnings.get(0)).startsWith("warm-up too short");
                assertThat(estimate.find()).isTrue();
                assertThat(Double.parseDouble(estimate.group(1))).as(warnings.get(0)).isGreaterThanOrEqualTo(250);
            }
        }
    }

    @Test
    void aWarmupPastTheBacklogGetsNoWarning() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(runner.run(backlogQueue(600, seed)).warnings()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void replicationsAveragedTogetherShowTheBacklog() {
        Experiments experiments = new Experiments(Algorithms.standard(), 2, Progress.NONE);
        assertThat(experiments.replicate(backlogQueue(0, 1), 5).warnings()).singleElement().asString()
                .startsWith("warm-up too short");
        assertThat(experiments.replicate(lightQueue(1), 5).warnings()).isEmpty();
    }

    @Test
    void aQueueThatNeverSettlesIsWarnedOf() {
        // 1.5 requests per second of 1 s work on one worker: the queue grows all run long.
        for (long seed = 1; seed <= 3; seed++) {
            Scenario unstable = TestScenarios.scenario().duration(2000, 0).seed(seed).poissonClient("users", 1.5, 1.0)
                    .server("s1", 1, ServerSpec.UNLIMITED_QUEUE).build();
            assertThat(runner.run(unstable).warnings()).as("seed %d", seed)
                    .anyMatch(warning -> warning.startsWith("the latency does not settle"));
        }
    }

    @Test
    void aLoadChangedOnPurposeHasNoSteadyStateToCheck() {
        Scenario steady = lightQueue(1);
        assertThat(WarmupCheck.hasSteadyState(steady)).isTrue();
        Scenario rush = TestScenarios.scenario().duration(600, 0).poissonClient("users", 10, 0.01)
                .server("s1", 1, ServerSpec.UNLIMITED_QUEUE).event(new EventSpec.SetRate(300, "users", 60)).build();
        assertThat(WarmupCheck.hasSteadyState(rush)).isFalse();
        assertThat(WarmupCheck.hasSteadyState(ScenarioFiles.load(ScenarioFiles.DIRECTORY.resolve("autoscaling.yaml")))).isFalse();
    }
}
