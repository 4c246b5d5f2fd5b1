package org.lbsim.metrics;

/**
 * MSER-5, the marginal standard error rule (White 1997; Franklin and White 2008): where an
 * output series' initial transient ends. The series is cut into batches of five; the chosen
 * truncation d minimizes the squared standard error of the mean of what is left,
 * Σ(Y_j − Ȳ(d))² / (m − d)², over the first half of the m batches.
 */
public final class Mser {

    /** Observations per batch. */
    static final int BATCH = 5;

    /**
     * The truncation point.
     *
     * @param observations how many of the series' observations to drop, a multiple of five
     * @param settled      false when the minimum fell at the end of the first half: the series
     *                     did not settle in the run, and the estimate is only a lower bound
     */
    public record Truncation(int observations, boolean settled) {
    }

    private Mser() {
    }

    /** @param series observations in time order, NaN for none (an interval where nothing completed) */
    public static Truncation truncation(double[] series) {
        int m = series.length / BATCH;
        double[] batches = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            int count = 0;
            for (int i = j * BATCH; i < (j + 1) * BATCH; i++) {
                if (!Double.isNaN(series[i])) {
                    sum += series[i];
                    count++;
                }
            }
            batches[j] = count == 0 ? Double.NaN : sum / count;
        }
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
        return new Truncation(best * BATCH, best < limit || m < 4);
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
}
