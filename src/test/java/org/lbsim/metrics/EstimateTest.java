package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void halfWidthIsStudentTTimesTheStandardError() {
        // Mean 3, sample variance 2.5, standard error sqrt(2.5/5); t(4, 0.975) = 2.7764451.
        Estimate estimate = Estimate.of(new double[] {1, 2, 3, 4, 5});
        assertThat(estimate.mean()).isEqualTo(3.0);
        assertThat(estimate.halfWidth95()).isCloseTo(2.7764451 * Math.sqrt(2.5 / 5), within(1e-6));
        assertThat(estimate.count()).isEqualTo(5);
    }

    @Test
    void oneValueHasNoInterval() {
        Estimate estimate = Estimate.of(new double[] {7});
        assertThat(estimate.mean()).isEqualTo(7.0);
        assertThat(estimate.halfWidth95()).isNaN();
        assertThat(estimate.excludesZero()).isFalse();
    }

    @Test
    void aMissingValueMakesTheEstimateMissing() {
        assertThat(Estimate.of(new double[] {1, Double.NaN, 3}).mean()).isNaN();
    }

    @Test
    void excludesZeroOnlyWhenTheIntervalDoes() {
        assertThat(new Estimate(1.0, 0.5, 10).excludesZero()).isTrue();
        assertThat(new Estimate(-1.0, 0.5, 10).excludesZero()).isTrue();
        assertThat(new Estimate(0.4, 0.5, 10).excludesZero()).isFalse();
        assertThat(new Estimate(2.0, 0.5, 10).relativeHalfWidth()).isEqualTo(0.25);
    }
}
