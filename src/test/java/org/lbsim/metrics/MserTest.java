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
        assertThat(truncation.matters()).isTrue();
    }

    @Test
    void keepsAStationarySeriesWhole() {
        double[] series = new double[1000];
        for (int i = 0; i < series.length; i++) series[i] = 1 + 0.2 * random.nextGaussian();
        Mser.Truncation truncation = Mser.truncation(series);
        assertThat(truncation.settled()).isTrue();
        assertThat(truncation.observations()).isLessThan(100);
        assertThat(truncation.matters()).isFalse();
    }

    @Test
    void saysWhenASeriesNeverSettles() {
        double[] series = new double[1000];
        for (int i = 0; i < series.length; i++) series[i] = i + random.nextGaussian();
        Mser.Truncation truncation = Mser.truncation(series);
        assertThat(truncation.settled()).isFalse();
        assertThat(truncation.matters()).isTrue();
    }

    @Test
    void skipsIntervalsWithNoObservation() {
        double[] series = new double[500];
        for (int i = 0; i < series.length; i++) series[i] = i % 7 == 0 ? Double.NaN : 1 + 0.1 * random.nextGaussian();
        assertThat(Mser.truncation(series).settled()).isTrue();
    }

    /**
     * An M/M/1 queue started in its stationary distribution has no transient at all, so any
     * cut MSER makes is noise; at light and moderate loads it never matters.
     */
    @Test
    void aQueueStartedInItsSteadyStateHasNoTransientThatMatters() {
        for (double rho : new double[] {0.1, 0.5, 0.7}) {
            for (long seed = 1; seed <= 20; seed++) {
                Mser.Truncation truncation = Mser.truncation(mm1(rho, 6000, Start.STATIONARY, 0, seed));
                assertThat(truncation.matters()).as("rho %s, seed %d: %s", rho, seed, truncation).isFalse();
            }
        }
    }

    /**
     * Started empty at ρ = 0.1 a queue reaches its steady state within a few services (its
     * relaxation time is 1/(μ(1 − √ρ)²), about 2 services), which no sample interval can show.
     */
    @Test
    void aLightlyLoadedQueueStartedEmptyHasNoTransientThatMatters() {
        for (long seed = 1; seed <= 20; seed++) {
            Mser.Truncation truncation = Mser.truncation(mm1(0.1, 6000, Start.EMPTY, 0, seed));
            assertThat(truncation.matters()).as("seed %d: %s", seed, truncation).isFalse();
        }
    }

    /**
     * A queue started with W₀ seconds of work waiting drains it at 1 − ρ seconds per second on
     * average: the transient lasts about W₀/(1 − ρ), and every seed shows it, cut no earlier than
     * half of it.
     */
    @Test
    void aDrainingBacklogIsATransientThatMatters() {
        double[][] cases = {{0.5, 6000, 100}, {0.7, 6000, 150}, {0.9, 20000, 400}};
        for (double[] c : cases) {
            double rho = c[0];
            double duration = c[1];
            double backlog = c[2];
            double drain = backlog / (1 - rho);
            for (long seed = 1; seed <= 10; seed++) {
                Mser.Truncation truncation = Mser.truncation(mm1(rho, duration, Start.BACKLOG, backlog, seed));
                assertThat(truncation.matters()).as("rho %s, seed %d: %s", rho, seed, truncation).isTrue();
                assertThat(truncation.settled()).isTrue();
                assertThat(truncation.observations() * duration / INTERVALS).isGreaterThanOrEqualTo(drain / 2);
            }
        }
    }

    private static final int INTERVALS = 600;

    private enum Start { EMPTY, STATIONARY, BACKLOG }

    /**
     * The mean response time of an M/M/1 queue (μ = 1, λ = ρ) per interval of its completions,
     * {@value #INTERVALS} intervals over {@code duration} service times, by Lindley's recursion:
     * each arrival waits what the one before it waited and served, less the time between them.
     */
    private static double[] mm1(double rho, double duration, Start start, double backlog, long seed) {
        Random random = new Random(seed);
        double wait = switch (start) {
            case EMPTY -> 0;
            // The stationary wait: none with probability 1 − ρ, else exponential with rate μ − λ.
            case STATIONARY -> random.nextDouble() < rho ? exponential(random, 1 - rho) : 0;
            case BACKLOG -> backlog;
        };
        double[] sums = new double[INTERVALS];
        int[] counts = new int[INTERVALS];
        double width = duration / INTERVALS;
        double arrival = exponential(random, rho);
        while (arrival < duration) {
            double service = exponential(random, 1);
            double response = wait + service;
            int interval = (int) ((arrival + response) / width);
            if (interval < INTERVALS) {
                sums[interval] += response;
                counts[interval]++;
            }
            double gap = exponential(random, rho);
            wait = Math.max(0, wait + service - gap);
            arrival += gap;
        }
        double[] series = new double[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) series[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
        return series;
    }

    private static double exponential(Random random, double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }
}
