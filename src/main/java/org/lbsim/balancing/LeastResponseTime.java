package org.lbsim.balancing;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The usable backend with the lowest average measured latency times its outstanding requests
 * plus one, divided by its weight: NGINX Plus {@code least_time} ("the least average response
 * time and least number of active connections, with server weights taken into account"). The
 * average is a time-weighted moving average (see {@link LatencyAverages}) with decay τ; backends
 * not yet measured are tried first. Backends of weight 0 get nothing. Tied backends take turns (see {@link IndexedHeap}).
 *
 * <p>Parameter {@code decay} (τ, default 10s). Cost: O(1) per decision and O(log n) per dispatch
 * and per answer, with an {@link IndexedHeap} of the scores; O(n log n) when the usable set
 * changes. A retry takes the best of the others (the heap's minimum or one of its two children),
 * O(1). A backend in slow start has its score divided by f, its
 * {@link BackendView#slowStartFactor()}, as its weight ramps with NGINX Plus {@code slow_start};
 * such backends are kept out of the heap, whose order would go stale as f grows, and compared one
 * by one: O(r) per decision while r are in slow start.
 */
final class LeastResponseTime implements BalancingAlgorithm {

    static final Parameter DECAY = Parameter.positiveDuration("decay", "10s", 10,
            "how long the latency average remembers (τ of the exponential weighting)");

    private final UniformRandomProvider random;
    private final DoubleSupplier clock;
    private final LatencyAverages averages;
    private Members members = Members.none();
    private IndexedHeap heap;
    /** Backends in slow start: in the heap with an infinite score, scored at each decision instead. */
    private Ramping ramping = Ramping.none();

    LeastResponseTime(AlgorithmContext context) {
        this.random = context.random();
        this.clock = context.clock();
        this.averages = new LatencyAverages(context.value(DECAY), false);
        this.heap = new IndexedHeap(0, random);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        ramping = Ramping.of(members);
        heap = new IndexedHeap(members.size(), random);
        for (int i = 0; i < members.size(); i++) rescore(i);
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (heap.size() == 0) return Pick.NoHealthyBackend.INSTANCE;
        int avoid = request.avoid();
        if (avoid < 0 && ramping.isEmpty()) {
            int best = heap.minimum();
            return heap.scoreOf(best) == Double.POSITIVE_INFINITY ? Pick.NoHealthyBackend.INSTANCE : members.get(best);
        }
        int avoided = members.positionOfId(avoid);
        int best = heap.minimumExcept(avoided);
        double bestScore = best < 0 ? Double.POSITIVE_INFINITY : heap.scoreOf(best);
        for (int k = 0; k < ramping.size(); k++) {
            int member = ramping.position(k);
            if (member == avoided) continue;
            double score = score(members.get(member)) / members.get(member).slowStartFactor();
            if (score < bestScore) {
                best = member;
                bestScore = score;
            }
        }
        if (bestScore < Double.POSITIVE_INFINITY) return members.get(best);
        return avoided >= 0 && members.get(avoided).weight() > 0 ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
    }

    @Override
    public void onDispatched(BackendView backend) {
        int member = members.positionOf(backend);
        if (member >= 0) rescore(member);
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        averages.observe(backend.id(), latencySeconds, clock.getAsDouble());
        int member = members.positionOf(backend);
        if (member >= 0) rescore(member);
    }

    private void rescore(int member) {
        heap.set(member, ramping.contains(member) ? Double.POSITIVE_INFINITY : score(members.get(member)));
    }

    /** Load × (outstanding + 1) ÷ weight; infinite for weight 0. */
    private double score(BackendView backend) {
        return backend.weight() == 0 ? Double.POSITIVE_INFINITY
                : LatencyAverages.load(averages.average(backend.id(), 0), backend.outstanding()) / backend.weight();
    }
}
