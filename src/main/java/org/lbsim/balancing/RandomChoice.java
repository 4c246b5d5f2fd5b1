package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A usable backend uniformly at random, blind to load. HAProxy {@code balance random(1)},
 * Envoy {@code RANDOM}. O(1) per decision. Over {@code n} identical servers it splits a Poisson
 * stream into {@code n} independent Poisson streams: each server is an M/M/c (or M/G/c) queue.
 */
final class RandomChoice implements BalancingAlgorithm {

    private final RandomGenerator random;
    private List<? extends BackendView> backends = List.of();

    RandomChoice(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = List.copyOf(usable);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.size();
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        return backends.get(random.nextInt(n));
    }
}
