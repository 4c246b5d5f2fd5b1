package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lbsim.support.TestScenarios.scenario;

import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;

class ClusterSnapshotTest {

    private final Simulation simulation = new Simulation();
    private final Cluster cluster = new Cluster(scenario().duration(200, 0)
            .poissonClient("users", 50, 0.03)
            .server("a", 2, ServerSpec.UNLIMITED_QUEUE)
            .server("b", 2, ServerSpec.UNLIMITED_QUEUE)
            .event(new EventSpec.Fail(100, "b"))
            .build(), Algorithms.standard(), simulation);

    @Test
    void totalsAccountForEveryRequestSent() {
        cluster.start();
        simulation.runUntil(150);
        ClusterSnapshot.Totals totals = cluster.snapshot().totals();
        assertThat(totals.denied() + totals.rejected() + totals.failed() + totals.timedOut() + totals.completed()
                + totals.inSystem()).isEqualTo(totals.sent());
        assertThat(totals.failed()).isPositive();
    }

    @Test
    void serversShowTruthAndBeliefSideBySide() {
        cluster.start();
        simulation.runUntil(100.5);
        ClusterSnapshot.ServerState b = cluster.snapshot().servers().get(1);
        assertThat(b.up()).isFalse();
        assertThat(b.healthyAtBalancer()).as("the checks have not noticed yet").isTrue();
        simulation.runUntil(140);
        assertThat(cluster.snapshot().servers().get(1).healthyAtBalancer()).isFalse();
    }

    @Test
    void busySecondsGiveTheSameUtilizationAsTheResults() {
        cluster.start();
        simulation.runUntil(200);
        ClusterSnapshot.ServerState a = cluster.snapshot().servers().get(0);
        double utilization = cluster.results(new EngineStats(0, 0, 0)).servers().get(0).utilization();
        assertThat(a.busySeconds() / (200 * a.workers())).isCloseTo(utilization, within(1e-9));
    }

    @Test
    void recentLatencyCoversOnlyCompletionsSinceThePreviousSnapshot() {
        cluster.start();
        cluster.snapshot(); // starts tracking
        simulation.runUntil(10);
        assertThat(cluster.snapshot().recentLatency().mean()).isPositive();
        assertThat(cluster.snapshot().recentLatency().mean()).as("nothing completed in between").isNaN();
    }
}
