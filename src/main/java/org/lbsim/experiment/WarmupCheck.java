package org.lbsim.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.Mser;
import org.lbsim.metrics.TimeSeries;

/**
 * Checks a scenario's {@code warmup} against MSER-5 on the mean latency per sample interval,
 * averaged over the replications (averaging damps the noise that would hide the transient), with
 * a minimum effect so that one run's noise is not taken for a transient (see {@link Mser}).
 */
final class WarmupCheck {

    private WarmupCheck() {
    }

    /**
     * Whether the scenario has a steady state to warm up to. A client whose rate follows a
     * schedule or a daily cycle, a {@code set-rate} event, or a replayed trace, changes the load on
     * purpose, so no warm-up would end the change, and MSER would only report the schedule back.
     */
    static boolean hasSteadyState(Scenario scenario) {
        // A scripted change of a client's rate is a schedule written as events.
        if (scenario.events().stream().anyMatch(event -> event instanceof EventSpec.SetRate)) return false;
        for (ClientSpec client : scenario.clients()) {
            if (client.arrivals() instanceof ArrivalSpec.Trace) return false;
            if (client.arrivals() instanceof ArrivalSpec.Poisson poisson && !(poisson.schedule() instanceof RateSchedule.Fixed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A warning when the warm-up looks too short, or when the latency never settles; empty
     * otherwise. MSER-5 looks at what the run measures, the intervals from the warm-up on, and
     * only a transient that {@linkplain Mser.Truncation#matters() matters} is reported: one that
     * moves the mean latency by more than a small share of it and more than its noise.
     */
    static Optional<String> warning(Scenario scenario, List<TimeSeries> replications) {
        return warning(scenario.warmup(), hasSteadyState(scenario), replications.stream().map(LatencySeries::of).toList());
    }

    /**
     * The same check on the mean latency per interval of each replication, which is all it reads:
     * what a campaign stores of every run, so that its report makes the same check.
     *
     * @param steadyState whether the scenario has one ({@link #hasSteadyState})
     */
    static Optional<String> warning(double warmup, boolean steadyState, List<LatencySeries> replications) {
        if (replications.isEmpty() || !steadyState) return Optional.empty();
        double[] starts = replications.get(0).starts();
        // The first interval wholly after the warm-up: one that straddles it holds requests not measured.
        int first = 0;
        while (first < starts.length && starts[first] < warmup) first++;
        List<double[]> means = replications.stream().map(LatencySeries::means).toList();
        double[] series = new double[starts.length - first];
        for (int i = 0; i < series.length; i++) {
            double sum = 0;
            int count = 0;
            for (double[] run : means) {
                double mean = run[first + i];
                if (!Double.isNaN(mean)) {
                    sum += mean;
                    count++;
                }
            }
            series[i] = count == 0 ? Double.NaN : sum / count;
        }
        Mser.Truncation truncation = Mser.truncation(series);
        if (truncation.observations() == 0 || !truncation.matters()) return Optional.empty();
        if (!truncation.settled()) {
            return Optional.of("the latency does not settle within the first half of the run (MSER-5): the figures "
                    + "are not steady-state ones; lengthen the run, or check that the load is sustainable");
        }
        double estimate = starts[first + truncation.observations()];
        return Optional.of(String.format(Locale.ROOT, "warm-up too short: MSER-5 on the latency series puts the end of "
                + "the initial transient at %.1f s, after the scenario's warmup of %.1f s, and the transient moves the "
                + "measured mean latency by %.0f%%; set warmup to %.1f s or more", estimate, warmup,
                100 * truncation.relativeChange(), estimate));
    }
}
