package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.engine.RandomStreams;

/**
 * The open arrival processes against their definitions: counts in windows have the mean (and,
 * for the MMPP, the variance) the theory gives. Tolerances are 4.5 standard deviations of the
 * count, so a correct process fails a window about once in 150,000.
 */
class ArrivalProcessesTest {

    private final RandomStreams streams = new RandomStreams(2026);

    private ArrivalProcess process(ArrivalSpec.Open spec) {
        return ArrivalProcesses.of(spec, streams.stream("arrivals"), streams.stream("modulation"));
    }

    /** Arrivals counted in consecutive windows of {@code width} seconds up to {@code end}. */
    private static long[] counts(ArrivalProcess process, double width, double end) {
        long[] counts = new long[(int) Math.round(end / width)];
        double t = process.next(0);
        while (t < end) {
            counts[(int) (t / width)]++;
            t = process.next(t);
        }
        return counts;
    }

    /**
     * The expected count, ∫ rate: by the midpoint rule on 10,000 steps, exact for steps and ramps
     * (a jump on a window's edge is never sampled) and within 1e-8 relative for the cycle.
     */
    private static double integral(RateSchedule schedule, double from, double to) {
        int steps = 10_000;
        double h = (to - from) / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) sum += schedule.rateAt(from + (i + 0.5) * h);
        return sum * h;
    }

    private static void assertWindowsFollow(RateSchedule schedule, long[] counts, double width) {
        for (int i = 0; i < counts.length; i++) {
            double expected = integral(schedule, i * width, (i + 1) * width);
            assertThat((double) counts[i]).as("window %d", i)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * Math.sqrt(expected) + 1e-9));
        }
    }

    @Test
    void stepScheduleGivesEachWindowItsRate() {
        var schedule = new RateSchedule.Piecewise(List.of(new RateSchedule.Point(0, 100), new RateSchedule.Point(300, 400),
                new RateSchedule.Point(600, 50)), RateSchedule.Interpolation.STEP);
        long[] counts = counts(process(new ArrivalSpec.Poisson(schedule)), 100, 1000);
        assertWindowsFollow(schedule, counts, 100);
        assertThat(counts[0]).isCloseTo(10_000, org.assertj.core.data.Offset.offset(450L));
        assertThat(counts[4]).isCloseTo(40_000, org.assertj.core.data.Offset.offset(900L));
    }

    @Test
    void linearScheduleRampsBetweenPoints() {
        var schedule = new RateSchedule.Piecewise(List.of(new RateSchedule.Point(0, 0), new RateSchedule.Point(500, 500)),
                RateSchedule.Interpolation.LINEAR);
        long[] counts = counts(process(new ArrivalSpec.Poisson(schedule)), 50, 800);
        assertWindowsFollow(schedule, counts, 50);
        // The ramp: window 0 averages 25/s, window 9 averages 475/s, after 500 s it holds at 500/s.
        assertThat(counts[9]).isGreaterThan(15 * counts[0]);
    }

    @Test
    void dailyCycleSwingsBetweenTroughAndPeak() {
        var cycle = new RateSchedule.Cycle(20, 200, 300, 1000); // a "day" of 1000 s, peak at 300 s
        long[] counts = counts(process(new ArrivalSpec.Poisson(cycle)), 50, 2000);
        assertWindowsFollow(cycle, counts, 50);
        assertThat(cycle.rateAt(300)).isEqualTo(200);
        assertThat(cycle.rateAt(800)).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aScheduleThatFallsSilentStopsSending() {
        var schedule = new RateSchedule.Piecewise(List.of(new RateSchedule.Point(0, 50), new RateSchedule.Point(100, 0)),
                RateSchedule.Interpolation.STEP);
        ArrivalProcess process = process(new ArrivalSpec.Poisson(schedule));
        double t = 0;
        double last = 0;
        while ((t = process.next(t)) != Double.POSITIVE_INFINITY) last = t;
        assertThat(last).isLessThan(100).isGreaterThan(99);
    }

    /**
     * A two-state MMPP (Heffes and Lucantoni, 1986): rates λ1, λ2, leaving state 1 at rate r1
     * and state 2 at rate r2. The long-run rate is π1 λ1 + π2 λ2 with π1 = r2 / (r1 + r2), and the
     * index of dispersion of counts over a window t is
     * 1 + 2 π1 π2 (λ1 − λ2)² / (λ̄ γ) × (1 − (1 − e^(−γt)) / (γt)), γ = r1 + r2.
     */
    @Test
    void mmppHasTheStationaryRateAndTheTheoreticalDispersion() {
        double lambda1 = 5;
        double lambda2 = 50;
        double d1 = 3;
        double d2 = 0.5;
        var spec = new ArrivalSpec.Mmpp(List.of(new ArrivalSpec.MmppState(lambda1, d1), new ArrivalSpec.MmppState(lambda2, d2)));
        double r1 = 1 / d1;
        double r2 = 1 / d2;
        double gamma = r1 + r2;
        double pi1 = r2 / gamma;
        double pi2 = r1 / gamma;
        double mean = pi1 * lambda1 + pi2 * lambda2;
        assertThat(spec.rate()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));

        double window = 70; // 20 mean cycles, so that windows are nearly independent
        int windows = 2000;
        long[] counts = counts(process(spec), window, window * windows);
        SummaryStatistics statistics = new SummaryStatistics();
        for (long count : counts) statistics.addValue(count);
        double idc = 1 + 2 * pi1 * pi2 * (lambda1 - lambda2) * (lambda1 - lambda2) / (mean * gamma)
                * (1 - (1 - Math.exp(-gamma * window)) / (gamma * window));
        assertThat(idc).isGreaterThan(10); // bursty: far from Poisson's 1

        // The rate: the count's standard deviation per window is sqrt(idc × mean × window).
        double standardError = Math.sqrt(idc * mean * window / windows);
        assertThat(statistics.getMean() / window).isCloseTo(mean, org.assertj.core.data.Offset.offset(4 * standardError / window));
        // The dispersion: a sample variance over 2000 windows has a relative standard error of
        // about sqrt(2 / 2000) ≈ 3.2% for near-normal counts; 15% is over four of them.
        double measuredIdc = statistics.getVariance() / statistics.getMean();
        assertThat(measuredIdc).isCloseTo(idc, org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void mmppWithAnOffStateSendsNothingWhileOff() {
        var spec = new ArrivalSpec.Mmpp(List.of(new ArrivalSpec.MmppState(0, 10), new ArrivalSpec.MmppState(100, 10)));
        long[] counts = counts(process(spec), 1, 2000);
        long silentSeconds = java.util.Arrays.stream(counts).filter(c -> c == 0).count();
        // Half the time off; a second with no arrival while on happens with e^-100, never.
        assertThat((double) silentSeconds / counts.length).isBetween(0.35, 0.65);
    }
}
