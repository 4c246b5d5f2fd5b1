package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.TimeSeries;

/** Runs one scenario from time 0 to its duration and returns what it measured. */
public final class Runner {

    private final Algorithms algorithms;

    public Runner(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /** One run and its time series. */
    public record SampledRun(RunResult result, TimeSeries series) {
    }

    /**
     * One run, with its warnings including the warm-up check on its own latency series.
     *
     * @throws org.lbsim.cluster.SystemFullException when the run reaches the scenario's cap on
     *         requests in the system
     */
    public RunResult run(Scenario scenario) {
        return run(scenario, defaultInterval(scenario.duration())).result();
    }

    /** One run sampled every {@code interval} seconds, with its warnings including the warm-up check. */
    public SampledRun run(Scenario scenario, double interval) {
        SampledRun run = sampled(scenario, interval);
        List<String> warmup = WarmupCheck.warning(scenario, List.of(run.series())).stream().toList();
        return new SampledRun(run.result().withWarnings(warmup), run.series());
    }

    /**
     * One run sampled every {@code interval} seconds from time 0; the result has the warnings
     * about the scenario but no warm-up check, which the caller makes over all its replications.
     */
    SampledRun sampled(Scenario scenario, double interval) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, algorithms, simulation);
        cluster.start();
        TimeSeriesSampler sampler = new TimeSeriesSampler(cluster, simulation, interval, scenario.duration());
        long started = System.nanoTime();
        simulation.runUntil(scenario.duration());
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        long events = simulation.eventsFired();
        RunResult result = cluster.results(new EngineStats(events, wallSeconds, wallSeconds > 0 ? events / wallSeconds : 0));
        return new SampledRun(result.withWarnings(warnings(scenario)), sampler.series());
    }

    /**
     * The sample interval when none is asked for: about 600 samples per run, rounded to 1, 2 or
     * 5 times a power of ten seconds (1 s for a ten-minute run), enough for MSER-5's batches.
     */
    public static double defaultInterval(double duration) {
        double raw = duration / 600;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5}) {
            if (raw <= step * power * 1.5) return step * power;
        }
        return 10 * power;
    }

    /** Plain-language warnings about the scenario as a whole. */
    static List<String> warnings(Scenario scenario) {
        List<String> warnings = new ArrayList<>();
        double offeredWork = 0;
        for (ClientSpec client : scenario.clients()) {
            // Closed-loop users can never offer more than the cluster answers, so only open
            // clients can make it unstable.
            if (client.targetsBalancer() && client.arrivals() instanceof ArrivalSpec.Open open) {
                offeredWork += open.rate() * client.meanService();
            }
        }
        double capacity = 0;
        for (ServerSpec server : scenario.servers()) capacity += server.workers() * server.speed();
        var autoscaling = scenario.autoscaling();
        if (autoscaling != null) {
            // The group may grow to its maximum: judge stability by that capacity.
            ServerSpec template = scenario.server(autoscaling.template()).orElseThrow();
            int extra = Math.max(0, autoscaling.max() - scenario.servers().size());
            capacity += extra * template.workers() * template.speed();
        }
        if (offeredWork >= capacity) {
            warnings.add(String.format("unstable: the clients offer %.3g s of work per second to the balancer but "
                    + "the servers can do %.3g; queues grow without bound unless requests are rejected", offeredWork, capacity));
        }
        return warnings;
    }
}
