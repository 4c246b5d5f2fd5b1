package org.lbsim.cluster;

import org.lbsim.metrics.TimeWeightedValue;

/**
 * The time the balancer spends with fewer usable backends than its
 * {@code minimumHealthyTargets}, over the measured window, for the results.
 */
final class HealthyMinimum {

    private final int minimum;
    /** 1 while below the minimum, else 0: its integral is the time below. */
    private final TimeWeightedValue below = new TimeWeightedValue(0);

    HealthyMinimum(int minimum) {
        this.minimum = minimum;
    }

    /** The balancer can now use {@code usable} backends. */
    void usable(double now, int usable) {
        below.set(now, usable < minimum ? 1 : 0);
    }

    void startWindow(double now) {
        below.startWindow(now);
    }

    /** Seconds of the measured window spent below the minimum, up to {@code now}. */
    double secondsBelow(double now) {
        return below.mean(now) * (now - below.windowStart());
    }
}
