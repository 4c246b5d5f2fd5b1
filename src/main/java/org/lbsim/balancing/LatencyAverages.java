package org.lbsim.balancing;

import java.util.Arrays;

/**
 * Per-backend moving averages of the latency the balancer measured, weighted by time as
 * Finagle's {@code PeakEwma} does: an observation {@code Δt} after the previous one weighs
 * {@code 1 − exp(−Δt/τ)}, so τ (the decay) is how long the average remembers. Kept by backend
 * id, so a backend that leaves and returns keeps what was measured.
 *
 * <p>A backend never measured has average 0: when idle it is tried first, and when it already
 * has requests outstanding {@link #load} gives it a penalty, so it is not flooded before its
 * first answer (Finagle's {@code Penalty}).
 */
final class LatencyAverages {

    /** Larger than any latency times any outstanding count a run can produce. */
    private static final double PENALTY = 1e12;

    private final double decay;
    private final boolean peak;
    private double[] average = new double[0];
    private double[] stamp = new double[0];

    /**
     * @param decay τ, in seconds
     * @param peak  Finagle's peak sensitivity: a latency above the average replaces it at once,
     *              and the average also decays towards 0 while nothing is measured
     */
    LatencyAverages(double decay, boolean peak) {
        this.decay = decay;
        this.peak = peak;
    }

    /** Records a measured latency; NaN (no answer) is ignored. */
    void observe(int id, double latency, double now) {
        if (Double.isNaN(latency)) return;
        grow(id);
        double old = average[id];
        double w = Math.exp(-Math.max(now - stamp[id], 0) / decay);
        // With peak sensitivity the average has decayed towards 0 since it was last set.
        double current = peak ? old * w : old;
        if (latency > current && (peak || old == 0)) {
            average[id] = latency;
        } else {
            average[id] = old * w + latency * (1 - w);
        }
        stamp[id] = now;
    }

    /**
     * The average now: with peak sensitivity, decayed since the last observation, as Finagle
     * reads it. A pure read: unlike Finagle's, which stores the decayed value (an observation of
     * 0), it changes nothing, so that looking at a backend does not change what later
     * observations make of its average.
     */
    double average(int id, double now) {
        if (id >= average.length) return 0;
        if (!peak) return average[id];
        return average[id] * Math.exp(-Math.max(now - stamp[id], 0) / decay);
    }

    /** Finagle's load of a backend: average × (outstanding + 1), or the penalty while never measured but busy. */
    static double load(double average, int outstanding) {
        if (average == 0 && outstanding > 0) return PENALTY + outstanding;
        return average * (outstanding + 1);
    }

    private void grow(int id) {
        if (id < average.length) return;
        int size = Math.max(id + 1, average.length * 2);
        average = Arrays.copyOf(average, size);
        stamp = Arrays.copyOf(stamp, size);
    }
}
