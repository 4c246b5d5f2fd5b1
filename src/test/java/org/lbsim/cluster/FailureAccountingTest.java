package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.LiveRun;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;
import org.lbsim.support.Replications;

/** What failures cost and how long they take to notice, checked against their definitions. */
class FailureAccountingTest {

    private static final double INTERVAL = 10;
    private static final double TIMEOUT = 4;
    private static final int UNHEALTHY = 3;

    @Test
    void detectionTimeStaysWithinTheThresholdsForManyRandomFailureTimes() {
        SplittableRandom times = new SplittableRandom(2026);
        for (int i = 0; i < 60; i++) {
            double failAt = 100 + times.nextDouble() * 200;
            var scenario = scenario().duration(600, 0).seed(i)
                    .healthCheck(new HealthCheckSpec(80, INTERVAL, TIMEOUT, 2, UNHEALTHY))
                    .poissonClient("users", 5, 0.01)
                    .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                    .server("b", 1, ServerSpec.UNLIMITED_QUEUE, List.of(new FailureSpec.Scheduled(failAt, 200)))
                    .build();
            RunResult result = new Runner(Algorithms.standard()).run(scenario);
            double detected = result.failures().get(0).detectedAfterSeconds();
            // The bounds: [(u − 1) × interval, u × interval + timeout].
            assertThat(detected).as("failure at %.2f s", failAt)
                    .isBetween((UNHEALTHY - 1) * INTERVAL, UNHEALTHY * INTERVAL + TIMEOUT);
        }
    }

    @Test
    void aCrashLosesExactlyWhatTheInstanceHeld() {
        var scenario = scenario().algorithm("round-robin").duration(400, 0)
                .poissonClient("users", 30, 0.1) // 3 s of work per second on 2 × 2 workers: queues form
                .server("a", 2, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 2, ServerSpec.UNLIMITED_QUEUE)
                .build();
        LiveRun run = new LiveRun(scenario, Algorithms.standard());
        run.advanceTo(200);
        var before = run.latest().servers().get(1);
        int held = before.busy() + before.queued();
        assertThat(held).isPositive();
        run.control(c -> c.fail("b"));
        run.advanceTo(200); // applies the crash at 200 s, nothing else happens
        var after = run.latest().servers().get(1);
        assertThat(after.lost() - before.lost()).isEqualTo(held);
        assertThat(after.busy() + after.queued()).isZero();
    }

    @Test
    void upFractionUnderRandomOutagesMatchesMtbfOverMtbfPlusMttr() {
        double mtbf = 100;
        double mttr = 20;
        var scenario = scenario().duration(50_000, 0)
                .poissonClient("users", 1, 0.01)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE, List.of(new FailureSpec.Random(mtbf, mttr)))
                .build();
        var estimate = Replications.estimate(scenario, 10, r -> r.servers().get(0).upFraction());
        double expected = mtbf / (mtbf + mttr);
        assertThat(estimate.errorsFrom(expected)).isLessThan(4);
        assertThat(estimate.halfWidth()).isLessThan(0.01);
    }
}
