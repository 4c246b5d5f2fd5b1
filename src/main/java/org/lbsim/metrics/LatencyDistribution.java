package org.lbsim.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of latencies as quantiles on a fixed grid of probabilities: fine enough to
 * draw a CDF (every half percent, then the far tail), small and fixed in size whatever the
 * number of requests. Values in seconds.
 */
public final class LatencyDistribution {

    /** The probabilities of the quantiles: 0.005, 0.010, ... 0.995, then 0.999 and 0.9999. */
    static final double[] PROBABILITIES = probabilities();

    /** No latency recorded: every quantile NaN. */
    public static final LatencyDistribution EMPTY = new LatencyDistribution(nans());

    private final double[] quantiles;

    LatencyDistribution(double[] quantiles) {
        if (quantiles.length != PROBABILITIES.length) throw new IllegalArgumentException("one quantile per probability");
        this.quantiles = quantiles.clone();
    }

    /**
     * The distribution with these quantiles, one for each probability of {@link #points()} in its
     * order: a distribution stored and read back (a campaign's) is the one that was measured.
     */
    public static LatencyDistribution of(double[] quantiles) {
        return new LatencyDistribution(quantiles);
    }

    /** One point of the CDF: a fraction {@code probability} of latencies are at most {@code seconds}. */
    public record Point(double seconds, double probability) {
    }

    public List<Point> points() {
        return java.util.stream.IntStream.range(0, quantiles.length)
                .mapToObj(i -> new Point(quantiles[i], PROBABILITIES[i])).toList();
    }

    public boolean isEmpty() {
        return Double.isNaN(quantiles[0]);
    }

    /**
     * The quantile average of several distributions (Vincentization): the CDF of a typical
     * replication, not the CDF of all requests pooled. Empty ones are left out.
     */
    public static LatencyDistribution average(List<LatencyDistribution> distributions) {
        List<LatencyDistribution> present = distributions.stream().filter(d -> !d.isEmpty()).toList();
        if (present.isEmpty()) return EMPTY;
        double[] mean = new double[PROBABILITIES.length];
        for (LatencyDistribution distribution : present) {
            for (int i = 0; i < mean.length; i++) mean[i] += distribution.quantiles[i] / present.size();
        }
        return new LatencyDistribution(mean);
    }

    private static double[] probabilities() {
        double[] grid = new double[201];
        for (int i = 0; i < 199; i++) grid[i] = (i + 1) * 0.005;
        grid[199] = 0.999;
        grid[200] = 0.9999;
        return grid;
    }

    private static double[] nans() {
        double[] values = new double[PROBABILITIES.length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyDistribution that && Arrays.equals(quantiles, that.quantiles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(quantiles);
    }

    @Override
    public String toString() {
        return "LatencyDistribution" + points();
    }
}
