package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ring's look-up goes through an index by the key's top bits; it must find exactly the
 * owner that the ring's definition gives: the first point at or after the key's hash, wrapping
 * past the last point to the first.
 */
class ConsistentHashTest {

    @ParameterizedTest(name = "{0} backends, {1} virtual nodes")
    @CsvSource({"1, 1", "1, 2", "2, 1", "2, 160", "3, 7", "37, 160", "1000, 160"})
    void indexedLookupFindsTheOwnerTheRingDefines(int backends, int virtualNodes) {
        FakeBalancer balancer = new FakeBalancer("consistent-hash", Map.of("virtualNodes", String.valueOf(virtualNodes)),
                new int[backends]);
        for (int i = 0; i < backends; i++) balancer.backends.set(i, new FakeBalancer.Backend(i, 1 + i % 3));
        balancer.health();
        Ring ring = new Ring(balancer, virtualNodes);
        SplittableRandom random = new SplittableRandom(backends * 31L + virtualNodes);
        for (int k = 0; k < 50_000; k++) {
            int address = k < 4 ? new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}[k] : random.nextInt();
            assertThat(balancer.dispatch(new FakeBalancer.Source(address)).id())
                    .as("address %d", address).isEqualTo(ring.owner(Hashing.mix(address)));
        }
    }

    /**
     * What the loader cannot see (an algorithm switched to live in the window, a benchmark) gets
     * fewer points per unit of weight, every backend alike, so the ring never passes 2^23 points
     * and its size is computed without overflow: 256 backends of weight 256 at the default 160
     * would be 10.5 million points.
     */
    @org.junit.jupiter.api.Test
    void aRingBeyondItsCap_isScaledDownAlike_andEveryBackendKeepsItsShare() {
        int[] weights = new int[256];
        Arrays.fill(weights, 256);
        weights[0] = 128;
        FakeBalancer balancer = new FakeBalancer("consistent-hash", Map.of(), weights);
        int[] hits = new int[weights.length];
        SplittableRandom random = new SplittableRandom(15);
        for (int k = 0; k < 200_000; k++) hits[balancer.dispatch(new FakeBalancer.Source(random.nextInt())).id()]++;
        assertThat(Arrays.stream(hits).min().getAsInt()).isPositive();
        // 65,408 units of weight share 8,388,608 points: 128 per unit, so backend 0 holds half a share.
        assertThat(hits[0]).isBetween(200_000 / 511 / 2, 200_000 / 511 * 2);
        assertThat(ConsistentHash.MAX_RING_POINTS).isEqualTo(8_388_608L);
    }

    /** The ring written out from its definition, searched point by point. */
    private static final class Ring {
        private final long[] points; // hash in the high half, owner's id in the low half

        Ring(FakeBalancer balancer, int virtualNodes) {
            points = balancer.backends.stream()
                    .flatMapToLong(b -> java.util.stream.LongStream.range(0, (long) b.weight() * virtualNodes)
                            .map(v -> ((long) Hashing.of(b.name() + "#" + v) << 32) | b.id()))
                    .sorted().toArray();
        }

        /** The owner of the first point whose hash is at least {@code key}, or of the first point. */
        int owner(int key) {
            int at = Arrays.binarySearch(points, (long) key << 32);
            if (at < 0) at = -at - 1; // the insertion point: the first entry not below (key, 0)
            return (int) points[at == points.length ? 0 : at];
        }
    }
}
