package org.lbsim.metrics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A metric estimated from independent replications: the sample mean and the half-width of its
 * 95% confidence interval from Student's t with {@code count − 1} degrees of freedom.
 *
 * @param halfWidth95 NaN when fewer than two values, or when any value was NaN; exactly 0 when all
 *                    values are equal
 */
public record Estimate(double mean, double halfWidth95, int count) {

    /** The estimate from one value per replication; NaN values (nothing completed) make it NaN. */
    public static Estimate of(double[] values) {
        int n = values.length;
        if (n == 0) return new Estimate(Double.NaN, Double.NaN, 0);
        double sum = 0;
        boolean allEqual = true;
        for (double value : values) {
            sum += value;
            allEqual &= value == values[0];
        }
        double mean = sum / n;
        if (n < 2 || !Double.isFinite(mean)) return new Estimate(mean, Double.NaN, n);
        // Every replication gave the same value (a trace fixes the requests, say): that value and
        // no width, exactly, rather than what rounding in the sum would leave, a width of 1e-16.
        if (allEqual) return new Estimate(values[0], 0, n);
        double squares = 0;
        for (double value : values) squares += (value - mean) * (value - mean);
        double standardError = Math.sqrt(squares / (n - 1) / n);
        return new Estimate(mean, tQuantile975(n - 1) * standardError, n);
    }

    /**
     * The 0.975 quantile of Student's t. The distribution gets no random generator: it is only
     * asked for quantiles, and the default one would be seeded from the clock for nothing.
     */
    public static double tQuantile975(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.975);
    }

    /** The half-width relative to the mean's magnitude; NaN when the mean is 0 or unknown. */
    public double relativeHalfWidth() {
        return mean == 0 ? Double.NaN : halfWidth95 / Math.abs(mean);
    }

    /** Whether the interval excludes zero: for a difference, whether it is significant at 5%. */
    public boolean excludesZero() {
        return Double.isFinite(halfWidth95) && Math.abs(mean) > halfWidth95;
    }

    public double lower() {
        return mean - halfWidth95;
    }

    public double upper() {
        return mean + halfWidth95;
    }
}
