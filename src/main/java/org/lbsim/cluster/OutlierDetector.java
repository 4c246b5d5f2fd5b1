package org.lbsim.cluster;

import org.lbsim.cluster.spec.BalancerPolicies.OutlierDetectionSpec;
import org.lbsim.engine.Simulation;

/**
 * Passive health checking as Envoy's outlier detection does it by consecutive errors: a
 * backend that returns {@code consecutive5xx} errors or connection failures in a row is
 * ejected for {@code baseEjectionTime} × the number of times it has been ejected (capped at
 * 300 s, Envoy's default {@code max_ejection_time}), unless {@code maxEjectionPercent} of the
 * backends are out already; Envoy always allows at least one. Any answer resets the count.
 *
 * <p>Envoy returns ejected hosts at its periodic {@code interval} sweep; lbsim returns them at
 * the exact end of their ejection, which differs by less than one interval.
 */
final class OutlierDetector {

    private static final double MAX_EJECTION_TIME = 300;

    private final OutlierDetectionSpec spec;
    private final Simulation simulation;
    private final Balancer balancer;
    private int ejectedNow;
    private long ejections;

    OutlierDetector(OutlierDetectionSpec spec, Simulation simulation, Balancer balancer) {
        this.spec = spec;
        this.simulation = simulation;
        this.balancer = balancer;
    }

    void succeeded(Balancer.Backend backend) {
        backend.consecutiveErrors = 0;
    }

    void failed(Balancer.Backend backend) {
        if (++backend.consecutiveErrors < spec.consecutive5xx() || backend.ejected) return;
        int allowed = Math.max(1, (int) Math.floor(spec.maxEjectionPercent() / 100 * balancer.backends().size()));
        if (ejectedNow >= allowed) return;
        backend.ejected = true;
        backend.timesEjected++;
        ejectedNow++;
        ejections++;
        backend.consecutiveErrors = 0;
        backend.server.impairments().noticed(simulation.now());
        balancer.usableChanged();
        double duration = Math.min(MAX_EJECTION_TIME, spec.baseEjectionTime() * backend.timesEjected);
        simulation.schedule(duration, this::returned, backend);
    }

    private void returned(Balancer.Backend backend) {
        backend.ejected = false;
        ejectedNow--;
        balancer.usableChanged();
    }

    long ejections() {
        return ejections;
    }
}
