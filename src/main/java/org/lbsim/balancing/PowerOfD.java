package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The power of d choices: d distinct usable backends sampled uniformly, the one with the fewest
 * outstanding requests taken (ties at random). Mitzenmacher, "The Power of Two Choices in
 * Randomized Load Balancing" (IEEE TPDS, 2001) and Vvedenskaya, Dobrushin and Karpelevich (1996);
 * HAProxy {@code balance random(d)} (its {@code draws}), NGINX {@code random two least_conn}
 * (d = 2), Envoy {@code LEAST_REQUEST} ({@code choice_count}, default 2). Weights do not apply.
 * With fewer than d usable backends all of them are compared.
 *
 * <p>Parameter {@code choices} (d, default 2, at most 10,000). Cost: O(d) per decision, by a
 * partial Fisher–Yates shuffle of the positions that is undone afterwards. A retry samples among
 * the others (the avoided backend's place is moved out of the range drawn from). A backend in
 * slow start counts as outstanding ÷ f, f its {@link BackendView#slowStartFactor()}, as in
 * {@code least-connections}; still O(d).
 */
final class PowerOfD implements BalancingAlgorithm {

    /**
     * At most 10,000, the most servers a scenario may hold: more choices than backends compare
     * them all, and d is the size of an array.
     */
    static final Parameter CHOICES = Parameter.integerBetween("choices", 2, 10_000, 2,
            "how many distinct backends are sampled per request (d)");

    private final UniformRandomProvider random;
    private final int choices;
    private Members members = Members.none();
    private BackendView[] backends = new BackendView[0];
    /** Scratch for the partial shuffle: {@code positions[i] == i} between decisions. */
    private int[] positions = new int[0];
    /** How many usable backends are in slow start. */
    private int ramping;
    private final int[] swappedWith;

    PowerOfD(AlgorithmContext context) {
        this.random = context.random();
        this.choices = (int) context.value(CHOICES);
        this.swappedWith = new int[choices];
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        backends = usable.toArray(new BackendView[0]);
        positions = new int[backends.length];
        for (int i = 0; i < positions.length; i++) positions[i] = i;
        ramping = Ramping.of(members).size();
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int avoid = request.avoid();
        if (avoid < 0 && ramping == 0) return sample(n);
        int avoided = members.positionOfId(avoid);
        if (avoided < 0) return sample(n);
        if (n == 1) return Pick.NoOtherBackend.INSTANCE;
        // The avoided backend's place moves to the end, out of the sample's range, and back.
        positions[avoided] = n - 1;
        positions[n - 1] = avoided;
        Pick pick = sample(n - 1);
        positions[n - 1] = n - 1;
        positions[avoided] = avoided;
        return pick;
    }

    /** The least loaded of d distinct backends drawn from the first {@code n} of {@code positions}. */
    private BackendView sample(int n) {
        int draws = Math.min(choices, n);
        BackendView best = null;
        double bestLoad = 0;
        int ties = 0;
        for (int k = 0; k < draws; k++) {
            int j = k + random.nextInt(n - k);
            swappedWith[k] = j;
            int candidate = positions[j];
            positions[j] = positions[k];
            positions[k] = candidate;
            BackendView backend = backends[candidate];
            double load = ramping == 0 ? backend.outstanding() : backend.outstanding() / backend.slowStartFactor();
            if (best == null || load < bestLoad) {
                best = backend;
                bestLoad = load;
                ties = 1;
            } else if (load == bestLoad && random.nextInt(++ties) == 0) {
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
