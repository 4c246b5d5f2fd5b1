package org.lbsim.metrics;

/**
 * Latency of completed requests, in seconds; NaN everywhere when none completed.
 *
 * @param distribution the quantiles behind a CDF chart; not part of the JSON
 */
public record LatencySummary(double mean, double p50, double p90, double p95, double p99, double p999, double max,
                             LatencyDistribution distribution) {
    public static final LatencySummary EMPTY = new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, LatencyDistribution.EMPTY);
}
