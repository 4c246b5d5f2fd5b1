package org.lbsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MserTest {

    private final Random random = new Random(3);

    @Test
    void findsTheEndOfAnInitialTransient() {
        // 100 observations decaying from 11 to 1, then 900 of steady noise around 1.
        double[] series = new double[1000];
        for (int i = 0; i < series.length; i++) {
            double decay = i < 100 ? 10 * (1 - i / 100.0) : 0;
            series[i] = 1 + decay + 0.2 * random.nextGaussian();
        }
        Mser.Truncation truncation = Mser.truncation(series);
        assertThat(truncation.settled()).isTrue();
        assertThat(truncation.observations()).isBetween(60, 150).isEqualTo(truncation.observations() / 5 * 5);
    }

    @Test
    void keepsAStationarySeriesWhole() {
        double[] series = new double[1000];
        for (int i = 0; i < series.length; i++) series[i] = 1 + 0.2 * random.nextGaussian();
        Mser.Truncation truncation = Mser.truncation(series);
        assertThat(truncation.settled()).isTrue();
        assertThat(truncation.observations()).isLessThan(100);
    }

    @Test
    void saysWhenASeriesNeverSettles() {
        double[] series = new double[1000];
        for (int i = 0; i < series.length; i++) series[i] = i + random.nextGaussian();
        assertThat(Mser.truncation(series).settled()).isFalse();
    }

    @Test
    void skipsIntervalsWithNoObservation() {
        double[] series = new double[500];
        for (int i = 0; i < series.length; i++) series[i] = i % 7 == 0 ? Double.NaN : 1 + 0.1 * random.nextGaussian();
        assertThat(Mser.truncation(series).settled()).isTrue();
    }
}
