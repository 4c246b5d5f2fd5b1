package org.lbsim.balancing;

import java.util.Arrays;

/**
 * The usable backends in slow start, by position in the usable list, as of the last
 * {@link BalancingAlgorithm#updateBackends}: the set is fixed until the next update (the
 * balancer makes one when a ramp ends), while each one's {@link BackendView#slowStartFactor()}
 * grows with the clock. Algorithms keep these backends out of their structures by count or
 * score, whose order would go stale as the factor grows, and look at them one by one: O(r) per
 * decision for r backends in slow start, nothing when there are none.
 */
final class Ramping {

    private static final Ramping NONE = new Ramping(new int[0], new boolean[0]);

    private final int[] positions;
    private final boolean[] ramping;

    private Ramping(int[] positions, boolean[] ramping) {
        this.positions = positions;
        this.ramping = ramping;
    }

    static Ramping none() {
        return NONE;
    }

    static Ramping of(Members members) {
        int n = members.size();
        int[] positions = new int[n];
        boolean[] ramping = new boolean[n];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (members.get(i).slowStartFactor() < 1) {
                positions[r++] = i;
                ramping[i] = true;
            }
        }
        return r == 0 ? NONE : new Ramping(Arrays.copyOf(positions, r), ramping);
    }

    boolean isEmpty() {
        return positions.length == 0;
    }

    /** How many backends are in slow start. */
    int size() {
        return positions.length;
    }

    /** The position of the {@code k}-th backend in slow start. */
    int position(int k) {
        return positions[k];
    }

    /** Whether the backend at {@code position} is in slow start; false for -1. */
    boolean contains(int position) {
        return position >= 0 && position < ramping.length && ramping[position];
    }
}
