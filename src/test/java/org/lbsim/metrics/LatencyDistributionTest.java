package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {

    private static LatencySummary exponential(long seed, double mean) {
        Random random = new Random(seed);
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 100_000; i++) recorder.record(-mean * Math.log(1 - random.nextDouble()));
        return recorder.summary();
    }

    private static double quantile(LatencyDistribution distribution, double probability) {
        return distribution.points().stream().filter(p -> Math.abs(p.probability() - probability) < 1e-9)
                .findFirst().orElseThrow().seconds();
    }

    @Test
    void quantilesAgreeWithTheSummarysPercentiles() {
        LatencySummary summary = exponential(1, 0.02);
        assertThat(quantile(summary.distribution(), 0.5)).isEqualTo(summary.p50());
        assertThat(quantile(summary.distribution(), 0.95)).isEqualTo(summary.p95());
        assertThat(quantile(summary.distribution(), 0.99)).isEqualTo(summary.p99());
        // The exponential's median is mean × ln 2.
        assertThat(summary.p50()).isCloseTo(0.02 * Math.log(2), within(0.0005));
    }

    @Test
    void theCdfRises() {
        List<LatencyDistribution.Point> points = exponential(2, 0.02).distribution().points();
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).seconds()).isGreaterThanOrEqualTo(points.get(i - 1).seconds());
            assertThat(points.get(i).probability()).isGreaterThan(points.get(i - 1).probability());
        }
    }

    @Test
    void theAverageLiesBetweenItsParts() {
        LatencyDistribution fast = exponential(3, 0.01).distribution();
        LatencyDistribution slow = exponential(4, 0.03).distribution();
        LatencyDistribution average = LatencyDistribution.average(List.of(fast, slow, LatencyDistribution.EMPTY));
        assertThat(quantile(average, 0.5)).isCloseTo((quantile(fast, 0.5) + quantile(slow, 0.5)) / 2, within(1e-12));
        assertThat(LatencyDistribution.EMPTY.isEmpty()).isTrue();
        assertThat(new LatencyRecorder().summary()).isEqualTo(LatencySummary.EMPTY);
    }
}
