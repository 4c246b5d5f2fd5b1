package org.lbsim.cluster;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A stream seen as Commons Math's {@link RandomGenerator}, for Commons Math's distributions: the
 * same generator, drawn from directly. A stream's state comes from the scenario seed and its
 * name only, so it cannot be re-seeded.
 */
final class RandomGeneratorView implements RandomGenerator {

    private final UniformRandomProvider generator;
    private ZigguratSampler.NormalizedGaussian gaussian;

    RandomGeneratorView(UniformRandomProvider generator) {
        this.generator = generator;
    }

    @Override
    public int nextInt() {
        return generator.nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return generator.nextInt(bound);
    }

    @Override
    public long nextLong() {
        return generator.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return generator.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return generator.nextFloat();
    }

    @Override
    public double nextDouble() {
        return generator.nextDouble();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        generator.nextBytes(bytes);
    }

    @Override
    public double nextGaussian() {
        if (gaussian == null) gaussian = ZigguratSampler.NormalizedGaussian.of(generator);
        return gaussian.sample();
    }

    @Override
    public void setSeed(int seed) {
        throw reseeding();
    }

    @Override
    public void setSeed(int[] seed) {
        throw reseeding();
    }

    @Override
    public void setSeed(long seed) {
        throw reseeding();
    }

    private static UnsupportedOperationException reseeding() {
        return new UnsupportedOperationException("a stream's seed comes from the scenario seed and its name");
    }
}
