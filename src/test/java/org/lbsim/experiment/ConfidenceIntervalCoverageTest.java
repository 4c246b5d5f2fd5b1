package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.support.TestScenarios;
import org.lbsim.theory.Queues;

/** The 95% intervals lbsim reports contain the true mean about 95% of the time. */
class ConfidenceIntervalCoverageTest {

    /** ρ = 0.3: light enough that each run's mean is nearly normal, as the t interval assumes. */
    private static final double LAMBDA = 0.3;
    private static final double MU = 1.0;

    /** M/M/1 behind the balancer: one single-worker server with an unlimited queue. */
    private static Scenario mm1(long seed) {
        return TestScenarios.scenario().seed(seed).duration(2000, 200)
                .poissonClient("users", LAMBDA, 1 / MU).server("s1", 1, ServerSpec.UNLIMITED_QUEUE).build();
    }

    @Test
    void theIntervalOfMeanLatencyCoversTheTheoreticalMeanIn90To99PercentOfExperiments() {
        Experiments experiments = new Experiments(Algorithms.standard(), Runtime.getRuntime().availableProcessors(),
                Progress.NONE);
        double truth = Queues.mm1ResponseTime(LAMBDA, MU);
        Metric latency = Metric.find("latency.mean").orElseThrow();
        int covered = 0;
        for (int experiment = 1; experiment <= 100; experiment++) {
            Replicated result = experiments.replicate(mm1(1000L * experiment), 10);
            Estimate estimate = result.estimate(latency);
            if (estimate.lower() <= truth && truth <= estimate.upper()) covered++;
        }
        assertThat(covered).isBetween(90, 99);
    }
}
