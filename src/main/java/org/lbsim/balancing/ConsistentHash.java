package org.lbsim.balancing;

import java.util.Arrays;
import java.util.List;

/**
 * A hash ring keyed by the client's source address: each usable backend owns
 * {@code virtualNodes × weight} points on a 32-bit ring, hashed from its name, and a source goes
 * to the owner of the first point at or after its own hash. Karger et al., "Consistent Hashing
 * and Random Trees" (STOC 1997), with virtual nodes as in libketama (160 points per server);
 * HAProxy {@code balance source} with {@code hash-type consistent}, NGINX
 * {@code hash $remote_addr consistent}, Envoy {@code RING_HASH}. When a backend leaves, only the
 * sources it owned move, to the owners of the next points; the others stay. Backends of weight 0
 * get nothing.
 *
 * <p>Parameter {@code virtualNodes} (default 160). Cost: O(log(n·v)) per decision (binary
 * search of the ring); O(n·v·log(n·v)) when the usable set changes.
 */
final class ConsistentHash implements BalancingAlgorithm {

    static final Parameter VIRTUAL_NODES = Parameter.integerAtLeast("virtualNodes", 1, 160,
            "points on the ring per unit of weight; more points spread sources more evenly");

    private final int virtualNodes;
    private BackendView[] backends = new BackendView[0];
    /** Sorted ring points: 32-bit hashes in signed order (where the ring starts does not matter). */
    private int[] points = new int[0];
    /** The owner of each point, as an index into {@code backends}. */
    private int[] owners = new int[0];

    ConsistentHash(AlgorithmContext context) {
        this.virtualNodes = (int) context.value(VIRTUAL_NODES);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.toArray(new BackendView[0]);
        int total = 0;
        for (BackendView backend : backends) total += backend.weight() * virtualNodes;
        // Point hash in the high half, owner in the low half: one sort of longs orders the ring,
        // and points that collide are ordered by owner, the same way every time.
        long[] packed = new long[total];
        int k = 0;
        for (int owner = 0; owner < backends.length; owner++) {
            String name = backends[owner].name();
            for (int v = 0; v < backends[owner].weight() * virtualNodes; v++) {
                packed[k++] = ((long) Hashing.of(name + "#" + v) << 32) | owner;
            }
        }
        Arrays.sort(packed);
        points = new int[total];
        owners = new int[total];
        for (int i = 0; i < total; i++) {
            points[i] = (int) (packed[i] >>> 32);
            owners[i] = (int) packed[i];
        }
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = points.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int key = Hashing.mix(request.sourceAddress());
        int low = 0;
        int high = n; // the first point >= key lies in [low, high]; n means past the end: wrap to 0
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (points[mid] < key) low = mid + 1;
            else high = mid;
        }
        return backends[owners[low == n ? 0 : low]];
    }
}
