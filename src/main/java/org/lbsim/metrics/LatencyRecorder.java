package org.lbsim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Response times of completed requests: an HdrHistogram with three significant digits
 * (percentiles within 0.1%) and an exact running mean. Memory is fixed by the range of
 * values, not by their number.
 */
public final class LatencyRecorder {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Histogram histogram = new Histogram(3);
    private double sum;
    private long count;

    public void record(double seconds) {
        histogram.recordValue(Math.max(1, Math.round(seconds * NANOS_PER_SECOND)));
        sum += seconds;
        count++;
    }

    /** Forgets everything recorded: for per-interval summaries. */
    public void reset() {
        histogram.reset();
        sum = 0;
        count = 0;
    }

    public long count() {
        return count;
    }

    /** The summary of everything recorded; all NaN when nothing was. */
    public LatencySummary summary() {
        if (count == 0) return LatencySummary.EMPTY;
        return new LatencySummary(
                sum / count,
                percentile(50),
                percentile(90),
                percentile(95),
                percentile(99),
                percentile(99.9),
                histogram.getMaxValue() / NANOS_PER_SECOND,
                distribution());
    }

    /** The quantiles on the distribution's grid, found in one pass over the histogram's buckets. */
    private LatencyDistribution distribution() {
        double[] probabilities = LatencyDistribution.PROBABILITIES;
        double[] quantiles = new double[probabilities.length];
        long total = histogram.getTotalCount();
        int next = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            long below = bucket.getTotalCountToThisValue();
            // The same rule as getValueAtPercentile: the first bucket reaching ceil(p × count).
            while (next < quantiles.length && below >= Math.max(1, (long) Math.ceil(probabilities[next] * total))) {
                quantiles[next++] = histogram.highestEquivalentValue(bucket.getValueIteratedTo()) / NANOS_PER_SECOND;
            }
        }
        return new LatencyDistribution(quantiles);
    }

    private double percentile(double p) {
        return histogram.getValueAtPercentile(p) / NANOS_PER_SECOND;
    }
}
