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

    static final double NANOS_PER_SECOND = 1e9;

    /**
     * Gives the bucket arithmetic of a histogram of this precision (which values are
     * equivalent), never recorded into: for summaries of values kept outside a histogram.
     */
    private static final Histogram BUCKETS = new Histogram(3);

    private static final double TWO_TO_THE_64 = 0x1p64;

    private final Histogram histogram = new Histogram(3);
    /**
     * The sum of the recorded nanoseconds as a 128-bit integer (high and unsigned low words):
     * integer sums do not depend on the order of the additions, so a recorder built by adding
     * others, or a window that keeps raw values, has the very mean of one that recorded
     * everything itself. Kept in this object's own fields: the sum is updated on every response.
     */
    private long sumHigh;
    private long sumLow;
    private long count;

    /** Records a response time of {@code seconds}, never negative, as whole nanoseconds (at least 1). */
    public void record(double seconds) {
        recordNanos(nanos(seconds));
    }

    void recordNanos(long nanos) {
        histogram.recordValue(nanos);
        addToSum(0, nanos);
        count++;
    }

    private void addToSum(long high, long low) {
        long before = sumLow;
        sumLow += low;
        sumHigh += high + (Long.compareUnsigned(sumLow, before) < 0 ? 1 : 0);
    }

    /** The mean of {@code count} values whose sum is the 128-bit integer {@code high:low} nanoseconds, in seconds. */
    static double meanSeconds(long high, long low, long count) {
        double unsignedLow = low >= 0 ? low : (low >>> 1) * 2.0 + (low & 1);
        return (high * TWO_TO_THE_64 + unsignedLow) / count / NANOS_PER_SECOND;
    }

    /**
     * A response time of {@code seconds}, never negative, in whole nanoseconds: rounded to the
     * nearest, and at least 1.
     */
    static long nanos(double seconds) {
        // Rounded and clamped without branches. A response under half a nanosecond is so rare
        // (service times near 0 are) that the JIT compiler leaves a branch for it out of its
        // compiled code, and the first such response would then send the whole compiled event
        // handler back to the interpreter mid-run. For x >= 0, (long) (x + 0.5) is Math.round(x)
        // except when x + 0.5 rounds up to a whole number, within one rounding error below a
        // half; and as r is never negative, (r - 1) >>> 63 is 1 exactly when r is 0.
        long rounded = (long) (seconds * NANOS_PER_SECOND + 0.5);
        return rounded + ((rounded - 1) >>> 63);
    }

    /** Adds what {@code other} recorded, exactly: the histograms have the same precision. */
    public void add(LatencyRecorder other) {
        if (other.count == 0) return;
        histogram.add(other.histogram);
        addToSum(other.sumHigh, other.sumLow);
        count += other.count;
    }

    /** A new recorder of what {@code a} and {@code b} recorded: a copy, when either is empty. */
    static LatencyRecorder combined(LatencyRecorder a, LatencyRecorder b) {
        LatencyRecorder combined = new LatencyRecorder();
        combined.add(a);
        combined.add(b);
        return combined;
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
     * The summary of everything recorded; all NaN when nothing was. One search through the
     * histogram finds every percentile and the distribution's quantiles (see {@link #valuesAt}).
     */
    public LatencySummary summary() {
        return summary(true);
    }

    /**
     * The summary without its distribution (which is then empty): for the time series' windows,
     * which draw no CDF, and whose summaries would spend most of their work on the distribution's
     * 201 quantiles beside the five named percentiles.
     */
    public LatencySummary summaryWithoutDistribution() {
        return summary(false);
    }

    private LatencySummary summary(boolean withDistribution) {
        if (count == 0) return LatencySummary.EMPTY;
        double[] grid = withDistribution ? LatencyDistribution.PROBABILITIES : new double[0];
        long[] targets = new long[NAMED_PERCENTILES.length + grid.length];
        for (int i = 0; i < NAMED_PERCENTILES.length; i++) targets[i] = rank(NAMED_PERCENTILES[i], 100, count);
        for (int i = 0; i < grid.length; i++) targets[NAMED_PERCENTILES.length + i] = rank(grid[i], 1, count);
        double[] values = valuesAt(targets);
        LatencyDistribution distribution = withDistribution
                ? new LatencyDistribution(Arrays.copyOfRange(values, NAMED_PERCENTILES.length, values.length))
                : LatencyDistribution.EMPTY;
        return new LatencySummary(meanSeconds(sumHigh, sumLow, count), values[0], values[1], values[2], values[3], values[4],
                histogram.getMaxValue() / NANOS_PER_SECOND, distribution);
    }

    /** p50, p90, p95, p99 and p99.9, in percent. */
    static final double[] NAMED_PERCENTILES = {50, 90, 95, 99, 99.9};

    /**
     * The rank (from 1) of a quantile among {@code count} values by the rule of
     * {@link Histogram#getValueAtPercentile}, level nudged just below itself as HdrHistogram
     * does, so that the percentiles agree with it to the last digit.
     *
     * @param scale 100 for a percentage, 1 for a probability
     */
    static long rank(double level, double scale, long count) {
        double nudged = Math.min(Math.max(Math.nextAfter(level, Double.NEGATIVE_INFINITY), 0), scale);
        return Math.max(1, (long) Math.ceil(nudged * count / scale));
    }

    /**
     * What a histogram of this precision reports for a recorded value: the highest value of
     * its bucket, in seconds.
     */
    static double reported(long nanos) {
        return BUCKETS.highestEquivalentValue(nanos) / NANOS_PER_SECOND;
    }

    /**
     * For each rank, the highest value equivalent to the first bucket whose cumulative count
     * reaches it. A summary is taken at every sample of a time series and every frame of the UI,
     * too often to walk the histogram's buckets one value at a time: buckets are counted a range
     * at a time instead (HdrHistogram's
     * {@link Histogram#getCountBetweenValues} is a tight loop over its counts): from the last
     * rank's bucket, ranges of doubling width are skipped while they do not reach the next rank
     * (a galloping search), and a binary search over values finds its bucket in the one that
     * does. The work is about twice the buckets between the first and last rank, at array speed.
     */
    private double[] valuesAt(long[] targets) {
        Integer[] order = new Integer[targets.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong(i -> targets[i]));
        double[] values = new double[targets.length];
        long max = histogram.getMaxValue();
        long low = histogram.getMinValue();
        long countBelowLow = 0;
        long width = histogram.sizeOfEquivalentValueRange(low);
        int next = 0;
        while (next < order.length) {
            long rank = targets[order[next]];
            long high = width > max - low ? max : low + width - 1;
            long inRange = histogram.getCountBetweenValues(low, high);
            if (countBelowLow + inRange < rank) {
                countBelowLow += inRange;
                low = histogram.nextNonEquivalentValue(high);
                width *= 2;
                continue;
            }
            long first = low;
            long last = high;
            long countBelowFirst = countBelowLow;
            while (!histogram.valuesAreEquivalent(first, last)) {
                long middle = first + (last - first) / 2;
                long inFirstHalf = histogram.getCountBetweenValues(first, middle);
                if (countBelowFirst + inFirstHalf >= rank) {
                    last = middle;
                } else {
                    countBelowFirst += inFirstHalf;
                    first = histogram.nextNonEquivalentValue(middle);
                }
            }
            values[order[next++]] = histogram.highestEquivalentValue(first) / NANOS_PER_SECOND;
            // The next rank's bucket is this one or a later one: search on from here.
            low = first;
            countBelowLow = countBelowFirst;
            width = histogram.sizeOfEquivalentValueRange(first);
        }
        return values;
    }
}
