package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.support.TestScenarios;

/** Comparing on the same random numbers gives narrower intervals for the difference. */
class CommonRandomNumbersTest {

    private static final int REPLICATIONS = 10;
    private final Metric latency = Metric.find("latency.mean").orElseThrow();

    @Test
    void pairedHalfWidthOfRoundRobinVersusLeastConnectionsIsSmallerThanTheUnpairedOne() {
        Scenario scenario = TestScenarios.scenario().duration(2000, 200).poissonClient("users", 1.6, 1.0)
                .server("s1", 1, ServerSpec.UNLIMITED_QUEUE).server("s2", 1, ServerSpec.UNLIMITED_QUEUE).build();
        List<Replicated> results = new Experiments(Algorithms.standard(), 2, Progress.NONE)
                .compare(scenario, List.of("round-robin", "least-connections"), REPLICATIONS);

        Estimate paired = results.get(1).comparison().orElseThrow().difference().get(latency.name());
        double unpaired = unpairedHalfWidth(results.get(0), results.get(1));

        assertThat(results.get(1).comparison().orElseThrow().versus()).isEqualTo("round-robin");
        assertThat(paired.halfWidth95()).isPositive().isLessThan(unpaired);
        // Least connections waits less at ρ = 0.8: the paired interval says so with confidence.
        assertThat(paired.mean()).isNegative();
        assertThat(paired.excludesZero()).isTrue();
    }

    @Test
    void replicationIOfEveryAlgorithmSeesTheSameArrivals() {
        Scenario scenario = TestScenarios.scenario().duration(200, 20).poissonClient("users", 1.6, 1.0)
                .server("s1", 1, 50).server("s2", 1, 50).build();
        List<Replicated> results = new Experiments(Algorithms.standard(), 2, Progress.NONE)
                .compare(scenario, List.of("round-robin", "random", "least-connections"), 3);
        for (int i = 0; i < 3; i++) {
            long offered = results.get(0).runs().get(i).requests().offered();
            for (Replicated result : results) assertThat(result.runs().get(i).requests().offered()).isEqualTo(offered);
        }
        assertThat(results.get(0).runs().get(0).requests().offered())
                .isNotEqualTo(results.get(0).runs().get(1).requests().offered());
    }

    /** The two-sample t interval, as if the algorithms had run on independent random numbers. */
    private double unpairedHalfWidth(Replicated first, Replicated second) {
        SummaryStatistics a = new SummaryStatistics();
        SummaryStatistics b = new SummaryStatistics();
        first.runs().forEach(run -> a.addValue(latency.of(run)));
        second.runs().forEach(run -> b.addValue(latency.of(run)));
        double standardError = Math.sqrt(a.getVariance() / REPLICATIONS + b.getVariance() / REPLICATIONS);
        return Estimate.tQuantile975(2 * REPLICATIONS - 2) * standardError;
    }
}
