package org.lbsim.balancing;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A random generator whose position a test can mark and go back to (SplitMix64): after a pick
 * is undone this way, a pick without side effects leaves no trace at all, random ones included.
 */
final class Rewindable implements UniformRandomProvider {

    private long state;
    private long marked;

    Rewindable(long seed) {
        state = seed;
    }

    void mark() {
        marked = state;
    }

    void rewind() {
        state = marked;
    }

    /** SplitMix64; every other draw (doubles, bounded ints) derives from this one. */
    @Override
    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
