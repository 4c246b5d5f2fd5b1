package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;
import org.lbsim.support.Replications;

/**
 * Closed-loop users against operational laws and exact mean value analysis: throughput follows
 * X = N / (R + Z), and with random routing to exponential FCFS servers the network has product
 * form, so MVA gives its throughput exactly.
 */
class ClosedLoopTest {

    private static final int USERS = 20;
    private static final double THINK = 0.5;
    private static final double SERVICE = 0.05;

    private static ClientSpec users(int count, DistributionSpec think, double timeout) {
        return new ClientSpec("users", new ArrivalSpec.Closed(count, think), new DistributionSpec.Exponential(SERVICE),
                Protocol.TCP, 80, List.of(Cidr.parse("10.0.0.0/8")), ClientSpec.BALANCER, timeout);
    }

    private static Scenario twoServers(String algorithm) {
        return scenario().algorithm(algorithm).duration(2000, 100)
                .client(users(USERS, new DistributionSpec.Exponential(THINK), Double.POSITIVE_INFINITY))
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 1, ServerSpec.UNLIMITED_QUEUE)
                .build();
    }

    /**
     * Exact MVA (Reiser and Lavenberg, 1980) for a think station and two single-server
     * exponential queues each visited with probability 1/2.
     */
    private static double mvaThroughput(int users, double think, double service) {
        double queue = 0;
        double throughput = 0;
        for (int n = 1; n <= users; n++) {
            double residence = service * (1 + queue); // per visit, at each of the two identical queues
            throughput = n / (think + residence); // 2 queues × visit ratio 1/2 × residence
            queue = throughput * 0.5 * residence;
        }
        return throughput;
    }

    @Test
    void throughputFollowsTheInteractiveResponseTimeLaw() {
        Scenario scenario = twoServers("least-connections");
        var throughput = Replications.estimate(scenario, 8, RunResult::throughput);
        var response = Replications.estimate(scenario, 8, r -> r.latency().mean());
        double law = USERS / (response.mean() + THINK);
        assertThat(Math.abs(throughput.mean() - law)).isLessThanOrEqualTo(throughput.halfWidth());
        // And the users keep the servers busy: far from an open client's fixed rate.
        assertThat(throughput.mean()).isGreaterThan(30);
    }

    @Test
    void randomRoutingMatchesExactMeanValueAnalysis() {
        double expected = mvaThroughput(USERS, THINK, SERVICE);
        var throughput = Replications.estimate(twoServers("random"), 10, RunResult::throughput);
        assertThat(throughput.errorsFrom(expected)).as("measured %s vs MVA %.4f", throughput, expected).isLessThan(4);
        assertThat(throughput.halfWidth() / expected).isLessThan(0.02);
    }

    @Test
    void aUserWhoTimesOutMovesOnAtItsTimeout() {
        // Each request takes 10,000 s, so none is answered in time: every cycle is exactly the
        // 1 s timeout plus a 1 s think, though the requests stay queued at the server.
        var patient = new ClientSpec("users", new ArrivalSpec.Closed(10, new DistributionSpec.Constant(1)),
                new DistributionSpec.Constant(10_000), Protocol.TCP, 80, List.of(Cidr.parse("10.0.0.0/8")),
                ClientSpec.BALANCER, 1);
        Scenario scenario = scenario().duration(1000, 0)
                .client(patient)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                .build();
        RunResult result = new Runner(Algorithms.standard()).run(scenario);
        // Each user sends at 1 s, 3 s, 5 s, ...: 500 requests in 1000 s.
        assertThat(result.requests().offered()).isEqualTo(10 * 500);
        assertThat(result.requests().completed()).isZero();
        assertThat(result.requests().timedOut() + result.requests().inFlight()).isEqualTo(result.requests().offered());
    }

    @Test
    void eachUserHasOneRequestOutstandingAtMost() {
        Scenario scenario = scenario().duration(300, 0)
                .client(users(7, new DistributionSpec.Exponential(0.1), Double.POSITIVE_INFINITY))
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                .build();
        var simulation = new org.lbsim.engine.Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        int[] maxInSystem = {0};
        cluster.balancer().observe((request, backend) ->
                maxInSystem[0] = (int) Math.max(maxInSystem[0], cluster.requestsInSystem()));
        cluster.start();
        simulation.runUntil(300);
        assertThat(maxInSystem[0]).isEqualTo(7);
    }
}
