package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.scenario.ClientSpec;
import org.lbsim.scenario.Scenario;
import org.lbsim.scenario.ServerSpec;

/** Runs one scenario from time 0 to its duration and returns what it measured. */
public final class Runner {

    private final Algorithms algorithms;

    public Runner(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * @throws org.lbsim.cluster.SystemFullException when the run reaches the scenario's cap on
     *         requests in the system
     */
    public RunResult run(Scenario scenario) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, algorithms, simulation);
        cluster.start();
        long started = System.nanoTime();
        simulation.runUntil(scenario.duration());
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        long events = simulation.eventsFired();
        RunResult result = cluster.results(new EngineStats(events, wallSeconds, wallSeconds > 0 ? events / wallSeconds : 0));
        List<String> warnings = warnings(scenario);
        return warnings.isEmpty() ? result : result.withWarnings(warnings);
    }

    /** Plain-language warnings about the scenario as a whole. */
    static List<String> warnings(Scenario scenario) {
        List<String> warnings = new ArrayList<>();
        double offeredWork = 0;
        for (ClientSpec client : scenario.clients()) {
            if (client.targetsBalancer()) offeredWork += client.arrivals().rate() * client.service().mean();
        }
        double capacity = 0;
        for (ServerSpec server : scenario.servers()) capacity += server.workers() * server.speed();
        if (offeredWork >= capacity) {
            warnings.add(String.format("unstable: the clients offer %.3g s of work per second to the balancer but "
                    + "the servers can do %.3g; queues grow without bound unless requests are rejected", offeredWork, capacity));
        }
        return warnings;
    }
}
