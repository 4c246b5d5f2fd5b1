package org.lbsim.engine;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One named random stream: a xoshiro256++ generator from Commons RNG, usable both by Commons
 * RNG's fast samplers ({@link UniformRandomProvider}) and by Commons Math's distributions
 * ({@link RandomGenerator}). Its state comes from the scenario seed and the stream's name only,
 * so it cannot be re-seeded.
 */
public final class RandomStream implements UniformRandomProvider, RandomGenerator {

    private final UniformRandomProvider generator;
    private ZigguratSampler.NormalizedGaussian gaussian;

    RandomStream(UniformRandomProvider generator) {
        this.generator = generator;
    }

    /**
     * The generator itself, for Commons RNG samplers on the per-request path: they then draw
     * from it directly rather than through this stream, one dependent load and one type check
     * less per draw. It is the same state, so the numbers are the same either way.
     */
    public UniformRandomProvider generator() {
        return generator;
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
