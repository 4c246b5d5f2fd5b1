package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.engine.Simulation;
import org.lbsim.scenario.ArrivalSpec;
import org.lbsim.scenario.Cidr;
import org.lbsim.scenario.ClientSpec;
import org.lbsim.scenario.DistributionSpec;
import org.lbsim.scenario.EventSpec;
import org.lbsim.scenario.Protocol;
import org.lbsim.scenario.Scenario;
import org.lbsim.scenario.ServerSpec;

/** The balancer's side of its contract, in whole clusters: it decides from its own counts. */
class BalancerContractTest {

    private static final int UNLIMITED = ServerSpec.UNLIMITED_QUEUE;

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
        Balancer.Backend b = cluster.balancer().backends().get(1);
        int directHeld = b.server.holding() - b.outstanding();
        assertThat(directHeld).as("direct attempts b holds").isGreaterThanOrEqualTo(2);
        assertThat(cluster.snapshot().totals().failed()).isZero();
        simulation.runUntil(315);
        assertThat(b.server.condition()).isEqualTo("terminated");
        assertThat(cluster.snapshot().totals().failed()).as("only the direct attempts b held").isEqualTo(directHeld);
    }
}
