package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerPolicies.OutlierDetectionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.support.Replications;
import org.lbsim.support.TestScenarios;
import org.lbsim.theory.Queues;

/** Each failure mode and each defence against it, as real balancers behave. */
class FailureModesTest {

    private static final int UNLIMITED = ServerSpec.UNLIMITED_QUEUE;
    private final Runner runner = new Runner(Algorithms.standard());

    private static TestScenarios twoServers(String algorithm, FailureSpec failureOfB) {
        return scenario().algorithm(algorithm).duration(600, 0)
                .poissonClient("users", 50, 0.02)
                .server("a", 2, UNLIMITED)
                .server(new ServerSpec("b", null, 2, UNLIMITED, 1.0, 1, failureOfB == null ? List.of() : List.of(failureOfB)));
    }

    private static FailureSpec scheduled(FailureKind kind, double factor, boolean passes, double at, double duration) {
        return new FailureSpec.Scheduled(kind, factor, passes, at, duration);
    }

    private static ServerResult server(RunResult result, String name) {
        return result.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSlowdownForTheWholeRunIsAnMM1AtTheReducedSpeed() {
        double lambda = 0.3;
        double mu = 0.5; // work of mean 1 s at speed 1.0 × factor 0.5
        var slow = new ServerSpec("only", null, 1, UNLIMITED, 1.0, 1,
                List.of(scheduled(FailureKind.SLOWDOWN, 0.5, true, 0, 1e9)));
        var estimate = Replications.estimate(scenario().duration(40_000, 1_000)
                .poissonClient("users", lambda, 1.0).server(slow).build(), 8, r -> r.latency().mean());
        double expected = Queues.mm1ResponseTime(lambda, mu);
        assertThat(estimate.errorsFrom(expected)).isLessThan(4);
        assertThat(estimate.halfWidth() / expected).isLessThan(0.06);
    }

    @Test
    void aGrayBlackHolePassesActiveChecksAndLeastConnectionsPilesOntoIt() {
        RunResult result = runner.run(twoServers("least-connections",
                scheduled(FailureKind.BLACK_HOLE, 1, true, 100, 200)).build());
        assertThat(result.balancer().markedDown()).as("its health endpoint still answers").isZero();
        long failed = result.requests().failed();
        // 200 s of 50/s is about 10,000 requests (± 100): a fair share would be 5,000 (± 50). Errors
        // at once make it look idle whenever the healthy one has anything outstanding.
        assertThat(failed).isGreaterThan(6_000);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("black-hole");
            assertThat(f.detectedAfterSeconds()).isNaN();
            assertThat(f.lost()).isEqualTo(failed);
        });
    }

    @Test
    void outlierDetectionEjectsTheBlackHoleThatActiveChecksMiss() {
        var policies = new BalancerPolicies(0, 20, 3, new OutlierDetectionSpec(5, 10, 30, 50), 300, 0, 10);
        RunResult result = runner.run(twoServers("least-connections",
                scheduled(FailureKind.BLACK_HOLE, 1, true, 100, 200)).policies(policies).build());
        // Ejected after 5 errors, back after 30 s, 60 s, 90 s...: a few errors per return, not thousands.
        assertThat(result.requests().failed()).isLessThan(100);
        assertThat(result.failures().get(0).detectedAfterSeconds()).isLessThan(1);
    }

    @Test
    void aBlackHoleThatFailsChecksIsMarkedDownLikeACrash() {
        RunResult result = runner.run(twoServers("round-robin",
                scheduled(FailureKind.BLACK_HOLE, 1, false, 100, 200)).build());
        assertThat(result.balancer().markedDown()).isEqualTo(1);
        assertThat(result.failures().get(0).detectedAfterSeconds()).isBetween(15.0, 25.0);
    }

    @Test
    void requestsToAnUnreachableServerTimeOutAtTheBalancerAndRetriesSaveThem() {
        FailureSpec cutOff = scheduled(FailureKind.UNREACHABLE, 1, false, 100, 200);
        RunResult withoutRetries = runner.run(twoServers("round-robin", cutOff).build());
        assertThat(withoutRetries.requests().failed()).as("sent to it until detected").isGreaterThan(300);
        assertThat(withoutRetries.requests().retried()).isZero();

        var retries = new BalancerPolicies(1, 100, 1000, null, 300, 0, 10);
        RunResult withRetries = runner.run(twoServers("round-robin", cutOff).policies(retries).build());
        assertThat(withRetries.requests().failed()).isZero();
        // Each retry also takes a turn of the rotation, so the count differs a little from the failures above.
        assertThat(withRetries.requests().retried()).isGreaterThan(300);
        // A retried request waited the 10 s connect timeout first.
        assertThat(withRetries.latency().max()).isGreaterThan(10);
    }

    @Test
    void theRetryBudgetCapsRetriesInFlight() {
        FailureSpec cutOff = scheduled(FailureKind.UNREACHABLE, 1, false, 100, 200);
        var tight = new BalancerPolicies(1, 0, 3, null, 300, 0, 10); // at most 3 retries in flight
        RunResult result = runner.run(twoServers("round-robin", cutOff).policies(tight).build());
        assertThat(result.requests().retried()).isPositive();
        assertThat(result.requests().failed()).as("retries beyond the budget fail").isPositive();
    }

    @Test
    void aCrashedServerRefusesAtOnceAndRetriesGoElsewhereWithoutWaiting() {
        var retries = new BalancerPolicies(2, 100, 1000, null, 300, 0, 10);
        RunResult result = runner.run(twoServers("round-robin",
                scheduled(FailureKind.CRASH, 1, false, 100, 200)).policies(retries).build());
        assertThat(result.requests().retried()).isPositive();
        // Only the requests held at the crash are lost: a retry cannot save a request already in service.
        assertThat(result.requests().failed()).isLessThan(10);
        assertThat(result.latency().max()).isLessThan(5);
    }

    @Test
    void aRemovedServerDrainsAndLosesNothing() {
        RunResult result = runner.run(twoServers("least-connections", null)
                .event(new EventSpec.RemoveServer(300, "b")).build());
        assertThat(result.requests().failed()).isZero();
        assertThat(result.scaling().removed()).isEqualTo(1);
        assertThat(result.scaling().minInstances()).isEqualTo(1);
        assertThat(server(result, "b").upFraction()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anAddedServerBootsPassesItsChecksThenTakesTraffic() {
        var template = new ServerSpec("a", null, 2, UNLIMITED, 1.0, 1, List.of(), 0.10, 60);
        var scenario = scenario().algorithm("round-robin").duration(600, 0)
                .poissonClient("users", 50, 0.02)
                .server(template)
                .event(new EventSpec.AddServer(100, "a-2", "a")).build();
        var live = new org.lbsim.experiment.LiveRun(scenario, Algorithms.standard());
        live.advanceTo(150);
        assertThat(live.latest().servers().get(1).condition()).isEqualTo("booting");
        assertThat(live.latest().servers().get(1).completed()).isZero();
        live.advanceTo(600);
        RunResult result = live.cluster().results(new org.lbsim.metrics.EngineStats(0, 0, 0));
        // Boots at 160 s, then 5 passing checks (the default healthyThreshold, 10 s apart here).
        assertThat(server(result, "a-2").completed()).isPositive();
        assertThat(result.scaling().added()).isEqualTo(1);
        assertThat(result.scaling().maxInstances()).isEqualTo(2);
        // Cost: a from 0 to 600 s, a-2 from 100 s (billed from launch, booting included).
        assertThat(result.cost().instanceHours()).isCloseTo((600 + 500) / 3600.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.cost().total()).isCloseTo(0.10 * (600 + 500) / 3600.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void slowStartRampsTheShareOfARecoveredServer() {
        FailureSpec crash = scheduled(FailureKind.CRASH, 1, false, 100, 50);
        var slowStart = new BalancerPolicies(0, 20, 3, null, 300, 120, 10);
        RunResult ramped = runner.run(twoServers("round-robin", crash).policies(slowStart).build());
        RunResult abrupt = runner.run(twoServers("round-robin", crash).build());
        assertThat(server(ramped, "b").completed()).isLessThan(server(abrupt, "b").completed() - 1000);
    }

    @Test
    void inBandChecksMakeAnOverloadedInstanceFailItsChecksAndFlap() {
        // b runs at 40% speed: under round robin it gets 10 requests/s of 0.1 s work but can do 4.
        FailureSpec slow = scheduled(FailureKind.SLOWDOWN, 0.4, true, 0, 1e9);
        TestScenarios outOfBand = scenario().algorithm("round-robin").duration(1200, 0)
                .poissonClient("users", 20, 0.1)
                .server("a", 2, UNLIMITED)
                .server(new ServerSpec("b", null, 1, UNLIMITED, 1.0, 1, List.of(slow)))
                .healthCheck(new org.lbsim.cluster.spec.HealthCheckSpec(80, 10, 5, 3, 2));
        RunResult quiet = runner.run(outOfBand.build());
        assertThat(quiet.balancer().markedDown()).as("probes answered at once: never down").isZero();

        RunResult flapping = runner.run(outOfBand
                .healthCheck(new org.lbsim.cluster.spec.HealthCheckSpec(80, 10, 5, 3, 2, true, 0.001)).build());
        // Its queue grows until probes wait past the 5 s timeout; marked down, it drains, passes
        // three checks, comes back, and the cycle repeats.
        assertThat(flapping.balancer().markedDown()).isGreaterThanOrEqualTo(3);
        assertThat(flapping.balancer().markedUp()).isGreaterThanOrEqualTo(2);
        assertThat(flapping.latency().p99()).isLessThan(quiet.latency().p99());
    }

    @Test
    void nginxMaxFailsTakesACrashedServerOutAfterOneRefusalForFailTimeout() {
        FailureSpec crash = scheduled(FailureKind.CRASH, 1, false, 100, 200);
        RunResult without = runner.run(twoServers("round-robin", crash).build());
        var policies = new BalancerPolicies(0, 20, 3, null, 300, 0, 10, 1, new BalancerPolicies.MaxFailsSpec(1, 10));
        RunResult with = runner.run(twoServers("round-robin", crash).policies(policies).build());
        // Without: half the traffic fails until the active checks notice (15 to 25 s at 25/s).
        assertThat(without.requests().failed()).isGreaterThan(300);
        // With: one refusal, 10 s out, one more refusal, 10 s out... until the checks notice,
        // plus the requests the crash itself lost.
        assertThat(with.requests().failed()).isLessThan(15);
        assertThat(with.failures().get(0).detectedAfterSeconds()).isLessThan(1);
    }
}
