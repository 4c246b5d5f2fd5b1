package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A usable backend at random with probability proportional to its weight, blind to load.
 * HAProxy {@code balance random(1)} with weights, Envoy {@code RANDOM} with endpoint weights.
 * Backends of weight 0 get nothing.
 *
 * <p>Cost: O(1) per decision with Walker's alias method (Vose's construction, 1991), O(n) when
 * the usable set changes. A retry draws among the others, in proportion to their weights; a
 * backend in slow start is drawn in proportion to its weight × {@link BackendView#slowStartFactor()}.
 * Those decisions search cumulative weights instead: O(log n + r) for r backends in slow start.
 */
final class WeightedRandom implements BalancingAlgorithm {

    private final UniformRandomProvider random;
    private Members members = Members.none();
    private Ramping ramping = Ramping.none();
    /** The backends of positive weight not in slow start: the alias table's columns. */
    private BackendView[] backends = new BackendView[0];
    /** Column i keeps backend i with probability {@code keep[i]}, else gives way to {@code alias[i]}. */
    private double[] keep = new double[0];
    private int[] alias = new int[0];
    /** {@code cumulative[i]}: the weight of columns before i; the last entry is the total. */
    private long[] cumulative = {0};
    /** By position: its column, or -1 (weight 0, or in slow start). */
    private int[] columnOf = new int[0];

    WeightedRandom(UniformRandomProvider random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        ramping = Ramping.of(members);
        columnOf = new int[members.size()];
        List<BackendView> columns = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            boolean column = members.get(i).weight() > 0 && !ramping.contains(i);
            columnOf[i] = column ? columns.size() : -1;
            if (column) columns.add(members.get(i));
        }
        backends = columns.toArray(new BackendView[0]);
        int n = backends.length;
        cumulative = new long[n + 1];
        for (int i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + backends[i].weight();
        keep = new double[n];
        alias = new int[n];
        double total = cumulative[n];
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
        int avoid = request.avoid();
        if (avoid < 0 && ramping.isEmpty()) {
            if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
            int column = random.nextInt(n);
            return random.nextDouble() < keep[column] ? backends[column] : backends[alias[column]];
        }
        int avoided = members.positionOfId(avoid);
        int skip = avoided >= 0 ? columnOf[avoided] : -1;
        long skipped = skip >= 0 ? backends[skip].weight() : 0;
        double steadyWeight = cumulative[n] - skipped;
        double total = steadyWeight;
        boolean avoidedRamps = false;
        for (int r = 0; r < ramping.size(); r++) {
            BackendView backend = members.get(ramping.position(r));
            if (ramping.position(r) == avoided) avoidedRamps = backend.weight() > 0;
            else total += backend.weight() * backend.slowStartFactor();
        }
        if (!(total > 0)) {
            return skip >= 0 || avoidedRamps ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
        }
        double x = random.nextDouble() * total;
        if (x < steadyWeight) {
            if (skip >= 0 && x >= cumulative[skip]) x += skipped;
            return backends[columnAt(x)];
        }
        x -= steadyWeight;
        BackendView last = null;
        for (int r = 0; r < ramping.size(); r++) {
            if (ramping.position(r) == avoided) continue;
            BackendView backend = members.get(ramping.position(r));
            double ramped = backend.weight() * backend.slowStartFactor();
            if (ramped == 0) continue;
            last = backend;
            if (x < ramped) return backend;
            x -= ramped;
        }
        return last; // rounding at the very end of the range
    }

    /** The column whose range of cumulative weight holds {@code x}: the last i with cumulative[i] <= x. */
    private int columnAt(double x) {
        int low = 0;
        int high = backends.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (cumulative[mid] <= x) low = mid;
            else high = mid - 1;
        }
        return low;
    }
}
