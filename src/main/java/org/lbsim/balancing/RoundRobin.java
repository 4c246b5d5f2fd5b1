package org.lbsim.balancing;

import java.util.List;

/**
 * Each usable backend in turn. The default of AWS ALB target groups
 * ({@code load_balancing.algorithm.type=round_robin}), NGINX (no directive) and HAProxy
 * ({@code balance roundrobin}, without weights). O(1) per decision.
 *
 * <p>When the usable set changes the rotation carries on from the same position, so a backend
 * leaving does not send a burst to its neighbour.
 */
final class RoundRobin implements BalancingAlgorithm {

    private List<? extends BackendView> backends = List.of();
    private int next;

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = List.copyOf(usable);
        next = backends.isEmpty() ? 0 : next % backends.size();
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.size();
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        BackendView chosen = backends.get(next);
        next = next + 1 == n ? 0 : next + 1;
        return chosen;
    }
}
