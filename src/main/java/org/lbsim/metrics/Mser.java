package org.lbsim.metrics;

/**
 * MSER-5, the marginal standard error rule (White 1997; Franklin and White 2008): where an
 * output series' initial transient ends, and whether it matters. The series is cut into batches
 * of five; the chosen truncation d minimizes the squared standard error of the mean of what is
 * left, Σ(Y_j − Ȳ(d))² / (m − d)², over the first half of the m batches.
 *
 * <p>On one run's noisy series the minimum often falls a little after the start even when there
 * is no transient at all: the rule then cuts a stretch that happened to lie on one side of the
 * mean. So a truncation is said to {@linkplain Truncation#matters() matter} only when it moves the
 * series' mean by more than {@value #MIN_RELATIVE_CHANGE} of it and by more than
 * {@value #NOISE_MULTIPLE} times the 95% half-width of the mean that is left, from
 * {@value #INTERVAL_BATCHES} batch means.
 */
public final class Mser {

    /** Observations per batch. */
    static final int BATCH = 5;

    /**
     * The smallest change of the mean, relative to it, that a truncation must make to matter,
     * however many observations pin the mean down. A bias under 2% is smaller than the
     * uncertainty of a scenario's own inputs (arrival rates and service times measured on a real
     * system are seldom known that well), so no conclusion drawn from the figures turns on it.
     */
    static final double MIN_RELATIVE_CHANGE = 0.02;

    /**
     * How many times the 95% half-width of the mean that is left the change must exceed. The
     * half-width alone would do if the cut were chosen blind; MSER chooses the cut that leaves the
     * steadiest remainder, so a chance excursion of a loaded queue early in the run is cut as a
     * transient would be, and the remainder's spread then understates the noise. A transient
     * worth a warning (a backlog draining, capacity arriving late) moves the mean by many times
     * the half-width; a chance excursion seldom by twice.
     */
    static final double NOISE_MULTIPLE = 2;

    /**
     * How many batch means the half-width of the mean that is left comes from. Batches of five
     * observations are short next to a loaded queue's memory, so their means are correlated and
     * their spread understates the error of the mean; few long batches are nearly independent.
     * Between 10 and 30 is the usual advice (Schmeiser 1982, "Batch size effects in the analysis
     * of simulation output"): fewer widen the t quantile, more shorten the batches.
     */
    static final int INTERVAL_BATCHES = 20;

    /**
     * The truncation point.
     *
     * @param observations how many of the series' observations to drop, a multiple of five
     * @param settled      false when the minimum fell at the end of the first half: the series
     *                     did not settle in the run, and the estimate is only a lower bound
     * @param meanKept     the mean of the observations left after the truncation
     * @param meanAll      the mean of all observations (NaN ones aside)
     * @param halfWidth    the 95% half-width of {@code meanKept}, from up to
     *                     {@value #INTERVAL_BATCHES} batch means; NaN when too few to tell
     */
    public record Truncation(int observations, boolean settled, double meanKept, double meanAll, double halfWidth) {

        /**
         * Whether the truncation changes the mean by more than {@value #MIN_RELATIVE_CHANGE} of it
         * and by more than {@value #NOISE_MULTIPLE} times the half-width of the mean that is left:
         * a transient worth a warning. With too few observations for a half-width, the first
         * condition alone.
         */
        public boolean matters() {
            double change = Math.abs(meanAll - meanKept);
            return change > MIN_RELATIVE_CHANGE * Math.abs(meanKept) && !(change <= NOISE_MULTIPLE * halfWidth);
        }

        /** How much the truncation moves the mean, relative to the mean that is left. */
        public double relativeChange() {
            return Math.abs(meanAll - meanKept) / Math.abs(meanKept);
        }
    }

    private Mser() {
    }

    /** @param series observations in time order, NaN for none (an interval where nothing completed) */
    public static Truncation truncation(double[] series) {
        int m = series.length / BATCH;
        double[] batches = new double[m];
        for (int j = 0; j < m; j++) batches[j] = mean(series, j * BATCH, (j + 1) * BATCH);
        int limit = m / 2;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= limit && m - d >= 2; d++) {
            double value = statistic(batches, d);
            if (value < bestValue) {
                bestValue = value;
                best = d;
            }
        }
        int observations = best * BATCH;
        return new Truncation(observations, best < limit || m < 4, mean(series, observations, m * BATCH),
                mean(series, 0, m * BATCH), halfWidth(series, observations, m * BATCH));
    }

    /** Σ(Y_j − Ȳ)² / n² over the batches from d on that have a value, n of them. */
    private static double statistic(double[] batches, int d) {
        double sum = 0;
        int n = 0;
        for (int j = d; j < batches.length; j++) {
            if (!Double.isNaN(batches[j])) {
                sum += batches[j];
                n++;
            }
        }
        if (n < 2) return Double.POSITIVE_INFINITY;
        double mean = sum / n;
        double squares = 0;
        for (int j = d; j < batches.length; j++) {
            if (!Double.isNaN(batches[j])) squares += (batches[j] - mean) * (batches[j] - mean);
        }
        return squares / ((double) n * n);
    }

    /** The mean of the observations in [from, to) that have a value; NaN when none has. */
    private static double mean(double[] series, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(series[i])) {
                sum += series[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The 95% half-width of the mean of [from, to), from the means of up to
     * {@value #INTERVAL_BATCHES} equal batches of it (the last few observations left out).
     */
    private static double halfWidth(double[] series, int from, int to) {
        int length = to - from;
        int count = Math.min(INTERVAL_BATCHES, length);
        if (count < 2) return Double.NaN;
        int size = length / count;
        double[] means = new double[count];
        int valid = 0;
        for (int k = 0; k < count; k++) {
            double value = mean(series, from + k * size, from + (k + 1) * size);
            if (!Double.isNaN(value)) means[valid++] = value;
        }
        if (valid < 2) return Double.NaN;
        double[] values = new double[valid];
        System.arraycopy(means, 0, values, 0, valid);
        return Estimate.of(values).halfWidth95();
    }
}
