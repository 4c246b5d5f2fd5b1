package org.lbsim.balancing;

import java.util.List;

/**
 * Chooses a backend for each request among those the balancer may use.
 *
 * <p>The balancer calls {@link #updateBackends} whenever the usable set changes (health,
 * membership, weights) and tells the algorithm about each dispatch and each answer, so that
 * algorithms can keep their own indexes instead of scanning every backend per request. When no
 * backend is usable, {@link #pick} returns {@link Pick.NoHealthyBackend} and the balancer
 * answers 503.
 */
public interface BalancingAlgorithm {

    /** The backends usable from now on, in the balancer's order; may be empty. */
    void updateBackends(List<? extends BackendView> usable);

    /** One decision; never null. */
    Pick pick(RequestInfo request);

    /** The balancer sent a request to {@code backend} (its outstanding count has just grown). */
    default void onDispatched(BackendView backend) {
    }

    /**
     * The backend answered, or the request to it ended otherwise (its outstanding count has just
     * shrunk). {@code latencySeconds} is what the balancer measured, NaN when there was no answer.
     */
    default void onFinished(BackendView backend, double latencySeconds) {
    }

    /**
     * How often, in simulated seconds, each backend should report its load to this algorithm
     * (as an agent on the instance would); 0 when the algorithm uses no reports.
     */
    default double loadReportInterval() {
        return 0;
    }

    /**
     * A backend's periodic report: the fraction of its workers that were busy, averaged over the
     * interval since its previous report.
     */
    default void onLoadReport(BackendView backend, double utilization) {
    }
}
