package org.lbsim.cluster;

import org.lbsim.cluster.spec.BalancerPolicies;

/**
 * Whether the balancer retries a request whose connection failed: while the request has tries
 * left ({@code retries}) and within the retry budget, as Envoy's: retries in flight at most
 * {@code retryBudgetPercent} of the requests in flight, but at least
 * {@code retryMinConcurrency}. A retry avoids the backend that failed. Counts the retries made.
 */
final class RetryPolicy {

    private final BalancerPolicies policies;
    private int retriesInFlight;
    private long retried;
    private long retriedCounted;

    RetryPolicy(BalancerPolicies policies) {
        this.policies = policies;
    }

    /** Whether a request whose connection to {@code failed} has just failed may be retried; if so, it will avoid that backend. */
    boolean mayRetry(Request request, Backend failed, int requestsInFlight) {
        boolean budget = retriesInFlight < Math.max(policies.retryMinConcurrency(),
                policies.retryBudgetPercent() / 100 * requestsInFlight);
        if (request.tries >= policies.retries() || !budget) return false;
        request.avoid = failed.id();
        return true;
    }

    /** The request goes to another backend. */
    void retrying(Request request) {
        request.tries++;
        if (!request.retrying) {
            request.retrying = true;
            retriesInFlight++;
        }
        retried++;
        if (request.counted) retriedCounted++;
    }

    /** The request has left the balancer, answered or not. */
    void finished(Request request) {
        if (request.retrying) {
            request.retrying = false;
            retriesInFlight--;
        }
    }

    /** Retries made (all, and those of requests counted in the statistics). */
    long retried(boolean countedOnly) {
        return countedOnly ? retriedCounted : retried;
    }
}
