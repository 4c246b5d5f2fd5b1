package org.lbsim.cluster;

import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;

/**
 * Slow start, as real balancers do it: a backend that becomes healthy (new, or back after its
 * checks marked it down) has its weight ramped up linearly over {@code duration}, through
 * {@link Backend#slowStartFactor()}, which the algorithms that weigh or count apply (see
 * docs/failures.md). When a ramp ends the backend joins the others in the algorithm's structures.
 */
final class SlowStart {

    /**
     * The least factor a backend gets, at the instant it becomes healthy: a ramp from exactly 0
     * would leave an algorithm that divides by the weight with nothing to compare. HAProxy's
     * {@code slowstart} likewise starts from its smallest weight step, and Envoy's from
     * {@code min_weight_percent} (10% by default).
     */
    static final double MIN_FACTOR = 0.01;

    private final double duration;
    private final Simulation simulation;
    private final Balancer balancer;
    private final EventHandler<Backend> onRampEnded = this::rampEnded;
    /** When each backend last became healthy, by id; minus infinity if never (no ramp). */
    private double[] rampStart = new double[0];

    SlowStart(double duration, Simulation simulation, Balancer balancer) {
        this.duration = duration;
        this.simulation = simulation;
        this.balancer = balancer;
    }

    void added(Backend backend) {
        rampStart = PerBackend.withRoomFor(rampStart, backend.id(), Double.NEGATIVE_INFINITY);
    }

    /** The backend has just become healthy: its ramp starts. */
    void began(Backend backend) {
        rampStart[backend.id()] = simulation.now();
        simulation.schedule(duration, onRampEnded, backend);
    }

    /**
     * Linear from {@link #MIN_FACTOR} to 1 over the ramp that began when the backend last became
     * healthy: (time since then) ÷ {@code duration}; 1 once that is over.
     */
    double factor(int id) {
        double elapsed = simulation.now() - rampStart[id];
        if (!(elapsed < duration)) return 1;
        return Math.max(MIN_FACTOR, elapsed / duration);
    }

    /** A ramp may have ended (unless a later one began since). */
    private void rampEnded(Backend backend) {
        if (rampStart[backend.id()] + duration == simulation.now() && balancer.usable(backend)) balancer.usableChanged();
    }
}
