package org.lbsim.cluster;

import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.TimeWeightedValue;

/**
 * What a server measures of itself: the time integrals of its busy workers and of the requests
 * it holds, its completions, whether it was up, and the means these give over the measured
 * window.
 *
 * <p>{@link Server} extends this rather than holding one: every arrival and completion updates
 * the integrals, and with thousands of servers a separate object would be one more cache miss
 * per request. So the integrals are primitives in the server's own object, kept as
 * {@link TimeWeightedValue} keeps its area: each grows by value × the time since the value last
 * changed, just before it changes. The values are the server's own: {@link #busyWorkers()} and
 * {@link #holding()}.
 */
abstract class ServerStatistics {

    private double busyChangedAt;
    private double busyArea;
    /** The busy workers' integral since time 0, never reset: load reports and snapshots read it. */
    private double busyAreaSinceStart;
    private double heldChangedAt;
    private double heldArea;
    /** Where the busy and held means' window starts: time 0, the warm-up's end, or a later launch. */
    private double windowStart;
    private long completed;
    private long completedAll;
    /** 1 while up, else 0: its mean is the fraction of the window the server was up. It changes rarely. */
    private final TimeWeightedValue upState;

    /** @param upFromStart whether the server is up at time 0 (false for one still to boot) */
    ServerStatistics(boolean upFromStart) {
        this.upState = new TimeWeightedValue(upFromStart ? 1 : 0);
    }

    abstract String name();

    abstract int workers();

    /** Workers serving a request now. */
    abstract int busyWorkers();

    /** Requests in service or waiting now. */
    abstract int holding();

    /** Call just before the number of busy workers changes. */
    final void busyChanging(double now) {
        double increment = busyWorkers() * (now - busyChangedAt);
        busyArea += increment;
        busyAreaSinceStart += increment;
        busyChangedAt = now;
    }

    /** Call just before the number of requests held changes. */
    final void heldChanging(double now) {
        heldArea += holding() * (now - heldChangedAt);
        heldChangedAt = now;
    }

    /** A counted request (one that arrived after the warm-up) or another one was answered. */
    final void countCompletion(boolean counted) {
        if (counted) completed++;
        completedAll++;
    }

    /** Requests answered since time 0. */
    final long completedAll() {
        return completedAll;
    }

    final void upChanged(double now, boolean up) {
        upState.set(now, up ? 1 : 0);
    }

    /** Worker-seconds spent serving since time 0, for the load reports its agent sends. */
    final double busyWorkerSeconds(double now) {
        return busyAreaSinceStart + busyWorkers() * (now - busyChangedAt);
    }

    /**
     * The measured window starts: the warm-up's end, or the launch of a server added later. The
     * window's means start afresh; the integral since time 0 keeps the span since the last change.
     */
    final void startWindow(double now) {
        busyAreaSinceStart += busyWorkers() * (now - busyChangedAt);
        busyArea = 0;
        busyChangedAt = now;
        heldArea = 0;
        heldChangedAt = now;
        windowStart = now;
        upState.startWindow(now);
    }

    /** The measured window's figures; an instance launched during it is measured over its own life in it. */
    final ServerResult result(double now) {
        return new ServerResult(name(), mean(busyArea, busyWorkers(), busyChangedAt, now) / workers(), completed,
                mean(heldArea, holding(), heldChangedAt, now), upState.mean(now));
    }

    /** As {@link TimeWeightedValue#mean}: the time average since the window's start; the current value if no time passed. */
    private double mean(double area, int value, double changedAt, double now) {
        double span = now - windowStart;
        if (span <= 0) return value;
        return (area + value * (now - changedAt)) / span;
    }
}
