package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The power of d choices: d distinct usable backends sampled uniformly, the one with the fewest
 * outstanding requests taken (ties at random). Mitzenmacher, "The Power of Two Choices in
 * Randomized Load Balancing" (IEEE TPDS, 2001) and Vvedenskaya, Dobrushin and Karpelevich (1996);
 * HAProxy {@code balance random(d)} (its {@code draws}), NGINX {@code random two least_conn}
 * (d = 2), Envoy {@code LEAST_REQUEST} ({@code choice_count}, default 2). Weights do not apply.
 * With fewer than d usable backends all of them are compared.
 *
 * <p>Parameter {@code choices} (d, default 2, at most 10,000). Cost: O(d) per decision, by a partial
 * Fisher–Yates shuffle of the positions that is undone afterwards.
 */
final class PowerOfD implements BalancingAlgorithm {

    /**
     * At most 10,000, the most servers a scenario may hold: more choices than backends compare
     * them all, and d is the size of an array.
     */
    static final Parameter CHOICES = Parameter.integerBetween("choices", 2, 10_000, 2,
            "how many distinct backends are sampled per request (d)");

    private final RandomGenerator random;
    private final int choices;
    private BackendView[] backends = new BackendView[0];
    private int[] positions = new int[0];
    private final int[] swappedWith;

    PowerOfD(AlgorithmContext context) {
        this.random = context.random();
        this.choices = (int) context.value(CHOICES);
        this.swappedWith = new int[choices];
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.toArray(new BackendView[0]);
        positions = new int[backends.length];
        for (int i = 0; i < positions.length; i++) positions[i] = i;
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int draws = Math.min(choices, n);
        BackendView best = null;
        int ties = 0;
        for (int k = 0; k < draws; k++) {
            int j = k + random.nextInt(n - k);
            swappedWith[k] = j;
            int candidate = positions[j];
            positions[j] = positions[k];
            positions[k] = candidate;
            BackendView backend = backends[candidate];
            if (best == null || backend.outstanding() < best.outstanding()) {
                best = backend;
                ties = 1;
            } else if (backend.outstanding() == best.outstanding() && random.nextInt(++ties) == 0) {
                best = backend;
            }
        }
        for (int k = draws - 1; k >= 0; k--) {
            int j = swappedWith[k];
            int t = positions[j];
            positions[j] = positions[k];
            positions[k] = t;
        }
        return best;
    }
}
