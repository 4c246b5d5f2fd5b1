package org.lbsim.experiment;

import org.lbsim.metrics.RunResult;

/**
 * Two algorithms' outcomes over the very same requests, from the warm-up's end to the same
 * simulated time: what the side-by-side view states as the difference that matters. Since both
 * sides saw each request (common random numbers), a difference here is the algorithms', not
 * the luck of the draw.
 */
public record PairedDifference(Outcomes first, Outcomes second) {

    /**
     * One side's outcomes since the warm-up.
     *
     * @param failedRequests requests that got no answer from the cluster: failed, rejected or timed out
     * @param meanLatency    mean latency of the completed requests, seconds (NaN when none completed)
     * @param p99Latency     99th percentile of latency, seconds (NaN when none completed)
     */
    public record Outcomes(String algorithm, long offered, long completed, long failed, long rejected, long timedOut,
                       long failedRequests, double meanLatency, double p99Latency) {

        static Outcomes of(RunResult result) {
            var requests = result.requests();
            return new Outcomes(result.algorithm(), requests.offered(), requests.completed(), requests.failed(),
                    requests.rejected(), requests.timedOut(), requests.failed() + requests.rejected() + requests.timedOut(),
                    result.latency().mean(), result.latency().p99());
        }
    }

    static PairedDifference of(RunResult first, RunResult second) {
        return new PairedDifference(Outcomes.of(first), Outcomes.of(second));
    }

    /** How many more requests went unanswered on the first side than on the second (negative: fewer). */
    public long moreFailedRequestsOnFirst() {
        return first.failedRequests() - second.failedRequests();
    }

    /** How much higher the first side's mean latency is than the second's, in seconds (negative: lower; NaN when either has none). */
    public double higherMeanLatencyOnFirst() {
        return first.meanLatency() - second.meanLatency();
    }
}
