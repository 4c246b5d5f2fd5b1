package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;

/**
 * The balancer's side of its contract with the algorithms, in whole clusters: it hands the
 * algorithm what a retry must avoid and what slow start admits instead of asking again, so that
 * no pick is thrown away; and it decides from its own counts.
 */
class BalancerContractTest {

    private static final int UNLIMITED = ServerSpec.UNLIMITED_QUEUE;

    /**
     * Join-idle-queue with slow start: d crashes at 100 s, is marked down, recovers at 150 s, is
     * marked healthy about 30 s later and ramps up for 60 s. Load is light (5% per server), so
     * the I-queue is almost never empty and nearly every request goes to an idle server taken
     * from it. d is one of six idle servers and must get about a sixth of the requests. (When
     * the balancer re-picked past slow start, the discarded pick had already taken d out of the
     * I-queue; d, idle, never rejoined it, and the random fallback that could have brought it
     * back needs all five others busy at once.)
     */
    @Test
    void joinIdleQueue_aRecoveredServerRejoinsTheIdleQueueAfterSlowStart() {
        var policies = new BalancerPolicies(0, 20, 3, null, 300, 60, 10);
        var scenario = scenario().algorithm("join-idle-queue").duration(600, 0).policies(policies)
                .poissonClient("users", 15, 0.02)
                .server("a", 1, UNLIMITED).server("b", 1, UNLIMITED).server("c", 1, UNLIMITED)
                .server("d", 1, UNLIMITED, List.of(new FailureSpec.Scheduled(100, 50)))
                .server("e", 1, UNLIMITED).server("f", 1, UNLIMITED)
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        long[] dispatched = new long[2];
        cluster.balancer().observe((request, backend) -> {
            if (simulation.now() < 300) return;
            dispatched[0]++;
            if (backend.name().equals("d")) dispatched[1]++;
        });
        cluster.start();
        simulation.runUntil(600);
        double share = (double) dispatched[1] / dispatched[0];
        assertThat(share).as("d's share of requests from 300 s on").isBetween(0.12, 0.22);
    }

    static Stream<String> every() {
        return Algorithms.standard().all().stream().map(AlgorithmInfo::name);
    }

    /**
     * Every algorithm in a cluster with retries and slow start: c crashes at 100 s (connections
     * refused until the checks notice: retried), b at 300 s (back at 330 s, then slow start).
     * No retry goes back to the backend whose connection just failed.
     */
    @ParameterizedTest
    @MethodSource("every")
    void aRetryNeverGoesBackToTheBackendThatFailed(String algorithm) {
        var policies = new BalancerPolicies(1, 100, 1000, null, 300, 60, 10);
        var scenario = scenario().algorithm(algorithm).duration(600, 0).policies(policies)
                .poissonClient("users", 60, 0.02)
                .server("a", 2, UNLIMITED)
                .server("b", 2, UNLIMITED, List.of(new FailureSpec.Scheduled(300, 30)))
                .server("c", 2, UNLIMITED, List.of(new FailureSpec.Scheduled(100, 60)))
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        Map<Request, Backend> lastTried = new IdentityHashMap<>();
        int[] retries = {0};
        cluster.balancer().observe((request, backend) -> {
            if (request.tries > 0) {
                retries[0]++;
                assertThat(backend).as("retry at %.3f s", simulation.now()).isNotSameAs(lastTried.get(request));
            }
            lastTried.put(request, backend);
        });
        cluster.start();
        simulation.runUntil(600);
        RunResult result = cluster.results(new EngineStats(0, 0, 0));
        assertThat(retries[0]).isPositive().isEqualTo(result.requests().retried());
    }

    /**
     * One server, retries allowed: while it refuses connections and the checks have not noticed,
     * a retry could only go back to it, so none is made and the request fails (NGINX's
     * {@code proxy_next_upstream} with no other server); once it is marked down, 503.
     */
    @Test
    void aRetryWithNoOtherUsableBackendIsNotMadeAndTheRequestFails() {
        var policies = new BalancerPolicies(2, 100, 1000, null, 300, 0, 10);
        RunResult result = new org.lbsim.experiment.Runner(Algorithms.standard()).run(
                scenario().algorithm("round-robin").duration(300, 0).policies(policies)
                        .poissonClient("users", 20, 0.02)
                        .server("only", 2, UNLIMITED, List.of(new FailureSpec.Scheduled(100, 100)))
                        .build());
        assertThat(result.requests().retried()).isZero();
        long lost = result.failures().get(0).lost();
        assertThat(lost).as("refused before detection").isGreaterThan(100);
        assertThat(result.requests().failed()).isEqualTo(lost);
        assertThat(result.requests().rejected()).as("no healthy backend once noticed").isGreaterThan(1000);
    }

    /**
     * b holds direct attempts that never went through the balancer (a client aiming at the
     * instance itself, one request of 250 s every 100 s) when it is removed at 310 s. The
     * balancer's own count of what it sent there drops to 0 within a fraction of a second, and
     * that ends the draining: b terminates then, not when the direct attempts it holds are done
     * (at 350 s and later) nor at the end of the deregistration delay (610 s). The direct
     * attempts it held are lost with it; nothing the balancer sent is.
     */
    @Test
    void drainingEndsOnTheBalancersOwnCountNotOnWhatTheInstanceHolds() {
        var direct = new ClientSpec("admin", new ArrivalSpec.Constant(0.01), new DistributionSpec.Constant(250),
                Protocol.TCP, 80, List.of(Cidr.parse("0.0.0.0/0")), "b", Double.POSITIVE_INFINITY);
        Scenario scenario = scenario().algorithm("least-connections").duration(600, 0)
                .poissonClient("users", 20, 0.02)
                .client(direct)
                .server("a", 8, UNLIMITED)
                .server("b", 8, UNLIMITED)
                .event(new EventSpec.RemoveServer(310, "b"))
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        simulation.runUntil(309.9);
        Backend b = cluster.balancer().backends().get(1);
        int directHeld = b.server.holding() - b.outstanding();
        assertThat(directHeld).as("direct attempts b holds").isGreaterThanOrEqualTo(2);
        assertThat(cluster.snapshot().totals().failed()).isZero();
        simulation.runUntil(315);
        assertThat(b.server.condition()).isEqualTo("terminated");
        assertThat(cluster.snapshot().totals().failed()).as("only the direct attempts b held").isEqualTo(directHeld);
    }
}
