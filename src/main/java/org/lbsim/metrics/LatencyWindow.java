package org.lbsim.metrics;

import java.util.Arrays;

/**
 * The response times of one short window (an interval of a time series, a frame of a live
 * chart) in front of a run's {@link LatencyRecorder}: its summary, without a distribution, has
 * the same mean, percentiles and maximum, to the last digit, as a recorder of the window's
 * responses; the responses counted in the run's statistics join the run's recorder when the
 * window closes.
 *
 * <p>A window of a time series holds a few hundred responses. They are kept as they are, and a
 * summary sorts a copy of them: far less work than walking the tens of thousands of buckets of
 * a histogram. A window that gets more than {@value #KEPT} responses moves them into
 * histograms, one for the counted responses and one for the others, so memory stays bounded
 * however busy the window, and each response is still recorded in one histogram only.
 */
public final class LatencyWindow {

    /** Responses kept as values before the window moves them into histograms. */
    static final int KEPT = 1024;

    private final LatencyRecorder run;
    /*
     * Allocated whole: a branch that grows the arrays would be taken for the first time deep into
     * a run, by its busiest window yet, and send the compiled event loop back to the interpreter.
     */
    private final long[] values = new long[KEPT];
    private final boolean[] counted = new boolean[KEPT];
    private final long[] sorted = new long[KEPT];
    private int size;
    private boolean overflowed;
    /** Once overflowed: the window's counted responses, which the run's recorder has not had yet. */
    private final LatencyRecorder countedPart = new LatencyRecorder();
    /** Once overflowed: the window's other responses (the warm-up's). */
    private final LatencyRecorder uncountedPart = new LatencyRecorder();

    /** A window whose counted responses join {@code run} when it closes. */
    public LatencyWindow(LatencyRecorder run) {
        this.run = run;
    }

    /**
     * Records a response time of {@code seconds}, as {@link LatencyRecorder#record} does;
     * {@code isCounted} when it belongs in the run's statistics (it came after the warm-up).
     */
    public void record(double seconds, boolean isCounted) {
        long nanos = LatencyRecorder.nanos(seconds);
        if (!overflowed && size == KEPT) {
            overflowed = true;
            for (int i = 0; i < size; i++) part(counted[i]).recordNanos(values[i]);
        }
        if (overflowed) {
            part(isCounted).recordNanos(nanos);
            return;
        }
        values[size] = nanos;
        counted[size++] = isCounted;
    }

    private LatencyRecorder part(boolean isCounted) {
        return isCounted ? countedPart : uncountedPart;
    }

    /** The window's mean, named percentiles and maximum; all NaN when it holds no response. */
    public LatencySummary summary() {
        if (overflowed) {
            if (uncountedPart.count() == 0) return countedPart.summaryWithoutDistribution();
            if (countedPart.count() == 0) return uncountedPart.summaryWithoutDistribution();
            return LatencyRecorder.combined(countedPart, uncountedPart).summaryWithoutDistribution(); // the warm-up's end
        }
        if (size == 0) return LatencySummary.EMPTY;
        System.arraycopy(values, 0, sorted, 0, size); // a copy, so that each value keeps its flag
        Arrays.sort(sorted, 0, size);
        long sumHigh = 0; // the sum as a 128-bit integer, as the recorder keeps it
        long sumLow = 0;
        for (int i = 0; i < size; i++) {
            long before = sumLow;
            sumLow += sorted[i];
            if (Long.compareUnsigned(sumLow, before) < 0) sumHigh++;
        }
        double[] percentiles = new double[LatencyRecorder.NAMED_PERCENTILES.length];
        for (int i = 0; i < percentiles.length; i++) {
            long rank = LatencyRecorder.rank(LatencyRecorder.NAMED_PERCENTILES[i], 100, size);
            percentiles[i] = LatencyRecorder.reported(sorted[(int) rank - 1]);
        }
        return new LatencySummary(LatencyRecorder.meanSeconds(sumHigh, sumLow, size), percentiles[0], percentiles[1], percentiles[2],
                percentiles[3], percentiles[4], LatencyRecorder.reported(sorted[size - 1]), LatencyDistribution.EMPTY);
    }

    /** The run's latency so far, with the counted responses of this window, which is left open. */
    public LatencySummary runSummary() {
        LatencyRecorder whole = LatencyRecorder.combined(run, countedPart);
        addKeptCountedTo(whole);
        return whole.summary();
    }

    /** Closes the window: its counted responses join the run's, and a new, empty window starts. */
    public void clear() {
        if (overflowed) {
            run.add(countedPart);
            countedPart.reset();
            uncountedPart.reset();
            overflowed = false;
        } else {
            addKeptCountedTo(run);
        }
        size = 0;
    }

    private void addKeptCountedTo(LatencyRecorder recorder) {
        if (overflowed) return; // the kept values are in the parts
        for (int i = 0; i < size; i++) {
            if (counted[i]) recorder.recordNanos(values[i]);
        }
    }
}
