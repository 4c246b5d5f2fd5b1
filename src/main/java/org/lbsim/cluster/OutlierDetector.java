package org.lbsim.cluster;

import org.lbsim.cluster.spec.BalancerPolicies.OutlierDetectionSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.Moment;

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
    /** Errors in a row, by backend id. */
    private int[] consecutiveErrors = new int[0];
    /** Ejections so far, by backend id: each lasts longer than the one before. */
    private int[] timesEjected = new int[0];
    private int ejectedNow;
    private long ejections;

    OutlierDetector(OutlierDetectionSpec spec, Simulation simulation, Balancer balancer) {
        this.spec = spec;
        this.simulation = simulation;
        this.balancer = balancer;
    }

    void added(Backend backend) {
        consecutiveErrors = PerBackend.withRoomFor(consecutiveErrors, backend.id(), 0);
        timesEjected = PerBackend.withRoomFor(timesEjected, backend.id(), 0);
    }

    void succeeded(Backend backend) {
        consecutiveErrors[backend.id()] = 0;
    }

    void failed(Backend backend) {
        int id = backend.id();
        if (++consecutiveErrors[id] < spec.consecutive5xx() || backend.ejected) return;
        int allowed = Math.max(1, (int) Math.floor(spec.maxEjectionPercent() / 100 * balancer.backends().size()));
        if (ejectedNow >= allowed) return;
        backend.ejected = true;
        timesEjected[id]++;
        ejectedNow++;
        ejections++;
        consecutiveErrors[id] = 0;
        backend.server.impairments().noticed(simulation.now());
        balancer.moments().record(Moment.Kind.EJECTED, backend.name());
        balancer.usableChanged();
        double duration = Math.min(MAX_EJECTION_TIME, spec.baseEjectionTime() * timesEjected[id]);
        simulation.schedule(duration, this::returned, backend);
    }

    private void returned(Backend backend) {
        backend.ejected = false;
        ejectedNow--;
        balancer.moments().record(Moment.Kind.RETURNED, backend.name());
        balancer.usableChanged();
    }

    long ejections() {
        return ejections;
    }
}
