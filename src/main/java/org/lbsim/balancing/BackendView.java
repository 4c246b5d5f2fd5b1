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
}
