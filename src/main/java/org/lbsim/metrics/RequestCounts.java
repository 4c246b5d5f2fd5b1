package org.lbsim.metrics;

/**
 * Requests sent after the warm-up, by outcome. {@code offered} equals the sum of the five
 * outcomes plus {@code inFlight}, the requests still unanswered when the run ended.
 * {@code retried} counts extra attempts on another backend, not requests: it is no outcome.
 */
public record RequestCounts(long offered, long denied, long rejected, long failed, long timedOut, long completed, long inFlight,
                            long retried) {

    /** Counts of a run without retries. */
    public RequestCounts(long offered, long denied, long rejected, long failed, long timedOut, long completed, long inFlight) {
        this(offered, denied, rejected, failed, timedOut, completed, inFlight, 0);
    }

    public long ended() {
        return denied + rejected + failed + timedOut + completed;
    }

    /** completed / (offered − denied): the share of admitted requests that got an answer. */
    public double availability() {
        long admitted = offered - denied;
        return admitted == 0 ? Double.NaN : (double) completed / admitted;
    }
}
