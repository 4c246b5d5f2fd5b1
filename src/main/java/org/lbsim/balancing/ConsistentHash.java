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
 * <p>A retry takes the first point after the key's that another backend owns, as Envoy's ring
 * hash does when a retry rejects a host. Slow start does not apply (Envoy has it only for round
 * robin and least request; NGINX refuses {@code slow_start} with {@code hash}).
 *
 * <p>Parameter {@code virtualNodes} (default 160, 1 to 10,000); the ring holds at most 2^23
 * points. Cost: O(1) expected per decision (an index by the key's top bits leaves about two
 * points to search; a retry walks on past the avoided backend's points, n ÷ (n − 1) of them on
 * average); O(n·v·log(n·v)) when the usable set
 * changes.
 */
final class ConsistentHash implements BalancingAlgorithm {

    /**
     * Most points on the ring: 2^23 (8,388,608, 64 MiB of points), Envoy's default
     * {@code maximum_ring_size} for its ring hash. The scenario loader refuses a scenario whose
     * {@code virtualNodes} times its servers' total weight exceeds it.
     */
    static final long MAX_RING_POINTS = 1L << 23;

    /** At most 10,000 points per unit of weight: 60 times libketama's 160, and the ring's cap bounds the total. */
    static final Parameter VIRTUAL_NODES = Parameter.integerBetween("virtualNodes", 1, 10_000, 160,
            "points on the ring per unit of weight; more points spread sources more evenly")
            .perUnitOfWeight(MAX_RING_POINTS);

    private final int virtualNodes;
    private BackendView[] backends = new BackendView[0];
    /**
     * The ring, sorted: each point's 32-bit hash in the high half (signed order; where the ring
     * starts does not matter), its owner's index into {@code backends} in the low half, so that
     * a look-up reads the point and its owner from one cache line.
     */
    private long[] ring = new long[0];
    /**
     * An index of the ring by the top bits of a key: the points of bucket b are
     * {@code ring[bucketStart[b] .. bucketStart[b + 1])}. A look-up searches one bucket (about
     * two points) instead of the whole ring, which at 10,000 backends holds 1.6 million points
     * (12.8 MB): more than the caches hold, so each step of a binary search over it would miss.
     */
    private int[] bucketStart = {0, 0};
    private int bucketShift = 31;
    /** By backend id: its index in {@code backends}, or -1. */
    private int[] indexById = new int[0];
    /** Backends that own points (positive weight). */
    private int owners;

    ConsistentHash(AlgorithmContext context) {
        this.virtualNodes = (int) context.value(VIRTUAL_NODES);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.toArray(new BackendView[0]);
        int maxId = -1;
        owners = 0;
        for (BackendView backend : backends) {
            maxId = Math.max(maxId, backend.id());
            if (backend.weight() > 0) owners++;
        }
        indexById = new int[maxId + 1];
        Arrays.fill(indexById, -1);
        for (int i = 0; i < backends.length; i++) indexById[backends[i].id()] = i;
        long totalWeight = 0;
        for (BackendView backend : backends) totalWeight += backend.weight();
        // The loader refuses scenarios whose ring would exceed its cap; what it cannot see (an
        // algorithm switched to live, a benchmark) gets fewer points per unit of weight, every
        // backend alike, as Envoy scales a ring down to its maximum_ring_size.
        long perWeight = totalWeight == 0 ? virtualNodes
                : Math.max(1, Math.min(virtualNodes, MAX_RING_POINTS / totalWeight));
        long total = totalWeight * perWeight;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a hash ring of " + total + " points: the backends' total weight "
                    + totalWeight + " is too large");
        }
        // Point hash in the high half, owner in the low half: one sort of longs orders the ring,
        // and points that collide are ordered by owner, the same way every time.
        long[] packed = new long[(int) total];
        int k = 0;
        for (int owner = 0; owner < backends.length; owner++) {
            String name = backends[owner].name();
            long points = backends[owner].weight() * perWeight;
            for (long v = 0; v < points; v++) {
                packed[k++] = ((long) Hashing.of(name + "#" + v) << 32) | owner;
            }
        }
        Arrays.sort(packed);
        ring = packed;
        indexBuckets();
    }

    /** About two points per bucket; at least two buckets, so that the shift stays below 32. */
    private void indexBuckets() {
        int n = ring.length;
        int bits = Math.max(1, 30 - Integer.numberOfLeadingZeros(Math.max(n, 1)));
        bucketShift = 32 - bits;
        int buckets = 1 << bits;
        bucketStart = new int[buckets + 1];
        int i = 0;
        for (int b = 0; b < buckets; b++) {
            while (i < n && bucketOf(point(i)) < b) i++;
            bucketStart[b] = i;
        }
        bucketStart[buckets] = n;
    }

    private int point(int i) {
        return (int) (ring[i] >>> 32);
    }

    /** The bucket of a point or key: its top bits, in the ring's (signed) order. */
    private int bucketOf(int point) {
        return (point ^ Integer.MIN_VALUE) >>> bucketShift;
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = ring.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int key = Hashing.mix(request.sourceAddress());
        int bucket = bucketOf(key);
        // Points before the key's bucket are below it, points after it above: the first point
        // >= key lies in [low, high]; n means past the end of the ring, which wraps to 0.
        int low = bucketStart[bucket];
        int high = bucketStart[bucket + 1];
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (point(mid) < key) low = mid + 1;
            else high = mid;
        }
        int at = low == n ? 0 : low;
        int avoid = request.avoid();
        int avoided = avoid >= 0 && avoid < indexById.length ? indexById[avoid] : -1;
        if (avoided >= 0 && backends[avoided].weight() > 0) {
            if (owners == 1) return Pick.NoOtherBackend.INSTANCE;
            while ((int) ring[at] == avoided) at = at + 1 == n ? 0 : at + 1;
        }
        return backends[(int) ring[at]];
    }

    @Override
    public boolean slowStartApplies() {
        return false;
    }
}
