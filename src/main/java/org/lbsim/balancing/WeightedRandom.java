package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A usable backend at random with probability proportional to its weight, blind to load.
 * HAProxy {@code balance random(1)} with weights, Envoy {@code RANDOM} with endpoint weights.
 * Backends of weight 0 get nothing.
 *
 * <p>Cost: O(1) per decision with Walker's alias method (Vose's construction, 1991), O(n) when
 * the usable set changes.
 */
final class WeightedRandom implements BalancingAlgorithm {

    private final RandomGenerator random;
    private BackendView[] backends = new BackendView[0];
    /** Column i keeps backend i with probability {@code keep[i]}, else gives way to {@code alias[i]}. */
    private double[] keep = new double[0];
    private int[] alias = new int[0];

    WeightedRandom(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.stream().filter(b -> b.weight() > 0).toArray(BackendView[]::new);
        int n = backends.length;
        keep = new double[n];
        alias = new int[n];
        double total = 0;
        for (BackendView b : backends) total += b.weight();
        List<Integer> small = new ArrayList<>();
        List<Integer> large = new ArrayList<>();
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = backends[i].weight() * n / total;
            (scaled[i] < 1 ? small : large).add(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.remove(small.size() - 1);
            int l = large.get(large.size() - 1);
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) small.add(large.remove(large.size() - 1));
        }
        // What is left is 1 up to rounding.
        for (int i : large) keep[i] = 1;
        for (int i : small) keep[i] = 1;
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int column = random.nextInt(n);
        return random.nextDouble() < keep[column] ? backends[column] : backends[alias[column]];
    }
}
