package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A usable backend uniformly at random, blind to load. HAProxy {@code balance random(1)},
 * Envoy {@code RANDOM}. O(1) per decision. Over {@code n} identical servers it splits a Poisson
 * stream into {@code n} independent Poisson streams: each server is an M/M/c (or M/G/c) queue.
 *
 * <p>A retry draws among the others. A backend in slow start is drawn in proportion to its
 * {@link BackendView#slowStartFactor()} f against 1 for the others: its share is
 * f ÷ (n − r + Σ f); O(r) per decision while r backends are in slow start.
 */
final class RandomChoice implements BalancingAlgorithm {

    private final UniformRandomProvider random;
    private Members members = Members.none();
    private Ramping ramping = Ramping.none();
    /** The positions of the backends not in slow start. */
    private int[] steady = new int[0];
    /** By position: its index in {@code steady}, or -1 while in slow start. */
    private int[] steadyIndex = new int[0];

    RandomChoice(UniformRandomProvider random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        ramping = Ramping.of(members);
        steady = new int[members.size() - ramping.size()];
        steadyIndex = new int[members.size()];
        int k = 0;
        for (int i = 0; i < members.size(); i++) {
            steadyIndex[i] = ramping.contains(i) ? -1 : k;
            if (!ramping.contains(i)) steady[k++] = i;
        }
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = members.size();
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int avoid = request.avoid();
        if (avoid < 0 && ramping.isEmpty()) return members.get(random.nextInt(n));
        int avoided = members.positionOfId(avoid);
        int skip = avoided >= 0 ? steadyIndex[avoided] : -1; // the avoided backend's steady index, if steady
        int steadyCount = steady.length - (skip >= 0 ? 1 : 0);
        if (ramping.isEmpty()) {
            if (steadyCount == 0) return Pick.NoOtherBackend.INSTANCE;
            int k = random.nextInt(steadyCount);
            return members.get(steady[skip >= 0 && k >= skip ? k + 1 : k]);
        }
        double total = steadyCount;
        for (int r = 0; r < ramping.size(); r++) {
            if (ramping.position(r) != avoided) total += members.get(ramping.position(r)).slowStartFactor();
        }
        if (!(total > 0)) return Pick.NoOtherBackend.INSTANCE;
        double x = random.nextDouble() * total;
        if (x < steadyCount) {
            int k = (int) x;
            return members.get(steady[skip >= 0 && k >= skip ? k + 1 : k]);
        }
        x -= steadyCount;
        int last = -1;
        for (int r = 0; r < ramping.size(); r++) {
            int position = ramping.position(r);
            if (position == avoided) continue;
            last = position;
            double f = members.get(position).slowStartFactor();
            if (x < f) return members.get(position);
            x -= f;
        }
        return members.get(last); // rounding at the very end of the range
    }
}
