package org.lbsim.metrics;

/**
 * A sum of whole nanoseconds as a 128-bit integer (high and unsigned low words). Integer sums
 * do not depend on the order of the additions, so every way of recording the same responses
 * (at once, window by window, in a histogram or as raw values) has the very same mean; and
 * 128 bits do not overflow however long the run.
 */
final class NanosSum {

    private static final double TWO_TO_THE_64 = 0x1p64;

    private long high;
    private long low;

    void add(long nanos) {
        add(0, nanos);
    }

    void add(NanosSum other) {
        add(other.high, other.low);
    }

    private void add(long otherHigh, long otherLow) {
        long before = low;
        low += otherLow;
        high += otherHigh + (Long.compareUnsigned(low, before) < 0 ? 1 : 0);
    }

    void clear() {
        high = 0;
        low = 0;
    }

    /** The sum divided by {@code count}, in seconds. */
    double meanSeconds(long count) {
        double unsignedLow = low >= 0 ? low : (low >>> 1) * 2.0 + (low & 1);
        return (high * TWO_TO_THE_64 + unsignedLow) / count / LatencyRecorder.NANOS_PER_SECOND;
    }
}
