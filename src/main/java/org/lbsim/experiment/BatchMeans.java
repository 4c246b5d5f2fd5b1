package org.lbsim.experiment;

import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.TimeSeries;

/**
 * The mean response time of one long run and its 95% interval by batch means: the run's time is
 * cut into batches of equal length, each batch's mean latency is one observation, and batches
 * long enough to be nearly independent give Student's t interval of their mean. Memory stays
 * flat: when {@value #MAX_BATCHES} batches are full, neighbours merge and batches double in
 * length, so a run of any length keeps between half and all of them.
 */
final class BatchMeans {

    static final int MAX_BATCHES = 64;
    /** Fewer complete batches than this give no interval: the t quantile and the spread are too rough. */
    static final int MIN_BATCHES = 10;

    private final double from;
    private double batchSeconds;
    private final double[] latencySums = new double[MAX_BATCHES];
    private final long[] counts = new long[MAX_BATCHES];
    /** The batch the latest interval ended in; earlier ones are complete. */
    private int current;

    /** Batches start at simulated time {@code from}, each {@code firstBatchSeconds} long to begin with. */
    BatchMeans(double from, double firstBatchSeconds) {
        this.from = from;
        this.batchSeconds = firstBatchSeconds;
    }

    double from() {
        return from;
    }

    /** Adds the requests an interval completed, to the batch its end falls in; intervals ending before {@link #from()} are left out. */
    void add(TimeSeries.Interval interval) {
        if (interval.start() < from || interval.completed() == 0 || Double.isNaN(interval.latency().mean())) return;
        int batch = (int) ((interval.end() - from) / batchSeconds);
        while (batch >= MAX_BATCHES) {
            merge();
            batch = (int) ((interval.end() - from) / batchSeconds);
        }
        latencySums[batch] += interval.latency().mean() * interval.completed();
        counts[batch] += interval.completed();
        current = Math.max(current, batch);
    }

    private void merge() {
        for (int i = 0; i < MAX_BATCHES / 2; i++) {
            latencySums[i] = latencySums[2 * i] + latencySums[2 * i + 1];
            counts[i] = counts[2 * i] + counts[2 * i + 1];
        }
        for (int i = MAX_BATCHES / 2; i < MAX_BATCHES; i++) {
            latencySums[i] = 0;
            counts[i] = 0;
        }
        current /= 2;
        batchSeconds *= 2;
    }

    /** Complete batches so far. */
    int batches() {
        return current;
    }

    /**
     * The mean over every request counted (complete batches and the one under way), with the
     * half-width from the complete batches' means; the half-width is NaN below {@value #MIN_BATCHES}
     * batches, and the mean NaN before any request.
     */
    Estimate estimate() {
        double sum = 0;
        long count = 0;
        for (int i = 0; i <= current; i++) {
            sum += latencySums[i];
            count += counts[i];
        }
        double mean = count == 0 ? Double.NaN : sum / count;
        int k = 0;
        double[] means = new double[current];
        for (int i = 0; i < current; i++) if (counts[i] > 0) means[k++] = latencySums[i] / counts[i];
        if (k < MIN_BATCHES) return new Estimate(mean, Double.NaN, k);
        double batchMean = 0;
        for (int i = 0; i < k; i++) batchMean += means[i];
        batchMean /= k;
        double squares = 0;
        for (int i = 0; i < k; i++) squares += (means[i] - batchMean) * (means[i] - batchMean);
        double halfWidth = Estimate.tQuantile975(k - 1) * Math.sqrt(squares / (k - 1) / k);
        return new Estimate(mean, halfWidth, k);
    }
}
