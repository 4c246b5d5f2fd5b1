package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * A window summarizes its responses exactly as a recorder that recorded the same ones, and the
 * run's recorder behind it gets exactly the counted ones: whether the window keeps them as
 * values or has moved them into histograms, and window after window.
 */
class LatencyWindowTest {

    private static final int[] SIZES = {0, 1, 2, 7, 1_000, LatencyWindow.KEPT, LatencyWindow.KEPT + 1, 20_000};

    @Test
    void aWindowSummarizesAsARecorderOfTheSameResponses() {
        SplittableRandom random = new SplittableRandom(21);
        List<DoubleSupplier> shapes = List.of(
                () -> -Math.log(1 - random.nextDouble()) * 0.02,               // exponential, 20 ms
                () -> 0.0001 / Math.pow(1 - random.nextDouble(), 1 / 1.2),     // Pareto: a heavy tail
                () -> random.nextInt(10) == 0 ? 30 : 1e-9 * random.nextInt(3), // far-apart clusters, sub-ns values
                () -> 5e9,                                                     // sums past a long of nanoseconds
                () -> 0.25);                                                   // one value
        LatencyWindow window = new LatencyWindow(new LatencyRecorder()); // reused, as a time series does
        for (DoubleSupplier shape : shapes) {
            for (int n : SIZES) {
                LatencyRecorder recorder = new LatencyRecorder();
                for (int i = 0; i < n; i++) {
                    double seconds = shape.getAsDouble();
                    recorder.record(seconds);
                    window.record(seconds, random.nextInt(4) > 0);
                }
                assertThat(window.summary()).as("%d responses", n).isEqualTo(recorder.summaryWithoutDistribution());
                window.clear();
            }
        }
    }

    @Test
    void theRunGetsExactlyTheCountedResponsesWindowAfterWindow() {
        SplittableRandom random = new SplittableRandom(8);
        LatencyRecorder run = new LatencyRecorder();
        LatencyWindow window = new LatencyWindow(run);
        LatencyRecorder counted = new LatencyRecorder();
        for (int n : SIZES) {
            for (int i = 0; i < n; i++) {
                double seconds = -Math.log(1 - random.nextDouble()) * 0.01;
                boolean isCounted = random.nextInt(3) > 0;
                window.record(seconds, isCounted);
                if (isCounted) counted.record(seconds);
            }
            // Read mid-window, as the results of a run are, and after the window has closed.
            assertThat(window.runSummary()).as("open window of %d", n).isEqualTo(counted.summary());
            window.clear();
            assertThat(window.runSummary()).as("closed window of %d", n).isEqualTo(counted.summary());
        }
        assertThat(run.summary()).isEqualTo(counted.summary());
    }

    @Test
    void aSummaryLeavesTheWindowOpenForMoreResponses() {
        SplittableRandom random = new SplittableRandom(5);
        LatencyWindow window = new LatencyWindow(new LatencyRecorder());
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 3 * LatencyWindow.KEPT; i++) {
            double seconds = random.nextDouble();
            window.record(seconds, i % 2 == 0);
            recorder.record(seconds);
            if (i % 500 == 0) assertThat(window.summary()).isEqualTo(recorder.summaryWithoutDistribution());
        }
        assertThat(window.summary()).isEqualTo(recorder.summaryWithoutDistribution());
    }

    @Test
    void aClearedWindowIsEmpty() {
        LatencyWindow window = new LatencyWindow(new LatencyRecorder());
        for (int i = 0; i < LatencyWindow.KEPT + 10; i++) window.record(0.001 * i, true);
        window.clear();
        assertThat(window.summary()).isEqualTo(LatencySummary.EMPTY);
        window.record(0.5, false);
        LatencyRecorder one = new LatencyRecorder();
        one.record(0.5);
        assertThat(window.summary()).isEqualTo(one.summaryWithoutDistribution());
    }
}
