package org.lbsim.experiment;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;

/**
 * The reference workload for speed: Poisson arrivals to {@code backends} single-worker
 * exponential servers at utilization 0.8, through the balancer, for a given number of requests.
 * Measures simulated (offered) requests per second of wall time and the heap the model retains.
 */
public final class Benchmark {

    /** One measurement. {@code retainedHeapBytes} is the heap in use after a full GC with the model still alive. */
    public record Measurement(String algorithm, int backends, long requests, double wallSeconds,
                              double requestsPerSecond, long events, long retainedHeapBytes) {
    }

    private final Algorithms algorithms;

    public Benchmark(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    public static Scenario workload(String algorithm, int backends, long requests) {
        return workload(algorithm, Map.of(), backends, requests);
    }

    /** The workload with the algorithm's parameters set (as under {@code balancer:}, durations in seconds). */
    public static Scenario workload(String algorithm, Map<String, String> parameters, int backends, long requests) {
        double meanWork = 1.0;
        double rate = 0.8 * backends / meanWork;
        List<ServerSpec> servers = new ArrayList<>();
        for (int i = 1; i <= backends; i++) {
            servers.add(new ServerSpec("s" + i, null, 1, ServerSpec.UNLIMITED_QUEUE, 1.0, 1, List.of()));
        }
        ClientSpec client = new ClientSpec("load", new ArrivalSpec.Poisson(rate), new DistributionSpec.Exponential(meanWork),
                Protocol.TCP, 80, List.of(Cidr.parse("0.0.0.0/0")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        // Health checks every 1,000 simulated seconds: present, as in any run, but rare next to requests.
        var healthCheck = new HealthCheckSpec(80, 1000, 5, 3, 2);
        return new Scenario("bench", 1, requests / rate, 0, Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM, List.of(client),
                List.of(), List.of(), new BalancerSpec(null, List.of(80), algorithm, parameters, healthCheck), servers, List.of());
    }

    public Measurement measure(String algorithm, int backends, long requests) {
        return measure(algorithm, Map.of(), backends, requests);
    }

    public Measurement measure(String algorithm, Map<String, String> parameters, int backends, long requests) {
        Scenario scenario = workload(algorithm, parameters, backends, requests);
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, algorithms, simulation);
        cluster.start();
        long started = System.nanoTime();
        simulation.runUntil(scenario.duration());
        double wall = (System.nanoTime() - started) / 1e9;
        // Offered, not completed: an algorithm that lets queues grow (least-utilization's herds) is
        // still charged for every request it had to place.
        long offered = cluster.results(new org.lbsim.metrics.EngineStats(0, 0, 0)).requests().offered();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // Keep the model reachable until the heap was measured, so the figure includes it.
        if (cluster.requestsInSystem() < 0) throw new AssertionError();
        return new Measurement(algorithm, backends, offered, wall, offered / wall, simulation.eventsFired(), retained);
    }
}
