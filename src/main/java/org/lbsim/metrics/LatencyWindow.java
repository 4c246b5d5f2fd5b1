package org.lbsim.metrics;

import java.util.Arrays;

/**
 * The response times of one short window (an interval of a time series, a frame of a live
 * chart), summarized without a distribution: the same mean, percentiles and maximum, to the
 * last digit, as a {@link LatencyRecorder} that recorded the same responses.
 *
 * <p>A window of a time series holds a few hundred responses. They are kept as they are, and a
 * summary sorts them: far less work than walking the tens of thousands of buckets of a
 * histogram, and starting a new window clears nothing. A window that gets more than
 * {@value #KEPT} responses moves them into a recorder, so memory stays bounded however busy
 * the window.
 */
public final class LatencyWindow {

    /** Responses kept as values before the window moves them into a histogram. */
    static final int KEPT = 4096;

    private long[] values = new long[64];
    private int size;
    private final NanosSum sum = new NanosSum();
    /** Holds the window's responses once it has more than {@link #KEPT}; reused by later windows. */
    private LatencyRecorder overflow;
    private boolean overflowed;

    /** Records a response time of {@code seconds}, as {@link LatencyRecorder#record} does. */
    public void record(double seconds) {
        long nanos = LatencyRecorder.nanos(seconds);
        if (overflowed) {
            overflow.recordNanos(nanos);
            return;
        }
        if (size == values.length) {
            if (size == KEPT) {
                moveIntoHistogram();
                overflow.recordNanos(nanos);
                return;
            }
            values = Arrays.copyOf(values, Math.min(2 * size, KEPT));
        }
        values[size++] = nanos;
        sum.add(nanos);
    }

    private void moveIntoHistogram() {
        if (overflow == null) overflow = new LatencyRecorder();
        for (int i = 0; i < size; i++) overflow.recordNanos(values[i]);
        overflowed = true;
    }

    /** The window's mean, named percentiles and maximum; all NaN when it holds no response. */
    public LatencySummary summary() {
        if (overflowed) return overflow.summaryWithoutDistribution();
        if (size == 0) return LatencySummary.EMPTY;
        Arrays.sort(values, 0, size); // the order of a window's responses means nothing
        double[] percentiles = new double[LatencyRecorder.NAMED_PERCENTILES.length];
        for (int i = 0; i < percentiles.length; i++) {
            long rank = LatencyRecorder.rank(LatencyRecorder.NAMED_PERCENTILES[i], 100, size);
            percentiles[i] = LatencyRecorder.reported(values[(int) rank - 1]);
        }
        return new LatencySummary(sum.meanSeconds(size), percentiles[0], percentiles[1], percentiles[2],
                percentiles[3], percentiles[4], LatencyRecorder.reported(values[size - 1]), LatencyDistribution.EMPTY);
    }

    /** Starts a new, empty window. */
    public void clear() {
        size = 0;
        sum.clear();
        if (overflowed) overflow.reset();
        overflowed = false;
    }
}
