package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The usable backend with the fewest outstanding requests (sent by this balancer and not yet
 * answered, whether in service or waiting). NGINX {@code least_conn}, HAProxy
 * {@code balance leastconn}, AWS ALB {@code least_outstanding_requests}. Weights do not apply
 * (see {@code weighted-least-connections}). Ties are broken uniformly at random, so no backend
 * is favoured by its position. Over identical servers this is join-the-shortest-queue.
 *
 * <p>Cost: O(1) per decision and per answer, with {@link CountBuckets}; O(n) when the usable set
 * changes.
 */
final class LeastConnections implements BalancingAlgorithm {

    private final RandomGenerator random;
    private Members members = Members.none();
    private CountBuckets buckets = new CountBuckets(new int[0]);

    LeastConnections(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        int[] counts = new int[members.size()];
        for (int i = 0; i < counts.length; i++) counts[i] = members.get(i).outstanding();
        buckets = new CountBuckets(counts);
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (buckets.size() == 0) return Pick.NoHealthyBackend.INSTANCE;
        return members.get(buckets.pickMinimum(random));
    }

    @Override
    public void onDispatched(BackendView backend) {
        int member = members.positionOf(backend);
        if (member >= 0) buckets.increment(member);
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        int member = members.positionOf(backend);
        if (member >= 0) buckets.decrement(member);
    }
}
