package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;

/** A rate change continues the client's random streams: it never replays the draws of the run's start. */
class SetRateTest {

    @Test
    void theArrivalsAfterASetRateAreNotTheStartsOverAgain() {
        var scenario = scenario().duration(200, 0).poissonClient("users", 10, 0.001)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                .event(new EventSpec.SetRate(100, "users", 10)) // the same rate: only the streams could differ
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        List<Double> times = new ArrayList<>();
        cluster.balancer().observe((request, backend) -> times.add(simulation.now()));
        cluster.start();
        simulation.runUntil(200);
        List<Double> fromStart = gaps(times, 0, 20);
        int firstAfter = 0;
        while (times.get(firstAfter) < 100) firstAfter++;
        List<Double> afterChange = gaps(times, firstAfter, 20);
        // With the streams restarted, the gaps after the change would be those of the start, one for one.
        assertThat(afterChange).isNotEqualTo(fromStart);
        // Still Poisson at 10/s after the change: about 1,000 arrivals in the second 100 s.
        assertThat(times.size() - firstAfter).isBetween(1000 - 4 * 32, 1000 + 4 * 32);
    }

    private static List<Double> gaps(List<Double> times, int from, int count) {
        List<Double> gaps = new ArrayList<>();
        for (int i = from + 1; i <= from + count; i++) gaps.add(times.get(i) - times.get(i - 1));
        return gaps;
    }
}
