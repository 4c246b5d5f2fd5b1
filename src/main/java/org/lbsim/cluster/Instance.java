package org.lbsim.cluster;

import org.lbsim.cluster.spec.ServerSpec;

/**
 * A server as the cloud provider sees it: its configuration, its address, and its life cycle.
 * Launched at time 0 it runs at once; launched during a run it boots for {@code bootTime}
 * first. It runs until terminated, and is billed for the hours in between.
 */
final class Instance {

    private final ServerSpec spec;
    private final Address address;
    private final double launchedAt;
    private final double bootedAt;
    private double terminatedAt = Double.NaN;

    Instance(ServerSpec spec, Address address, double launchedAt) {
        this.spec = spec;
        this.address = address;
        this.launchedAt = launchedAt;
        this.bootedAt = launchedAt == 0 ? 0 : launchedAt + spec.bootTime();
    }

    ServerSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    Address address() {
        return address;
    }

    double launchedAt() {
        return launchedAt;
    }

    double bootedAt() {
        return bootedAt;
    }

    /** Booted and not terminated. */
    boolean isRunning(double now) {
        return now >= bootedAt && Double.isNaN(terminatedAt);
    }

    boolean isTerminated() {
        return !Double.isNaN(terminatedAt);
    }

    void terminate(double now) {
        terminatedAt = now;
    }

    /** Hours it ran (launched, not yet terminated) within [from, to]. */
    double hoursWithin(double from, double to) {
        double start = Math.max(from, launchedAt);
        double end = Math.min(to, isTerminated() ? terminatedAt : to);
        return Math.max(0, end - start) / 3600;
    }
}
