package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract between the balancer and every registered algorithm: a pick is a pure query; a
 * retry never goes back to the backend it avoids while another is usable; slow start ramps a
 * backend's share (or its load) as docs/failures.md says, or, where it does not apply, changes
 * nothing.
 */
class AlgorithmContractTest {

    private static final int[] WEIGHTS = {2, 1, 3, 1, 2};

    static Stream<String> every() {
        return Algorithms.standard().all().stream().map(AlgorithmInfo::name);
    }

    /** How slow start shows, per algorithm; see docs/failures.md. */
    enum Ramp {
        /** Its share of requests is w·f ÷ (Σ steady w + w·f). */
        SHARE,
        /** It holds f times as many outstanding requests (per unit of weight) as the others. */
        OUTSTANDING,
        /** Its latency load, average × (outstanding + 1), is f times the others'. */
        LATENCY_LOAD,
        /** It does not apply: routing is the same with and without it. */
        NONE
    }

    static final Map<String, Ramp> RAMPS = Map.ofEntries(
            Map.entry("round-robin", Ramp.SHARE),
            Map.entry("weighted-round-robin", Ramp.SHARE),
            Map.entry("random", Ramp.SHARE),
            Map.entry("weighted-random", Ramp.SHARE),
            Map.entry("least-connections", Ramp.OUTSTANDING),
            Map.entry("weighted-least-connections", Ramp.OUTSTANDING),
            Map.entry("power-of-d", Ramp.OUTSTANDING),
            Map.entry("least-response-time", Ramp.LATENCY_LOAD),
            Map.entry("peak-ewma", Ramp.LATENCY_LOAD),
            Map.entry("ip-hash", Ramp.NONE),
            Map.entry("consistent-hash", Ramp.NONE),
            Map.entry("join-idle-queue", Ramp.NONE),
            Map.entry("least-utilization", Ramp.NONE));

    @Test
    void everyAlgorithmSaysHowSlowStartShowsInIt() {
        assertThat(RAMPS.keySet()).containsExactlyInAnyOrderElementsOf(every().toList());
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            boolean applies = info.create(new AlgorithmContext(new Rewindable(1), Map.of())).slowStartApplies();
            assertThat(applies).as(info.name()).isEqualTo(RAMPS.get(info.name()) != Ramp.NONE);
        }
    }

    // --- Retries -------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("every")
    void aRetryNeverGoesBackToTheBackendThatFailed(String name) {
        for (boolean slowStart : new boolean[] {false, true}) {
            FakeBalancer balancer = new FakeBalancer(name, new Rewindable(5), WEIGHTS);
            if (slowStart) ramp(balancer, 0.3, 0.6);
            SplittableRandom script = new SplittableRandom(21);
            List<FakeBalancer.Backend> busy = new ArrayList<>();
            int retries = 0;
            for (int i = 0; i < 3000; i++) {
                balancer.now += 0.001;
                int source = script.nextInt();
                FakeBalancer.Backend backend = balancer.dispatch(new FakeBalancer.Source(source));
                while (script.nextInt(3) == 0) { // its connection fails: released, then retried elsewhere
                    balancer.finish(backend, Double.NaN);
                    Pick retry = balancer.retryPick(source, backend);
                    assertThat(retry).as("%s, slow start %s, retry %d", name, slowStart, i)
                            .isInstanceOf(FakeBalancer.Backend.class).isNotSameAs(backend);
                    backend = (FakeBalancer.Backend) retry;
                    balancer.algorithm.onPicked(backend);
                    balancer.send(backend);
                    retries++;
                }
                busy.add(backend);
                if (script.nextInt(4) != 0) {
                    var done = busy.remove(script.nextInt(busy.size()));
                    balancer.finish(done, 0.005 + 0.01 * done.id());
                }
                if (i % 50 == 0) balancer.algorithm.onLoadReport(balancer.backends.get(i % 5), 0.1 * (i % 5));
            }
            assertThat(retries).isGreaterThan(1000);
        }
    }

    @ParameterizedTest
    @MethodSource("every")
    void aRetryWhoseFailedBackendIsTheOnlyUsableOneHasNoOtherBackend(String name) {
        for (boolean slowStart : new boolean[] {false, true}) {
            FakeBalancer balancer = new FakeBalancer(name, 3);
            if (slowStart) ramp(balancer, 0.5, 0.5, 0.5);
            balancer.markDown(0);
            balancer.markDown(1);
            var only = balancer.dispatch();
            assertThat(only.id()).isEqualTo(2);
            balancer.finish(only, Double.NaN);
            assertThat(balancer.retryPick(0, only)).as("%s, slow start %s", name, slowStart)
                    .isSameAs(Pick.NoOtherBackend.INSTANCE);
            // A backend not usable any more cannot be the reason: nothing else is usable either.
            var gone = balancer.backends.get(0);
            assertThat(balancer.retryPick(0, gone)).isSameAs(only);
            balancer.markDown(2);
            assertThat(balancer.retryPick(0, only)).isSameAs(Pick.NoHealthyBackend.INSTANCE);
        }
    }

    // --- Pure picks -----------------------------------------------------------------------

    enum Drive { PLAIN, RETRIES, SLOW_START }

    /**
     * Two copies of an algorithm, driven alike; one is also asked extra questions before every
     * decision (the same pick twice, a retry's pick), with its random stream rewound after each.
     * The two picks agree, and the two copies decide alike for the whole run: asking changed
     * nothing.
     */
    @ParameterizedTest
    @MethodSource("every")
    void pickHasNoSideEffects(String name) {
        for (Drive drive : Drive.values()) {
            Rewindable quietRandom = new Rewindable(3);
            Rewindable askedRandom = new Rewindable(3);
            FakeBalancer quiet = new FakeBalancer(name, quietRandom, WEIGHTS);
            FakeBalancer asked = new FakeBalancer(name, askedRandom, WEIGHTS);
            List<Integer> quietDecisions = run(quiet, drive, null, null);
            List<Integer> askedDecisions = run(asked, drive, askedRandom, name + " " + drive);
            assertThat(askedDecisions).as("%s, %s", name, drive).isEqualTo(quietDecisions);
        }
    }

    /** One scripted run: dispatches (some retried), answers, load reports, a backend down and back. */
    private static List<Integer> run(FakeBalancer balancer, Drive drive, Rewindable askedRandom, String what) {
        SplittableRandom script = new SplittableRandom(17);
        List<Integer> decisions = new ArrayList<>();
        List<FakeBalancer.Backend> busy = new ArrayList<>();
        if (drive == Drive.SLOW_START) ramp(balancer, 0.05, 0.05);
        for (int step = 0; step < 3000; step++) {
            balancer.now += 0.002;
            if (drive == Drive.SLOW_START && step < 2000) {
                // The ramps grow with the clock between updates, as the balancer's do.
                balancer.backends.get(1).slowStartFactor = 0.05 + step / 2200.0;
                balancer.backends.get(3).slowStartFactor = 0.05 + step / 4000.0;
            }
            if (drive == Drive.SLOW_START && step == 2000) ramp(balancer, 1, 1); // the ramps end
            if (step == 1000) balancer.markDown(2);
            if (step == 1500) {
                balancer.backends.get(2).healthy = true;
                if (drive == Drive.SLOW_START) balancer.backends.get(2).slowStartFactor = 0.2;
                balancer.health();
            }
            int source = script.nextInt();
            FakeBalancer.Source request = new FakeBalancer.Source(source);
            if (askedRandom != null) {
                askedRandom.mark();
                Pick first = balancer.algorithm.pick(request);
                askedRandom.rewind();
                Pick second = balancer.algorithm.pick(request);
                askedRandom.rewind();
                assertThat(second).as("%s, step %d: the same pick twice", what, step).isSameAs(first);
                if (first instanceof FakeBalancer.Backend backend) {
                    balancer.algorithm.pick(new FakeBalancer.Source(source, backend.id()));
                    askedRandom.rewind();
                }
            }
            int kind = script.nextInt(10);
            if (kind < 6 || busy.isEmpty()) {
                FakeBalancer.Backend backend = balancer.dispatch(request);
                decisions.add(backend.id());
                if (drive == Drive.RETRIES && script.nextInt(4) == 0) {
                    balancer.finish(backend, Double.NaN);
                    if (askedRandom != null) {
                        askedRandom.mark();
                        balancer.retryPick(source, backend);
                        askedRandom.rewind();
                    }
                    Pick retry = balancer.retryPick(source, backend);
                    decisions.add(retry instanceof FakeBalancer.Backend b ? b.id() : -1);
                    if (!(retry instanceof FakeBalancer.Backend other)) continue;
                    balancer.algorithm.onPicked(other);
                    balancer.send(other);
                    backend = other;
                }
                busy.add(backend);
            } else if (kind < 9) {
                var done = busy.remove(script.nextInt(busy.size()));
                balancer.finish(done, 0.005 + 0.02 * script.nextDouble());
            } else {
                balancer.algorithm.onLoadReport(balancer.backends.get(script.nextInt(5)), script.nextDouble());
            }
        }
        return decisions;
    }

    // --- Slow start -----------------------------------------------------------------------

    /** Puts backends 1, 3, ... (every other one from 1) in slow start at these factors, as a health verdict would. */
    private static void ramp(FakeBalancer balancer, double... factors) {
        for (int k = 0; k < factors.length; k++) {
            int id = factors.length == balancer.backends.size() ? k : 1 + 2 * k;
            balancer.backends.get(id).slowStartFactor = factors[k];
        }
        balancer.health();
    }

    @ParameterizedTest
    @MethodSource("every")
    void slowStartRampsAsDocumented(String name) {
        Ramp ramp = RAMPS.get(name);
        for (double f : new double[] {0.1, 0.25, 0.5, 0.75}) {
            switch (ramp) {
                case SHARE -> assertShare(name, f);
                case OUTSTANDING, LATENCY_LOAD -> assertLoad(name, f, ramp);
                case NONE -> assertUnchanged(name, f);
            }
        }
    }

    /** Backend 1 of weights 2, 1, 3 at factor f, answers coming back at once: its share of requests. */
    private static void assertShare(String name, double f) {
        boolean weighted = name.startsWith("weighted-");
        int[] weights = {2, 1, 3};
        FakeBalancer balancer = new FakeBalancer(name, new Rewindable(9), weights);
        balancer.backends.get(1).slowStartFactor = f;
        balancer.health();
        int picks = 200_000;
        int[] counts = new int[weights.length];
        for (int i = 0; i < picks; i++) {
            var backend = balancer.dispatch();
            counts[backend.id()]++;
            balancer.finish(backend, 0.01);
        }
        double steady = weighted ? weights[0] + weights[2] : 2;
        double ramped = weighted ? weights[1] * f : f;
        double expected = ramped / (steady + ramped);
        // Exact up to one turn for the rotations; sampling error (4 standard deviations) for the draws.
        double tolerance = name.endsWith("round-robin") ? 2.0 / picks : 4 * Math.sqrt(expected * (1 - expected) / picks);
        assertThat((double) counts[1] / picks).as("%s, f = %s", name, f).isCloseTo(expected, Offset.offset(tolerance));
        // The steady backends share the rest as before.
        double rest = picks - counts[1];
        double share0 = weighted ? weights[0] / steady : 0.5;
        assertThat(counts[0] / rest).as("%s, f = %s, backend 0 of the rest", name, f)
                .isCloseTo(share0, Offset.offset(name.endsWith("round-robin") ? 2.0 / picks : 0.01));
    }

    /**
     * Four backends of weight 1, backend 1 at factor f; requests dispatched and never answered
     * (each backend first answered one, at the same latency): the loads the algorithm compares
     * are equal, so backend 1 holds f times what the others hold.
     */
    private static void assertLoad(String name, double f, Ramp ramp) {
        FakeBalancer balancer = new FakeBalancer(name, new Rewindable(11), 1, 1, 1, 1);
        for (var backend : balancer.backends) {
            balancer.send(backend);
            balancer.finish(backend, 0.02);
        }
        balancer.backends.get(1).slowStartFactor = f;
        balancer.health();
        for (int i = 0; i < 4000; i++) balancer.dispatch();
        double others = (balancer.backends.get(0).outstanding + balancer.backends.get(2).outstanding
                + balancer.backends.get(3).outstanding) / 3.0;
        double ramped = balancer.backends.get(1).outstanding;
        double ratio = ramp == Ramp.OUTSTANDING ? ramped / others : (ramped + 1) / (others + 1);
        // Exact up to one request for the full comparisons; sampled ones (two choices) settle near it.
        double tolerance = name.equals("power-of-d") || name.equals("peak-ewma") ? 0.05 : 0.01;
        assertThat(ratio).as("%s, f = %s", name, f).isCloseTo(f, Offset.offset(tolerance));
    }

    /** The same decisions with backend 1 in slow start and without. */
    private static void assertUnchanged(String name, double f) {
        FakeBalancer steady = new FakeBalancer(name, new Rewindable(13), WEIGHTS);
        steady.health();
        FakeBalancer ramped = new FakeBalancer(name, new Rewindable(13), WEIGHTS);
        ramped.backends.get(1).slowStartFactor = f;
        ramped.health();
        assertThat(run(ramped, Drive.RETRIES, null, null)).as("%s, f = %s", name, f)
                .isEqualTo(run(steady, Drive.RETRIES, null, null));
    }

    // --- Join-idle-queue's I-queue ----------------------------------------------------------

    @Test
    void joinIdleQueue_aRetryLeavesTheBackendItAvoidsInTheIdleQueue() {
        FakeBalancer balancer = new FakeBalancer("join-idle-queue", 3);
        var first = balancer.dispatch();
        balancer.finish(first, Double.NaN); // refused: idle again, back in the I-queue
        var retry = (FakeBalancer.Backend) balancer.retryPick(0, first);
        assertThat(retry).isNotSameAs(first);
        balancer.algorithm.onPicked(retry);
        balancer.send(retry);
        var third = balancer.dispatch();
        assertThat(List.of(first, retry, third)).doesNotHaveDuplicates(); // all three idle routing
    }

    @Test
    void joinIdleQueue_aBackendSentARequestWithoutItsPickLeavesTheIdleQueue() {
        FakeBalancer balancer = new FakeBalancer("join-idle-queue", 2);
        var head = (FakeBalancer.Backend) balancer.pick();
        balancer.send(head); // a sticky session's cookie sent it there: no longer idle
        var next = balancer.dispatch();
        assertThat(next).isNotSameAs(head);
        balancer.finish(head, 0.01);
        assertThat(balancer.dispatch()).as("idle again, it rejoined").isSameAs(head);
    }
}
