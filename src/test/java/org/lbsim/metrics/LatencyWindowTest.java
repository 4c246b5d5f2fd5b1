package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * A window summarizes its responses exactly as a recorder that recorded the same ones: whether
 * it keeps them as values or has moved them into a histogram, and window after window.
 */
class LatencyWindowTest {

    @Test
    void aWindowSummarizesAsARecorderOfTheSameResponses() {
        SplittableRandom random = new SplittableRandom(21);
        List<DoubleSupplier> shapes = List.of(
                () -> -Math.log(1 - random.nextDouble()) * 0.02,               // exponential, 20 ms
                () -> 0.0001 / Math.pow(1 - random.nextDouble(), 1 / 1.2),     // Pareto: a heavy tail
                () -> random.nextInt(10) == 0 ? 30 : 1e-9 * random.nextInt(3), // far-apart clusters, sub-ns values
                () -> 5e9,                                                     // sums past a long of nanoseconds
                () -> 0.25);                                                   // one value
        LatencyWindow window = new LatencyWindow(); // one window reused, as a time series does
        for (DoubleSupplier shape : shapes) {
            for (int n : new int[] {0, 1, 2, 7, 63, 64, 65, 1_000, LatencyWindow.KEPT, LatencyWindow.KEPT + 1, 20_000}) {
                LatencyRecorder recorder = new LatencyRecorder();
                window.clear();
                for (int i = 0; i < n; i++) {
                    double seconds = shape.getAsDouble();
                    recorder.record(seconds);
                    window.record(seconds);
                }
                assertThat(window.summary()).as("%d responses", n).isEqualTo(recorder.summaryWithoutDistribution());
            }
        }
    }

    @Test
    void aSummaryLeavesTheWindowOpenForMoreResponses() {
        SplittableRandom random = new SplittableRandom(5);
        LatencyWindow window = new LatencyWindow();
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 3 * LatencyWindow.KEPT; i++) {
            double seconds = random.nextDouble();
            window.record(seconds);
            recorder.record(seconds);
            if (i % 500 == 0) assertThat(window.summary()).isEqualTo(recorder.summaryWithoutDistribution());
        }
        assertThat(window.summary()).isEqualTo(recorder.summaryWithoutDistribution());
    }

    @Test
    void aClearedWindowIsEmpty() {
        LatencyWindow window = new LatencyWindow();
        for (int i = 0; i < LatencyWindow.KEPT + 10; i++) window.record(0.001 * i);
        window.clear();
        assertThat(window.summary()).isEqualTo(LatencySummary.EMPTY);
        window.record(0.5);
        LatencyRecorder one = new LatencyRecorder();
        one.record(0.5);
        assertThat(window.summary()).isEqualTo(one.summaryWithoutDistribution());
    }
}
