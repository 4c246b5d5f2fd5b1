package org.lbsim.cluster;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.DistributionSpec;

/**
 * Builds random variates from scenario distributions, each drawing from the stream it is given.
 * Exponentials, the per-request hot path, use Commons RNG's ziggurat sampler; the others use
 * Commons Math's distributions.
 */
final class RandomVariates {

    private RandomVariates() {
    }

    static RandomVariate of(DistributionSpec spec, UniformRandomProvider random) {
        if (spec instanceof DistributionSpec.Exponential e) {
            return ZigguratSampler.Exponential.of(random, e.mean())::sample;
        } else if (spec instanceof DistributionSpec.Constant c) {
            double value = c.value();
            return () -> value;
        } else if (spec instanceof DistributionSpec.Uniform u) {
            return new UniformRealDistribution(new RandomGeneratorView(random), u.min(), u.max())::sample;
        } else if (spec instanceof DistributionSpec.Erlang e) {
            // Erlang-k is the gamma distribution with integer shape k and scale mean/k.
            return new GammaDistribution(new RandomGeneratorView(random), e.k(), e.mean() / e.k())::sample;
        } else if (spec instanceof DistributionSpec.Lognormal l) {
            double sigmaSquared = Math.log1p(l.cv() * l.cv());
            double mu = Math.log(l.mean()) - sigmaSquared / 2;
            return new LogNormalDistribution(new RandomGeneratorView(random), mu, Math.sqrt(sigmaSquared))::sample;
        } else if (spec instanceof DistributionSpec.Hyperexponential h) {
            return hyperexponential(h, random);
        } else if (spec instanceof DistributionSpec.Pareto p) {
            return new ParetoDistribution(new RandomGeneratorView(random), p.scale(), p.alpha())::sample;
        } else if (spec instanceof DistributionSpec.Weibull w) {
            return new WeibullDistribution(new RandomGeneratorView(random), w.shape(), w.scale())::sample;
        }
        throw new IllegalArgumentException("no sampler for " + spec);
    }

    /**
     * Two exponential phases with balanced means (p/μ1 = (1−p)/μ2), the usual two-moment fit
     * for cv ≥ 1: p = (1 + √((c²−1)/(c²+1)))/2, μ1 = 2p/mean, μ2 = 2(1−p)/mean.
     */
    private static RandomVariate hyperexponential(DistributionSpec.Hyperexponential h, UniformRandomProvider random) {
        double scv = h.cv() * h.cv();
        double p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
        double mean1 = h.mean() / (2 * p);
        double mean2 = h.mean() / (2 * (1 - p));
        var unitExponential = ZigguratSampler.Exponential.of(random);
        return () -> unitExponential.sample() * (random.nextDouble() < p ? mean1 : mean2);
    }

    /** Interarrival times of an arrival process at its current rate. */
    static RandomVariate interarrivals(ArrivalSpec spec, UniformRandomProvider random) {
        if (spec instanceof ArrivalSpec.Poisson poisson) {
            return ZigguratSampler.Exponential.of(random, 1 / poisson.rate())::sample;
        } else if (spec instanceof ArrivalSpec.Constant constant) {
            double gap = 1 / constant.rate();
            return () -> gap;
        }
        throw new IllegalArgumentException("no interarrival sampler for " + spec);
    }
}
