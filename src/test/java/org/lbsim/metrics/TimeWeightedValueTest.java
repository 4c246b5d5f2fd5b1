package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window's mean starts at the warm-up; the integral since time 0 does not lose the span across it. */
class TimeWeightedValueTest {

    @Test
    void theLifetimeIntegralCountsTheSpanAcrossTheWindowsStart() {
        TimeWeightedValue busy = new TimeWeightedValue(0);
        busy.set(10, 2);          // 2 from t = 10
        busy.startWindow(25);     // warm-up ends while the value is 2
        busy.set(40, 1);          // 1 from t = 40
        // 2 × (40 − 10) + 1 × (50 − 40) = 70, warm-up or not.
        assertThat(busy.integral(50)).isEqualTo(70);
        // The window's mean covers 25..50 only: (2 × 15 + 1 × 10) / 25.
        assertThat(busy.mean(50)).isEqualTo(40.0 / 25);
    }
}
