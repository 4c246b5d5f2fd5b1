package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each algorithm on its own, driven as the balancer drives it. */
class AlgorithmsTest {

    static Stream<String> every() {
        return Algorithms.standard().all().stream().map(AlgorithmInfo::name);
    }

    @ParameterizedTest
    @MethodSource("every")
    void neverPicksAnUnhealthyBackend(String name) {
        FakeBalancer balancer = new FakeBalancer(name, 6);
        balancer.markDown(1);
        balancer.markDown(4);
        for (int i = 0; i < 2000; i++) {
            var backend = balancer.dispatch(new FakeBalancer.Source(i * 7919));
            assertThat(backend.id()).isNotIn(1, 4);
            if (i % 3 == 0) balancer.finish(backend, 0.01 * (1 + backend.id()));
            if (i % 50 == 0) balancer.algorithm.onLoadReport(balancer.backends.get(i % 6), 0.1 * (i % 6));
        }
    }

    @ParameterizedTest
    @MethodSource("every")
    void noHealthyBackend_isAnExplicitOutcome(String name) {
        FakeBalancer balancer = new FakeBalancer(name, 3);
        for (int i = 0; i < 3; i++) balancer.markDown(i);
        assertThat(balancer.pick()).isSameAs(Pick.NoHealthyBackend.INSTANCE);
        balancer.backends.get(2).healthy = true;
        balancer.health();
        assertThat(balancer.pick()).isSameAs(balancer.backends.get(2));
    }

    /** Equally loaded backends share the picks equally: no backend is favoured by its position. */
    @ParameterizedTest
    @ValueSource(strings = {"least-connections", "weighted-least-connections", "power-of-d", "least-response-time",
            "peak-ewma", "join-idle-queue", "random", "weighted-random"})
    void tiesAreBrokenWithoutBias(String name) {
        int n = 4;
        int picks = 40_000;
        FakeBalancer balancer = new FakeBalancer(name, n);
        int[] counts = new int[n];
        for (int i = 0; i < picks; i++) {
            var backend = balancer.dispatch();
            counts[backend.id()]++;
            balancer.finish(backend, Double.NaN); // back to a tie, all idle and unmeasured
        }
        assertUniform(counts, picks);
    }

    @Test
    void leastUtilization_breaksTiesBetweenEqualReportsWithoutBias() {
        int n = 4;
        int rounds = 20_000;
        FakeBalancer balancer = new FakeBalancer("least-utilization", n);
        int[] counts = new int[n];
        SplittableRandom phases = new SplittableRandom(13);
        for (int i = 0; i < rounds; i++) {
            // Agents report in an order of their own; the oldest equal report wins.
            List<FakeBalancer.Backend> order = new ArrayList<>(balancer.backends);
            java.util.Collections.shuffle(order, new java.util.Random(phases.nextLong()));
            for (var backend : order) balancer.algorithm.onLoadReport(backend, 0.5);
            counts[((BackendView) balancer.pick()).id()]++;
        }
        assertUniform(counts, rounds);
    }

    @Test
    void leastUtilization_choosesTheLowestLastReport() {
        FakeBalancer balancer = new FakeBalancer("least-utilization", 3);
        double[] reports = {0.7, 0.2, 0.9};
        for (int i = 0; i < 3; i++) balancer.algorithm.onLoadReport(balancer.backends.get(i), reports[i]);
        for (int i = 0; i < 10; i++) assertThat(balancer.dispatch().id()).isEqualTo(1); // stale: the herd
        balancer.algorithm.onLoadReport(balancer.backends.get(1), 1.0);
        assertThat(balancer.dispatch().id()).isEqualTo(0);
    }

    /** Each count within 4 standard deviations of picks/n. */
    private static void assertUniform(int[] counts, int picks) {
        double p = 1.0 / counts.length;
        double sd = Math.sqrt(picks * p * (1 - p));
        for (int count : counts) assertThat(Math.abs(count - picks * p)).isLessThan(4 * sd);
    }

    @Test
    void leastConnections_takesTheBackendWithFewestOutstanding() {
        FakeBalancer balancer = new FakeBalancer("least-connections", 3);
        for (int i = 0; i < 6; i++) balancer.dispatch();
        assertThat(balancer.backends).extracting(b -> b.outstanding).containsOnly(2);
        balancer.finish(balancer.backends.get(1), 1);
        assertThat(balancer.dispatch().id()).isEqualTo(1);
    }

    @Test
    void leastConnections_keepsItsOrderAcrossHealthChanges() {
        FakeBalancer balancer = new FakeBalancer("least-connections", 3);
        for (int i = 0; i < 6; i++) balancer.dispatch(); // 2 each
        balancer.markDown(0);
        balancer.finish(balancer.backends.get(0), Double.NaN); // an answer from a backend no longer usable
        balancer.finish(balancer.backends.get(2), 1);
        assertThat(balancer.dispatch().id()).isEqualTo(2);
    }

    @Test
    void weightedRoundRobin_isNginxSmoothSequence() {
        FakeBalancer balancer = new FakeBalancer("weighted-round-robin", Map.of(), 5, 1, 1);
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < 14; i++) sequence.append((char) ('a' + balancer.dispatch().id()));
        assertThat(sequence).hasToString("aabacaa" + "aabacaa");
    }

    /** NGINX's own loop (ngx_http_upstream_get_peer), O(n) per pick: the reference to agree with. */
    @Test
    void weightedRoundRobin_agreesWithNginxsLoopForRandomWeights() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(8);
            int[] weights = new int[n];
            for (int i = 0; i < n; i++) weights[i] = 1 + random.nextInt(random.nextBoolean() ? 3 : 10);
            FakeBalancer balancer = new FakeBalancer("weighted-round-robin", Map.of(), weights);
            long[] current = new long[n];
            long total = 0;
            for (int w : weights) total += w;
            for (int step = 0; step < 3 * total + 5; step++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    current[i] += weights[i];
                    if (best < 0 || current[i] > current[best]) best = i;
                }
                current[best] -= total;
                assertThat(balancer.dispatch().id()).as("weights %s step %d", java.util.Arrays.toString(weights), step)
                        .isEqualTo(best);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"weighted-round-robin", "weighted-random", "ip-hash", "consistent-hash"})
    void weightedAlgorithms_giveSharesProportionalToWeights(String name) {
        int[] weights = {5, 3, 2, 0};
        int picks = name.equals("weighted-round-robin") ? 10_000 : 100_000;
        FakeBalancer balancer = new FakeBalancer(name, Map.of(), weights);
        int[] counts = new int[weights.length];
        SplittableRandom addresses = new SplittableRandom(11);
        for (int i = 0; i < picks; i++) {
            var backend = balancer.dispatch(new FakeBalancer.Source(addresses.nextInt()));
            counts[backend.id()]++;
            balancer.finish(backend, 0.01);
        }
        assertThat(counts[3]).isZero();
        for (int i = 0; i < 3; i++) {
            double share = (double) counts[i] / picks;
            double expected = weights[i] / 10.0;
            // Exact for round robin; sampling error plus, for the ring, the unevenness of 160 points per weight.
            double tolerance = name.equals("weighted-round-robin") ? 1e-9 : name.equals("consistent-hash") ? 0.05 : 0.01;
            assertThat(share).as("share of weight %d", weights[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void weightedLeastConnections_keepsOutstandingProportionalToWeights() {
        FakeBalancer balancer = new FakeBalancer("weighted-least-connections", Map.of(), 3, 1, 2, 0);
        for (int i = 0; i < 600; i++) balancer.dispatch();
        assertThat(balancer.backends).extracting(b -> b.outstanding).containsExactly(300, 100, 200, 0);
    }

    @Test
    void powerOfD_samplesDistinctBackends() {
        // With d = n every backend is compared, so the least loaded always wins.
        FakeBalancer balancer = new FakeBalancer("power-of-d", Map.of("choices", "4"), 1, 1, 1, 1);
        for (int i = 0; i < 400; i++) balancer.dispatch();
        assertThat(balancer.backends).extracting(b -> b.outstanding).containsOnly(100);
    }

    @Test
    void joinIdleQueue_sendsToIdleBackendsFirst() {
        FakeBalancer balancer = new FakeBalancer("join-idle-queue", 3);
        var a = balancer.dispatch();
        var b = balancer.dispatch();
        var c = balancer.dispatch();
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        balancer.dispatch(); // none idle: random
        var idle = b.outstanding == 1 ? b : c.outstanding == 1 ? c : a;
        balancer.finish(idle, 0.1);
        assertThat(balancer.dispatch()).isSameAs(idle);
    }

    @Test
    void peakEwma_avoidsABackendWhoseLatencyPeaked() {
        FakeBalancer balancer = new FakeBalancer("peak-ewma", Map.of("decay", "10.0"), 1, 1);
        // Each answered one request: backend 0 in 10 ms, backend 1 in 500 ms.
        balancer.algorithm.onFinished(balancer.backends.get(0), 0.010);
        balancer.algorithm.onFinished(balancer.backends.get(1), 0.500);
        balancer.now = 1;
        for (int i = 0; i < 20; i++) {
            var backend = balancer.dispatch();
            assertThat(backend.id()).isZero();
            balancer.finish(backend, 0.010);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ip-hash", "consistent-hash"})
    void hashing_keepsASourceOnOneBackend(String name) {
        FakeBalancer balancer = new FakeBalancer(name, 10);
        SplittableRandom random = new SplittableRandom(5);
        for (int s = 0; s < 1000; s++) {
            int address = random.nextInt();
            var first = balancer.dispatch(new FakeBalancer.Source(address));
            for (int k = 0; k < 5; k++) assertThat(balancer.dispatch(new FakeBalancer.Source(address))).isSameAs(first);
        }
    }

    @Test
    void consistentHash_removingOneOfNMovesOnlyItsSourcesAboutOneNth() {
        int n = 20;
        FakeBalancer balancer = new FakeBalancer("consistent-hash", n);
        SplittableRandom random = new SplittableRandom(9);
        int sources = 50_000;
        Map<Integer, Integer> before = new HashMap<>();
        List<Integer> addresses = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            int address = random.nextInt();
            addresses.add(address);
            before.put(address, balancer.dispatch(new FakeBalancer.Source(address)).id());
        }
        int removed = 7;
        balancer.markDown(removed);
        int moved = 0;
        for (int address : addresses) {
            int now = balancer.dispatch(new FakeBalancer.Source(address)).id();
            if (now != before.get(address)) {
                moved++;
                assertThat(before.get(address)).as("only the removed backend's sources move").isEqualTo(removed);
            } else {
                assertThat(now).isNotEqualTo(removed);
            }
        }
        assertThat((double) moved / sources).isCloseTo(1.0 / n, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void ipHash_movesMostSourcesWhenTheSetChanges() {
        FakeBalancer balancer = new FakeBalancer("ip-hash", 20);
        SplittableRandom random = new SplittableRandom(9);
        int moved = 0;
        int sources = 10_000;
        int[] addresses = random.ints(sources).toArray();
        int[] before = new int[sources];
        for (int s = 0; s < sources; s++) before[s] = balancer.dispatch(new FakeBalancer.Source(addresses[s])).id();
        balancer.markDown(7);
        for (int s = 0; s < sources; s++) if (balancer.dispatch(new FakeBalancer.Source(addresses[s])).id() != before[s]) moved++;
        assertThat((double) moved / sources).isGreaterThan(0.5); // the contrast with consistent-hash
    }
}
