package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The usable backend with the fewest outstanding requests (sent by this balancer and not yet
 * answered, whether in service or waiting). NGINX {@code least_conn}, HAProxy
 * {@code balance leastconn}, AWS ALB {@code least_outstanding_requests}. Ties are broken
 * uniformly at random, so no backend is favoured by its position.
 *
 * <p>Cost: O(n) per decision over the n usable backends (one pass with reservoir sampling of
 * the ties). The indexed O(log n) version belongs to the algorithms issue.
 */
final class LeastConnections implements BalancingAlgorithm {

    private final RandomGenerator random;
    private BackendView[] backends = new BackendView[0];

    LeastConnections(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.toArray(new BackendView[0]);
    }

    @Override
    public Pick pick(RequestInfo request) {
        BackendView best = null;
        int fewest = Integer.MAX_VALUE;
        int ties = 0;
        for (BackendView backend : backends) {
            int outstanding = backend.outstanding();
            if (outstanding < fewest) {
                fewest = outstanding;
                best = backend;
                ties = 1;
            } else if (outstanding == fewest && random.nextInt(++ties) == 0) {
                best = backend;
            }
        }
        return best == null ? Pick.NoHealthyBackend.INSTANCE : best;
    }
}
