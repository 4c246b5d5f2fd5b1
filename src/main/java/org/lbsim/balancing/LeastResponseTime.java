package org.lbsim.balancing;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The usable backend with the lowest average measured latency times its outstanding requests
 * plus one, divided by its weight: NGINX Plus {@code least_time} ("the least average response
 * time and least number of active connections, with server weights taken into account"). The
 * average is a time-weighted moving average (see {@link LatencyAverages}) with decay τ; backends
 * not yet measured are tried first. Backends of weight 0 get nothing. Tied backends take turns (see {@link IndexedHeap}).
 *
 * <p>Parameter {@code decay} (τ, default 10s). Cost: O(1) per decision and O(log n) per dispatch
 * and per answer, with an {@link IndexedHeap} of the scores; O(n log n) when the usable set changes.
 */
final class LeastResponseTime implements BalancingAlgorithm {

    static final Parameter DECAY = Parameter.positiveDuration("decay", "10s", 10,
            "how long the latency average remembers (τ of the exponential weighting)");

    private final RandomGenerator random;
    private final DoubleSupplier clock;
    private final LatencyAverages averages;
    private Members members = Members.none();
    private IndexedHeap heap;

    LeastResponseTime(AlgorithmContext context) {
        this.random = context.random();
        this.clock = context.clock();
        this.averages = new LatencyAverages(context.value(DECAY), false);
        this.heap = new IndexedHeap(0, random);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        heap = new IndexedHeap(members.size(), random);
        for (int i = 0; i < members.size(); i++) rescore(i);
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (heap.size() == 0) return Pick.NoHealthyBackend.INSTANCE;
        int best = heap.minimum();
        return heap.scoreOf(best) == Double.POSITIVE_INFINITY ? Pick.NoHealthyBackend.INSTANCE : members.get(best);
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
        BackendView backend = members.get(member);
        double score = backend.weight() == 0 ? Double.POSITIVE_INFINITY
                : LatencyAverages.load(averages.average(backend.id(), 0), backend.outstanding()) / backend.weight();
        heap.set(member, score);
    }
}
