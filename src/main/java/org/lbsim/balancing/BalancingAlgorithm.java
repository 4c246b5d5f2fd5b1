package org.lbsim.balancing;

import java.util.List;

/**
 * Chooses a backend for each request among those the balancer may use.
 *
 * <p>The contract, in the order the balancer keeps it:
 * <ol>
 * <li>{@link #updateBackends} whenever the usable set changes (health, membership, weights, a
 *     slow start beginning or ending);</li>
 * <li>{@link #pick}, a pure query: it chooses among the usable backends, leaving out the one the
 *     request must avoid (a retry's failed backend) and giving a backend in slow start the
 *     share of its {@link BackendView#slowStartFactor() ramped weight}. It changes no state: two
 *     picks with nothing in between give the same answer, except that a random algorithm draws
 *     again from its stream. The balancer never asks again or discards a pick;</li>
 * <li>{@link #onPicked} once for each pick the balancer acts on: where a decision advances the
 *     algorithm (a rotation's position, smooth weights), it advances here;</li>
 * <li>{@link #onDispatched} for every request sent, whoever chose the backend (the algorithm,
 *     or a sticky session's cookie), and {@link #onFinished} when it ends.</li>
 * </ol>
 * So algorithms keep their own indexes instead of scanning every backend per request. When no
 * backend is usable, {@link #pick} returns {@link Pick.NoHealthyBackend} and the balancer
 * answers 503; when a retry's only usable backend is the one it must avoid,
 * {@link Pick.NoOtherBackend}.
 */
public interface BalancingAlgorithm {

    /** The backends usable from now on, in the balancer's order; may be empty. */
    void updateBackends(List<? extends BackendView> usable);

    /**
     * One decision, never null: a usable backend other than {@link RequestInfo#avoid()} while
     * another that this algorithm would choose is usable. Changes no state of the algorithm.
     */
    Pick pick(RequestInfo request);

    /**
     * The balancer acts on a pick: the request goes to {@code backend}, which {@link #pick}
     * returned for it just now. Called once per pick acted on, before {@link #onDispatched}.
     */
    default void onPicked(BackendView backend) {
    }

    /**
     * The balancer sent a request to {@code backend} (its outstanding count has just grown),
     * chosen by this algorithm or by a sticky session.
     */
    default void onDispatched(BackendView backend) {
    }

    /**
     * The backend answered, or the request to it ended otherwise (its outstanding count has just
     * shrunk). {@code latencySeconds} is what the balancer measured, NaN when there was no answer.
     */
    default void onFinished(BackendView backend, double latencySeconds) {
    }

    /**
     * Whether slow start reduces a ramping backend's share here. The hashing algorithms,
     * {@code join-idle-queue} and {@code least-utilization} answer false: their real
     * counterparts have no slow start (NGINX refuses {@code slow_start} with {@code hash},
     * {@code ip_hash} and {@code random}; Envoy has it for round robin and least request only).
     */
    default boolean slowStartApplies() {
        return true;
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
