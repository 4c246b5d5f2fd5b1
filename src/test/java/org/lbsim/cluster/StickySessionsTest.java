package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.RunResult;

/** Sticky sessions: a session stays on its instance while it is available, and only then. */
class StickySessionsTest {

    private static final BalancerPolicies STICKY =
            BalancerPolicies.DEFAULTS.withStickiness(new BalancerPolicies.StickinessSpec(3600));

    private static Scenario shoppers(int users) {
        var client = new ClientSpec("shoppers", new ArrivalSpec.Closed(users, new DistributionSpec.Exponential(0.5)),
                new DistributionSpec.Exponential(0.02), Protocol.TCP, 80, List.of(Cidr.parse("10.0.0.0/16")),
                ClientSpec.BALANCER, 5);
        return scenario().algorithm("least-connections").duration(600, 0).policies(STICKY)
                .client(client)
                .server("a", 2, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 2, ServerSpec.UNLIMITED_QUEUE, List.of(new FailureSpec.Scheduled(200, 100)))
                .server("c", 2, ServerSpec.UNLIMITED_QUEUE, List.of(new FailureSpec.Scheduled(350, 60)))
                .build();
    }

    @Test
    void noSessionSwitchesInstanceWhileItsInstanceIsHealthy() {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(shoppers(50), Algorithms.standard(), simulation);
        Map<Long, Backend> last = new HashMap<>();
        int[] switches = {0};
        cluster.balancer().observe((request, backend) -> {
            Backend previous = last.put(request.sessionKey(), backend);
            if (previous != null && previous != backend) {
                switches[0]++;
                // Checked from outside the sessions' own bookkeeping: the balancer's view of the old instance now.
                assertThat(cluster.balancer().usable(previous)).as("session %d left %s while usable", request.sessionKey(), previous.name())
                        .isFalse();
            }
        });
        cluster.start();
        simulation.runUntil(600);
        RunResult result = cluster.results(new org.lbsim.metrics.EngineStats(0, 0, 0));
        assertThat(switches[0]).isPositive(); // the failures did move sessions...
        assertThat(result.workload().sessions().broken()).isEqualTo(switches[0]); // ...and each move is a broken session
        assertThat(result.workload().sessions().started()).isEqualTo(50);
    }

    @Test
    void withoutStickinessTheSameUsersSpreadOverInstances() {
        Scenario notSticky = scenario().algorithm("round-robin").duration(100, 0)
                .client(shoppers(5).clients().get(0))
                .server("a", 2, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 2, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(notSticky, Algorithms.standard(), simulation);
        Map<Long, java.util.Set<String>> instances = new HashMap<>();
        cluster.balancer().observe((request, backend) ->
                instances.computeIfAbsent(request.sessionKey(), k -> new java.util.HashSet<>()).add(backend.name()));
        cluster.start();
        simulation.runUntil(100);
        assertThat(instances).hasSize(5).allSatisfy((session, names) -> assertThat(names).hasSize(2));
        assertThat(cluster.results(new org.lbsim.metrics.EngineStats(0, 0, 0)).workload().sessions()).isNull();
    }

    @Test
    void pinsExpireSoMemoryStaysBoundedByTheActiveSessions() {
        // An open client from a /8: nearly every request is a new session. With a 10 s cookie, at
        // most the sessions of the last 10 s are kept: about 2,000, however long the run.
        var client = new ClientSpec("visitors", new ArrivalSpec.Poisson(200), new DistributionSpec.Exponential(0.001),
                Protocol.TCP, 80, List.of(Cidr.parse("10.0.0.0/8")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        Scenario scenario = scenario().duration(1000, 0)
                .policies(BalancerPolicies.DEFAULTS.withStickiness(new BalancerPolicies.StickinessSpec(10)))
                .client(client)
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        int[] most = {0};
        for (int t = 50; t <= 1000; t += 50) {
            simulation.runUntil(t);
            most[0] = Math.max(most[0], cluster.balancer().stickySessions().tracked());
        }
        // 200/s × 10 s = 2,000 live on average; Poisson spread over one window adds a few per cent.
        assertThat(most[0]).isBetween(1_800, 2_400);
    }
}
