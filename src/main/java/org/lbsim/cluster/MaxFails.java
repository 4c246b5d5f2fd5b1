package org.lbsim.cluster;

import org.lbsim.cluster.spec.BalancerPolicies.MaxFailsSpec;
import org.lbsim.engine.Simulation;

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

    MaxFails(MaxFailsSpec spec, Simulation simulation, Balancer balancer) {
        this.spec = spec;
        this.simulation = simulation;
        this.balancer = balancer;
    }

    void failed(Balancer.Backend backend) {
        double now = simulation.now();
        if (backend.unavailableUntil > now) return;
        // The window restarts when the previous failure lies more than failTimeout back.
        if (now - backend.firstFailInWindow > spec.failTimeout()) {
            backend.firstFailInWindow = now;
            backend.failsInWindow = 0;
        }
        if (++backend.failsInWindow < spec.maxFails()) return;
        backend.failsInWindow = 0;
        backend.firstFailInWindow = Double.NEGATIVE_INFINITY;
        backend.unavailableUntil = now + spec.failTimeout();
        backend.server.impairments().noticed(now);
        balancer.usableChanged();
        simulation.schedule(spec.failTimeout(), this::available, backend);
    }

    private void available(Balancer.Backend backend) {
        if (backend.unavailableUntil <= simulation.now()) balancer.usableChanged();
    }
}
