package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The usable backend with the fewest outstanding requests per unit of weight
 * (outstanding ÷ weight). NGINX {@code least_conn} with {@code server ... weight=N}, HAProxy
 * {@code balance leastconn} with weights, LVS {@code wlc}. Backends of weight 0 get nothing;
 * when every usable backend has weight 0 there is no backend to pick. Ties, including ties
 * between backends of different weights (2 of weight 2 against 1 of weight 1), are broken
 * uniformly at random.
 *
 * <p>Cost: O(w) per decision, w the number of distinct weights among usable backends (a few in
 * practice, independent of the number of backends): backends of one weight share a
 * {@link CountBuckets}, whose minimum is O(1); answers cost O(1). A retry leaves out the backend
 * it avoids, at the same cost. A backend in slow start counts as outstanding ÷ (weight × f), f its
 * {@link BackendView#slowStartFactor()}, as HAProxy's {@code leastconn} divides by the ramping
 * weight; such backends are kept out of the classes and compared one by one, O(w + r) per
 * decision while r are in slow start.
 */
final class WeightedLeastConnections implements BalancingAlgorithm {

    private final UniformRandomProvider random;
    private Members members = Members.none();
    private WeightClass[] classes = new WeightClass[0];
    /** By position in the usable list: its class (-1 for weight 0 or slow start), and its index inside that class. */
    private int[] classOf = new int[0];
    private int[] indexInClass = new int[0];
    /** The usable backends in slow start, of positive weight. */
    private BackendView[] ramping = new BackendView[0];

    WeightedLeastConnections(UniformRandomProvider random) {
        this.random = random;
    }

    /** The usable backends of one weight. */
    private record WeightClass(long weight, BackendView[] backends, CountBuckets buckets) {
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        classOf = new int[members.size()];
        indexInClass = new int[members.size()];
        Map<Integer, List<Integer>> byWeight = new LinkedHashMap<>();
        List<BackendView> rampingList = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            BackendView backend = members.get(i);
            int weight = backend.weight();
            if (weight == 0) continue;
            if (backend.slowStartFactor() < 1) rampingList.add(backend);
            else byWeight.computeIfAbsent(weight, w -> new ArrayList<>()).add(i);
        }
        ramping = rampingList.toArray(new BackendView[0]);
        List<WeightClass> built = new ArrayList<>();
        java.util.Arrays.fill(classOf, -1);
        for (var entry : byWeight.entrySet()) {
            List<Integer> positions = entry.getValue();
            BackendView[] backends = new BackendView[positions.size()];
            int[] counts = new int[positions.size()];
            for (int k = 0; k < positions.size(); k++) {
                int position = positions.get(k);
                backends[k] = members.get(position);
                counts[k] = backends[k].outstanding();
                classOf[position] = built.size();
                indexInClass[position] = k;
            }
            built.add(new WeightClass(entry.getKey(), backends, new CountBuckets(counts)));
        }
        classes = built.toArray(new WeightClass[0]);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int avoid = request.avoid();
        if (avoid < 0 && ramping.length == 0) return pickSteady();
        int position = members.positionOfId(avoid);
        WeightClass avoidedClass = position >= 0 && classOf[position] >= 0 ? classes[classOf[position]] : null;
        int excluded = avoidedClass == null ? -1 : indexInClass[position];
        // The lowest ratio count/weight over classes, compared exactly as cross products...
        long bestCount = -1;
        long bestWeight = 1;
        int tied = 0;
        for (WeightClass c : classes) {
            int except = c == avoidedClass ? excluded : -1;
            if (c.buckets().size() == (except >= 0 ? 1 : 0)) continue;
            long count = c.buckets().minimumExcept(except);
            long cross = count * bestWeight - bestCount * c.weight();
            if (bestCount < 0 || cross < 0) {
                bestCount = count;
                bestWeight = c.weight();
                tied = c.buckets().tiedAtMinimumExcept(except);
            } else if (cross == 0) {
                tied += c.buckets().tiedAtMinimumExcept(except);
            }
        }
        // ...then the backends in slow start, by their ramped weight.
        double best = bestCount < 0 ? Double.POSITIVE_INFINITY : (double) bestCount / bestWeight;
        double rampingBest = RampingLoads.minimum(ramping, avoid, WeightedLeastConnections::ramped);
        if (rampingBest < best) {
            best = rampingBest;
            tied = 0;
        }
        int rampingTies = rampingBest == best
                ? RampingLoads.tiedAt(ramping, avoid, best, WeightedLeastConnections::ramped) : 0;
        int ties = tied + rampingTies;
        if (ties == 0) {
            boolean avoidedCounts = avoidedClass != null || position >= 0 && RampingLoads.contains(ramping, avoid);
            return avoidedCounts ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
        }
        int chosen = ties == 1 ? 0 : random.nextInt(ties);
        if (chosen < tied) {
            for (WeightClass c : classes) {
                int except = c == avoidedClass ? excluded : -1;
                if (c.buckets().size() == (except >= 0 ? 1 : 0)) continue;
                if (c.buckets().minimumExcept(except) * bestWeight != bestCount * c.weight()) continue;
                int here = c.buckets().tiedAtMinimumExcept(except);
                if (chosen < here) return c.backends()[c.buckets().tiedMemberExcept(chosen, except)];
                chosen -= here;
            }
            throw new IllegalStateException("no tied backend found");
        }
        return RampingLoads.tied(chosen - tied, ramping, avoid, best, WeightedLeastConnections::ramped);
    }

    /** A first attempt with no backend in slow start: the O(w) path. */
    private Pick pickSteady() {
        if (classes.length == 0) return Pick.NoHealthyBackend.INSTANCE;
        // The lowest ratio count/weight over classes, compared exactly as cross products.
        long bestCount = -1;
        long bestWeight = 1;
        int tied = 0;
        for (WeightClass c : classes) {
            long count = c.buckets().minimum();
            long cross = count * bestWeight - bestCount * c.weight();
            if (bestCount < 0 || cross < 0) {
                bestCount = count;
                bestWeight = c.weight();
                tied = c.buckets().tiedAtMinimum();
            } else if (cross == 0) {
                tied += c.buckets().tiedAtMinimum();
            }
        }
        int chosen = tied == 1 ? 0 : random.nextInt(tied);
        for (WeightClass c : classes) {
            if (c.buckets().minimum() * bestWeight != bestCount * c.weight()) continue;
            int here = c.buckets().tiedAtMinimum();
            if (chosen < here) return c.backends()[c.buckets().tiedMember(chosen)];
            chosen -= here;
        }
        throw new IllegalStateException("no tied backend found");
    }

    private static double ramped(BackendView backend) {
        return backend.outstanding() / (backend.weight() * backend.slowStartFactor());
    }

    @Override
    public void onDispatched(BackendView backend) {
        int position = members.positionOf(backend);
        if (position >= 0 && classOf[position] >= 0) classes[classOf[position]].buckets().increment(indexInClass[position]);
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        int position = members.positionOf(backend);
        if (position >= 0 && classOf[position] >= 0) classes[classOf[position]].buckets().decrement(indexInClass[position]);
    }
}
