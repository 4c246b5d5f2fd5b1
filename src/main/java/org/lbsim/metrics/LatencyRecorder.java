package org.lbsim.metrics;

import org.HdrHistogram.Histogram;

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
                histogram.getMaxValue() / NANOS_PER_SECOND);
    }

    private double percentile(double p) {
        return histogram.getValueAtPercentile(p) / NANOS_PER_SECOND;
    }
}
