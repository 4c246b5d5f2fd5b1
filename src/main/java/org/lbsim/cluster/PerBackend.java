package org.lbsim.cluster;

import java.util.Arrays;

/**
 * Arrays of per-backend state indexed by {@link Backend#id()}, as the balancer's policies keep
 * them: grown when a backend with a higher id is added, the new entries set to an initial value.
 */
final class PerBackend {

    private PerBackend() {
    }

    /** {@code values}, or a copy grown to hold index {@code id}, new entries {@code initial}. */
    static int[] withRoomFor(int[] values, int id, int initial) {
        if (id < values.length) return values;
        int[] grown = Arrays.copyOf(values, Math.max(id + 1, 2 * values.length));
        Arrays.fill(grown, values.length, grown.length, initial);
        return grown;
    }

    /** {@code values}, or a copy grown to hold index {@code id}, new entries {@code initial}. */
    static double[] withRoomFor(double[] values, int id, double initial) {
        if (id < values.length) return values;
        double[] grown = Arrays.copyOf(values, Math.max(id + 1, 2 * values.length));
        Arrays.fill(grown, values.length, grown.length, initial);
        return grown;
    }
}
