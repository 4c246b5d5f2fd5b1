package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A recorder built by adding others equals one that recorded everything itself, to the last bit. */
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
    void theMeanStaysExactPastALongOfNanoseconds() {
        // Three responses of 5e9 s: 1.5e19 ns, more than a long holds (9.2e18).
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 3; i++) recorder.record(5e9);
        assertThat(recorder.summary().mean()).isEqualTo(5e9);
    }
}
