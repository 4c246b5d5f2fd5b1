package org.lbsim.cluster;

import org.lbsim.cluster.spec.BalancerPolicies.MaxFailsSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.Moment;

/**
 * NGINX's passive health checks ({@code max_fails}, {@code fail_timeout}): when a server has
 * {@code maxFails} failed attempts within {@code failTimeout}, it is considered unavailable for
 * {@code failTimeout}; then it gets requests again. Failed attempts are connection failures
 * (refused or timed out), NGINX's default {@code proxy_next_upstream error timeout}.
 */
final class MaxFails {

    private final MaxFailsSpec spec;
    private final Simulation simulation;
    private final Balancer balancer;
    /** By backend id: failures counted since the window's first one, when that was, and the end of unavailability. */
    private int[] failsInWindow = new int[0];
    private double[] firstFailInWindow = new double[0];
    private double[] unavailableUntil = new double[0];

    MaxFails(MaxFailsSpec spec, Simulation simulation, Balancer balancer) {
        this.spec = spec;
        this.simulation = simulation;
        this.balancer = balancer;
    }

    void added(Backend backend) {
        int id = backend.id();
        failsInWindow = PerBackend.withRoomFor(failsInWindow, id, 0);
        firstFailInWindow = PerBackend.withRoomFor(firstFailInWindow, id, Double.NEGATIVE_INFINITY);
        unavailableUntil = PerBackend.withRoomFor(unavailableUntil, id, Double.NEGATIVE_INFINITY);
    }

    /** Not held back: its last unavailability, if any, is over. */
    boolean available(Backend backend) {
        return unavailableUntil[backend.id()] <= simulation.now();
    }

    void failed(Backend backend) {
        int id = backend.id();
        double now = simulation.now();
        if (unavailableUntil[id] > now) return;
        // The window restarts when the previous failure lies more than failTimeout back.
        if (now - firstFailInWindow[id] > spec.failTimeout()) {
            firstFailInWindow[id] = now;
            failsInWindow[id] = 0;
        }
        if (++failsInWindow[id] < spec.maxFails()) return;
        failsInWindow[id] = 0;
        firstFailInWindow[id] = Double.NEGATIVE_INFINITY;
        unavailableUntil[id] = now + spec.failTimeout();
        backend.server.impairments().noticed(now);
        balancer.moments().record(Moment.Kind.EJECTED, backend.name());
        balancer.usableChanged();
        simulation.schedule(spec.failTimeout(), this::availableAgain, backend);
    }

    private void availableAgain(Backend backend) {
        if (!available(backend)) return;
        balancer.moments().record(Moment.Kind.RETURNED, backend.name());
        balancer.usableChanged();
    }
}
