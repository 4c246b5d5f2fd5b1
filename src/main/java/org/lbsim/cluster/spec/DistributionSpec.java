package org.lbsim.cluster.spec;

/**
 * A probability distribution of a positive quantity (service work in seconds at speed 1.0, think
 * time, time between failures). Each variant is parameterised as the scenario file writes it and
 * knows its mean, so capacity checks need no sampling.
 */
public sealed interface DistributionSpec {

    double mean();

    /** Squared coefficient of variation, Var/mean²; used to warn and to document. */
    double scv();

    record Exponential(double mean) implements DistributionSpec {
        public Exponential {
            positive("mean", mean);
        }

        @Override
        public double scv() {
            return 1;
        }
    }

    record Constant(double value) implements DistributionSpec {
        public Constant {
            positive("value", value);
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double scv() {
            return 0;
        }
    }

    record Uniform(double min, double max) implements DistributionSpec {
        public Uniform {
            if (!(min >= 0)) throw new IllegalArgumentException("min must be at least 0");
            if (!(max > min)) throw new IllegalArgumentException("max must exceed min");
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public double scv() {
            double width = max - min;
            return width * width / 12 / (mean() * mean());
        }
    }

    /** The sum of {@code k} exponential phases with total mean {@code mean}. */
    record Erlang(int k, double mean) implements DistributionSpec {
        public Erlang {
            if (k < 1) throw new IllegalArgumentException("k must be at least 1");
            positive("mean", mean);
        }

        @Override
        public double scv() {
            return 1.0 / k;
        }
    }

    /** Lognormal with the given mean and coefficient of variation (standard deviation / mean). */
    record Lognormal(double mean, double cv) implements DistributionSpec {
        public Lognormal {
            positive("mean", mean);
            positive("cv", cv);
        }

        @Override
        public double scv() {
            return cv * cv;
        }
    }

    /** Two-phase hyperexponential with balanced means, fitted to a mean and a cv of at least 1. */
    record Hyperexponential(double mean, double cv) implements DistributionSpec {
        public Hyperexponential {
            positive("mean", mean);
            if (!(cv >= 1)) throw new IllegalArgumentException("cv must be at least 1");
        }

        @Override
        public double scv() {
            return cv * cv;
        }
    }

    /** Pareto (type I) with the given mean and tail index {@code alpha > 1}. */
    record Pareto(double mean, double alpha) implements DistributionSpec {
        public Pareto {
            positive("mean", mean);
            if (!(alpha > 1)) throw new IllegalArgumentException("alpha must exceed 1 for the mean to exist");
        }

        /** The minimum value x_m. */
        public double scale() {
            return mean * (alpha - 1) / alpha;
        }

        @Override
        public double scv() {
            return alpha > 2 ? 1 / (alpha * (alpha - 2)) : Double.POSITIVE_INFINITY;
        }
    }

    record Weibull(double shape, double scale) implements DistributionSpec {
        public Weibull {
            positive("shape", shape);
            positive("scale", scale);
        }

        @Override
        public double mean() {
            return scale * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
        }

        @Override
        public double scv() {
            double g1 = Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
            double g2 = Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 2 / shape));
            return g2 / (g1 * g1) - 1;
        }
    }

    private static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number");
        }
    }
}
