package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The usable backend with the fewest outstanding requests (sent by this balancer and not yet
 * answered, whether in service or waiting). NGINX {@code least_conn}, HAProxy
 * {@code balance leastconn}, AWS ALB {@code least_outstanding_requests}. Weights do not apply
 * (see {@code weighted-least-connections}). Ties are broken uniformly at random, so no backend
 * is favoured by its position. Over identical servers this is join-the-shortest-queue.
 *
 * <p>Cost: O(1) per decision and per answer, with {@link CountBuckets}; O(n) when the usable set
 * changes. A retry takes the fewest outstanding among the others, also O(1). A backend in slow
 * start counts as outstanding ÷ f, f its {@link BackendView#slowStartFactor()}, as HAProxy's
 * {@code leastconn} divides by the ramping weight: it holds about f times as many requests as the
 * others (an idle one still ties with idle others); such backends are kept out of the buckets and
 * compared one by one, O(r) per decision while r are in slow start.
 */
final class LeastConnections implements BalancingAlgorithm {

    private final UniformRandomProvider random;
    /** The usable backends not in slow start: the buckets' members. */
    private Members steady = Members.none();
    private CountBuckets buckets = new CountBuckets(new int[0]);
    /** The usable backends in slow start. */
    private BackendView[] ramping = new BackendView[0];

    LeastConnections(UniformRandomProvider random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        List<BackendView> steadyList = new ArrayList<>();
        List<BackendView> rampingList = new ArrayList<>();
        for (BackendView backend : usable) (backend.slowStartFactor() < 1 ? rampingList : steadyList).add(backend);
        steady = new Members(steadyList);
        ramping = rampingList.toArray(new BackendView[0]);
        int[] counts = new int[steady.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = steady.get(i).outstanding();
        buckets = new CountBuckets(counts);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int avoid = request.avoid();
        if (avoid < 0 && ramping.length == 0) {
            if (buckets.size() == 0) return Pick.NoHealthyBackend.INSTANCE;
            return steady.get(buckets.pickMinimum(random));
        }
        int excluded = steady.positionOfId(avoid);
        boolean anySteady = buckets.size() > (excluded >= 0 ? 1 : 0);
        // The lowest load: steady backends' outstanding counts, and those in slow start scaled up.
        double best = anySteady ? buckets.minimumExcept(excluded) : Double.POSITIVE_INFINITY;
        int steadyTies = anySteady ? buckets.tiedAtMinimumExcept(excluded) : 0;
        double rampingBest = RampingLoads.minimum(ramping, avoid, LeastConnections::load);
        if (rampingBest < best) {
            best = rampingBest;
            steadyTies = 0;
        }
        int rampingTies = rampingBest == best ? RampingLoads.tiedAt(ramping, avoid, best, LeastConnections::load) : 0;
        int ties = steadyTies + rampingTies;
        if (ties == 0) {
            boolean avoidedCounts = avoid >= 0 && (excluded >= 0 || RampingLoads.contains(ramping, avoid));
            return avoidedCounts ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
        }
        int chosen = ties == 1 ? 0 : random.nextInt(ties);
        if (chosen < steadyTies) return steady.get(buckets.tiedMemberExcept(chosen, excluded));
        return RampingLoads.tied(chosen - steadyTies, ramping, avoid, best, LeastConnections::load);
    }

    /** A backend in slow start counts as its outstanding requests divided by its factor. */
    private static double load(BackendView backend) {
        return backend.outstanding() / backend.slowStartFactor();
    }

    @Override
    public void onDispatched(BackendView backend) {
        int member = steady.positionOf(backend);
        if (member >= 0) buckets.increment(member);
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        int member = steady.positionOf(backend);
        if (member >= 0) buckets.decrement(member);
    }
}
