package org.lbsim.balancing;

/**
 * What an algorithm may know of one backend: only what a real balancer knows.
 */
public non-sealed interface BackendView extends Pick {

    /** A dense, stable index among all backends of the balancer (0..n-1), for per-backend arrays. */
    int id();

    String name();

    /** The configured weight. */
    int weight();

    /** Requests the balancer sent to this backend and has not seen answered or failed yet. */
    int outstanding();

    /**
     * The fraction of its weight slow start gives it now, in (0, 1]: below 1 while it ramps up
     * after becoming healthy, exactly 1 otherwise. Which backends ramp changes only with a call
     * of {@link BalancingAlgorithm#updateBackends} (the balancer makes one when a ramp ends);
     * the fraction of one that ramps grows with the simulated clock.
     */
    default double slowStartFactor() {
        return 1;
    }
}
