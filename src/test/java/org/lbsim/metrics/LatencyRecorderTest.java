package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A recorder built by adding others equals one that recorded everything itself, to the last
 * bit; its percentiles are HdrHistogram's, and its quantiles those of a walk over every bucket.
 */
class LatencyRecorderTest {

    @Test
    void addingWindowsGivesExactlyTheSummaryOfRecordingOnce() {
        SplittableRandom random = new SplittableRandom(7);
        LatencyRecorder whole = new LatencyRecorder();
        LatencyRecorder total = new LatencyRecorder();
        LatencyRecorder window = new LatencyRecorder();
        for (int i = 0; i < 100_000; i++) {
            double seconds = -Math.log(1 - random.nextDouble()) * 0.05;
            whole.record(seconds);
            window.record(seconds);
            if (i % 997 == 0) { // windows of uneven size, as sample intervals give
                total.add(window);
                window.reset();
            }
        }
        total.add(window);
        assertThat(total.count()).isEqualTo(whole.count());
        assertThat(total.summary()).isEqualTo(whole.summary());
    }

    @Test
    void aResponseIsRoundedToTheNearestNanosecondAndCountsAtLeastOne() {
        double[][] secondsAndNanos = {{0, 1}, {0.3e-9, 1}, {0.5e-9, 1}, {1.4999e-9, 1}, {1.5e-9, 2}, {2.5e-9, 3},
                {0.0015, 1_500_000}, {7.25, 7_250_000_000L}};
        for (double[] pair : secondsAndNanos) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorder.record(pair[0]);
            assertThat(recorder.summary().mean()).as("%s s", pair[0]).isEqualTo(pair[1] / 1e9);
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) { // as Math.round does, over responses of 1 ns to 100 s
            double seconds = Math.pow(10, -9 + 11 * random.nextDouble());
            LatencyRecorder recorder = new LatencyRecorder();
            recorder.record(seconds);
            assertThat(recorder.summary().mean()).isEqualTo(Math.max(1, Math.round(seconds * 1e9)) / 1e9);
        }
    }

    @Test
    void theMeanStaysExactPastALongOfNanoseconds() {
        // Three responses of 5e9 s: 1.5e19 ns, more than a long holds (9.2e18).
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 3; i++) recorder.record(5e9);
        assertThat(recorder.summary().mean()).isEqualTo(5e9);
    }

    @Test
    void percentilesAndQuantilesAreThoseOfAWalkOverEveryBucket() {
        SplittableRandom random = new SplittableRandom(13);
        List<DoubleSupplier> shapes = List.of(
                () -> -Math.log(1 - random.nextDouble()) * 0.001,               // exponential, 1 ms
                () -> 0.0001 / Math.pow(1 - random.nextDouble(), 1 / 1.2),     // Pareto: a heavy tail
                () -> random.nextInt(10) == 0 ? 30 : 1e-9 * random.nextInt(3), // two far-apart clusters, sub-ns values
                () -> 0.25);                                                   // one value
        for (DoubleSupplier shape : shapes) {
            for (int n : new int[] {1, 2, 7, 1_000, 50_000}) {
                LatencyRecorder recorder = new LatencyRecorder();
                Histogram histogram = new Histogram(3);
                for (int i = 0; i < n; i++) {
                    double seconds = shape.getAsDouble();
                    recorder.record(seconds);
                    histogram.recordValue(Math.max(1, Math.round(seconds * 1e9)));
                }
                LatencySummary summary = recorder.summary();
                assertThat(new double[] {summary.p50(), summary.p90(), summary.p95(), summary.p99(), summary.p999()})
                        .containsExactly(percentile(histogram, 50), percentile(histogram, 90), percentile(histogram, 95),
                                percentile(histogram, 99), percentile(histogram, 99.9));
                LatencySummary percentilesOnly = recorder.summaryWithoutDistribution();
                assertThat(percentilesOnly.distribution().isEmpty()).isTrue();
                assertThat(new double[] {percentilesOnly.mean(), percentilesOnly.p50(), percentilesOnly.p90(),
                        percentilesOnly.p95(), percentilesOnly.p99(), percentilesOnly.p999(), percentilesOnly.max()})
                        .containsExactly(summary.mean(), summary.p50(), summary.p90(), summary.p95(), summary.p99(),
                                summary.p999(), summary.max());
                List<Double> quantiles = summary.distribution().points().stream().map(LatencyDistribution.Point::seconds).toList();
                assertThat(quantiles).isEqualTo(walkedQuantiles(histogram));
            }
        }
    }

    private static double percentile(Histogram histogram, double percent) {
        return histogram.getValueAtPercentile(percent) / 1e9;
    }

    /** The quantile grid by the recorder's rank rule, walking the histogram one bucket at a time. */
    private static List<Double> walkedQuantiles(Histogram histogram) {
        List<Double> quantiles = new ArrayList<>();
        for (double probability : LatencyDistribution.PROBABILITIES) {
            double nudged = Math.min(Math.max(Math.nextAfter(probability, Double.NEGATIVE_INFINITY), 0), 1);
            long rank = Math.max(1, (long) Math.ceil(nudged * histogram.getTotalCount()));
            long cumulative = 0;
            for (long value = histogram.getMinValue(); ; value = histogram.nextNonEquivalentValue(value)) {
                cumulative += histogram.getCountAtValue(value);
                if (cumulative >= rank) {
                    quantiles.add(histogram.highestEquivalentValue(value) / 1e9);
                    break;
                }
            }
        }
        return quantiles;
    }
}
