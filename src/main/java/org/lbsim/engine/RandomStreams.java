package org.lbsim.engine;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams, one per named source of randomness, all derived from one seed.
 *
 * <p>A stream depends only on the seed and its name, never on which other streams exist or in
 * what order they were asked for. So the arrivals of client "users" are the same whichever
 * algorithm the balancer runs: that is what makes comparisons use common random numbers.
 */
public final class RandomStreams {

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * A new generator for the stream called {@code name}; the same name always gives the same
     * sequence. The 256-bit xoshiro state is four SplitMix64 outputs from the mixed seed and name.
     */
    public UniformRandomProvider stream(String name) {
        long state = seed ^ fnv1a(name);
        long[] words = new long[4];
        for (int i = 0; i < words.length; i++) {
            state += 0x9E3779B97F4A7C15L; // SplitMix64's increment
            words[i] = mix(state);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(words);
    }

    /** The seed of replication {@code index}, derived so replications never share streams. */
    public static long replicationSeed(long baseSeed, int index) {
        return index == 0 ? baseSeed : mix(baseSeed + 0x632BE59BD9B4E019L * index);
    }

    /** 64-bit FNV-1a of the name's UTF-8 bytes: stable across JVMs, unlike identity hashes. */
    private static long fnv1a(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads nearby seeds (1, 2, 3...) over the whole 64-bit space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
