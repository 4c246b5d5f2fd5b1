package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;

/** The balancer learns of failures only through its health checks, within the thresholds. */
class FailureDetectionTest {

    private static final double INTERVAL = 10;
    private static final double TIMEOUT = 5;
    private static final int HEALTHY = 3;
    private static final int UNHEALTHY = 2;

    private final Scenario scenario = scenario().algorithm("round-robin").duration(400, 0)
            .healthCheck(new HealthCheckSpec(80, INTERVAL, TIMEOUT, HEALTHY, UNHEALTHY))
            .poissonClient("users", 20, 0.01)
            .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
            .server("b", 1, ServerSpec.UNLIMITED_QUEUE)
            .event(new EventSpec.Fail(100, "b"))
            .event(new EventSpec.Recover(200, "b"))
            .build();

    private final Simulation simulation = new Simulation();
    private final Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);

    private Backend backendB() {
        return cluster.balancer().backends().get(1);
    }

    @Test
    void requestsToADownServerFailUntilTheBalancerNotices() {
        cluster.start();
        simulation.runUntil(100.0001);
        long failedBefore = counts().failed();
        assertThat(backendB().healthy()).as("not noticed yet").isTrue();
        simulation.runUntil(104);
        assertThat(counts().failed()).as("round robin keeps sending to b").isGreaterThan(failedBefore + 10);
    }

    @Test
    void theBalancerMarksTheServerDownWithinTheThresholdsAndStopsUsingIt() {
        cluster.start();
        // Worst case: the failure just after a probe; UNHEALTHY probes, each failing after TIMEOUT.
        double worstDetection = UNHEALTHY * INTERVAL + TIMEOUT;
        simulation.runUntil(100 + worstDetection + 1e-9);
        assertThat(backendB().healthy()).isFalse();
        RunResult atDetection = cluster.results(new EngineStats(0, 0, 0));
        double detectedAfter = atDetection.failures().get(0).detectedAfterSeconds();
        assertThat(detectedAfter).isBetween((UNHEALTHY - 1) * INTERVAL + TIMEOUT, worstDetection);

        long failed = counts().failed();
        long completedByA = serverCompleted(0);
        simulation.runUntil(190);
        assertThat(counts().failed()).as("no request goes to b once it is marked down").isEqualTo(failed);
        assertThat(serverCompleted(0)).isGreaterThan(completedByA);
    }

    @Test
    void afterRecoveryTheServerComesBackAfterHealthyThresholdPassingChecks() {
        cluster.start();
        simulation.runUntil(200 + (HEALTHY - 1) * INTERVAL - 1e-9);
        assertThat(backendB().healthy()).as("too few passing checks yet").isFalse();
        simulation.runUntil(200 + HEALTHY * INTERVAL + 1e-9);
        assertThat(backendB().healthy()).isTrue();
        long completedByB = serverCompleted(1);
        simulation.runUntil(300);
        assertThat(serverCompleted(1)).isGreaterThan(completedByB);
        RunResult result = cluster.results(new EngineStats(0, 0, 0));
        assertThat(result.balancer().markedDown()).isEqualTo(1);
        assertThat(result.balancer().markedUp()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.at()).isEqualTo(100);
            assertThat(f.recoveredAt()).isEqualTo(200);
            assertThat(f.lost()).isPositive();
        });
    }

    @Test
    void aServerWhoseGroupDoesNotAdmitTheBalancerNeverPassesAHealthCheck() {
        // web-sg admits port 80 from 0.0.0.0/0 but the checks go to 8080: they time out.
        var group = new org.lbsim.cluster.spec.SecurityGroupSpec("web-sg", List.of(new org.lbsim.cluster.spec.RuleSpec(
                org.lbsim.cluster.spec.Protocol.TCP, 80, 80,
                new org.lbsim.cluster.spec.RuleSpec.FromCidr(org.lbsim.cluster.spec.Cidr.parse("0.0.0.0/0")))));
        Scenario blocked = scenario().duration(100, 0)
                .healthCheck(new HealthCheckSpec(8080, INTERVAL, TIMEOUT, HEALTHY, UNHEALTHY))
                .securityGroup(group)
                .poissonClient("users", 5, 0.01)
                .server(new ServerSpec("a", "web-sg", 1, ServerSpec.UNLIMITED_QUEUE, 1, 1, List.of()))
                .build();
        Simulation sim = new Simulation();
        Cluster blockedCluster = new Cluster(blocked, Algorithms.standard(), sim);
        blockedCluster.start();
        sim.runUntil(100);
        RunResult result = blockedCluster.results(new EngineStats(0, 0, 0));
        assertThat(blockedCluster.balancer().backends().get(0).healthy()).isFalse();
        assertThat(result.requests().rejected()).as("no healthy backend: 503s").isPositive();
    }

    private org.lbsim.metrics.RequestCounts counts() {
        return cluster.results(new EngineStats(0, 0, 0)).requests();
    }

    private long serverCompleted(int index) {
        return cluster.results(new EngineStats(0, 0, 0)).servers().get(index).completed();
    }
}
