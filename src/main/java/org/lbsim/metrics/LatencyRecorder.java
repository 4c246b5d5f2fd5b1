package org.lbsim.metrics;

import java.util.Arrays;
import java.util.Comparator;
import org.HdrHistogram.Histogram;

/**
 * Response times of completed requests: an HdrHistogram with three significant digits
 * (percentiles within 0.1%) and an exact running mean. Memory is fixed by the range of
 * values, not by their number.
 */
public final class LatencyRecorder {

    private static final double NANOS_PER_SECOND = 1e9;

    private static final double TWO_TO_THE_64 = 0x1p64;

    private final Histogram histogram = new Histogram(3);
    /**
     * The sum of the recorded nanoseconds as a 128-bit integer (high and unsigned low words):
     * integer sums do not depend on the order of the additions, so a recorder built by adding
     * per-window recorders has the very mean of one that recorded everything itself.
     */
    private long sumHigh;
    private long sumLow;
    private long count;

    public void record(double seconds) {
        long nanos = Math.max(1, Math.round(seconds * NANOS_PER_SECOND));
        histogram.recordValue(nanos);
        addToSum(0, nanos);
        count++;
    }

    private void addToSum(long high, long low) {
        long before = sumLow;
        sumLow += low;
        sumHigh += high + (Long.compareUnsigned(sumLow, before) < 0 ? 1 : 0);
    }

    private double mean() {
        double low = sumLow >= 0 ? sumLow : (sumLow >>> 1) * 2.0 + (sumLow & 1);
        return (sumHigh * TWO_TO_THE_64 + low) / count / NANOS_PER_SECOND;
    }

    /** Adds what {@code other} recorded, exactly: the histograms have the same precision. */
    public void add(LatencyRecorder other) {
        if (other.count == 0) return;
        histogram.add(other.histogram);
        addToSum(other.sumHigh, other.sumLow);
        count += other.count;
    }

    /** Forgets everything recorded: for per-interval summaries. */
    public void reset() {
        histogram.reset();
        sumHigh = 0;
        sumLow = 0;
        count = 0;
    }

    public long count() {
        return count;
    }

    /**
     * The summary of everything recorded; all NaN when nothing was. One pass over the histogram
     * finds every percentile and the distribution's quantiles: summaries are taken often (each
     * sample of a time series, each frame of the UI), and a scan per percentile cost several times more.
     */
    public LatencySummary summary() {
        if (count == 0) return LatencySummary.EMPTY;
        double[] grid = LatencyDistribution.PROBABILITIES;
        long[] targets = new long[NAMED_PERCENTILES.length + grid.length];
        for (int i = 0; i < NAMED_PERCENTILES.length; i++) targets[i] = target(NAMED_PERCENTILES[i], 100);
        for (int i = 0; i < grid.length; i++) targets[NAMED_PERCENTILES.length + i] = target(grid[i], 1);
        double[] values = valuesAt(targets);
        double[] quantiles = Arrays.copyOfRange(values, NAMED_PERCENTILES.length, values.length);
        return new LatencySummary(mean(), values[0], values[1], values[2], values[3], values[4],
                histogram.getMaxValue() / NANOS_PER_SECOND, new LatencyDistribution(quantiles));
    }

    /** p50, p90, p95, p99 and p99.9, in percent. */
    private static final double[] NAMED_PERCENTILES = {50, 90, 95, 99, 99.9};

    /**
     * The rank of a quantile by the rule of {@link Histogram#getValueAtPercentile}, level nudged
     * just below itself as HdrHistogram does, so that the percentiles agree with it to the last digit.
     *
     * @param scale 100 for a percentage, 1 for a probability
     */
    private long target(double level, double scale) {
        double nudged = Math.min(Math.max(Math.nextAfter(level, Double.NEGATIVE_INFINITY), 0), scale);
        return Math.max(1, (long) Math.ceil(nudged * histogram.getTotalCount() / scale));
    }

    /**
     * For each rank, the highest value equivalent to the first bucket whose cumulative count
     * reaches it. Walks the buckets by value with O(1) look-ups: several times faster than
     * HdrHistogram's iterators, which matters because summaries are taken at every sample.
     */
    private double[] valuesAt(long[] targets) {
        Integer[] order = new Integer[targets.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong(i -> targets[i]));
        double[] values = new double[targets.length];
        long total = histogram.getTotalCount();
        long cumulative = 0;
        int next = 0;
        for (long value = histogram.getMinValue(); next < order.length && cumulative < total;
                value = histogram.nextNonEquivalentValue(value)) {
            cumulative += histogram.getCountAtValue(value);
            while (next < order.length && cumulative >= targets[order[next]]) {
                values[order[next++]] = histogram.highestEquivalentValue(value) / NANOS_PER_SECOND;
            }
        }
        return values;
    }
}
