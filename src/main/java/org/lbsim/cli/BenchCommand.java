package org.lbsim.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lbsim bench}: simulated requests per second on the reference workload (single-worker
 * servers at utilization 0.8), after a warm-up run so the JIT has compiled the hot path.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Measure simulated requests per second of wall time on the reference workload.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--requests", paramLabel = "N", defaultValue = "20000000", description = "Requests per measured run (default ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--backends", paramLabel = "N", split = ",", defaultValue = "2", description = "Backend counts, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> backends;

    @Option(names = "--algorithm", paramLabel = "NAME", split = ",", defaultValue = "least-connections", description = "Algorithms, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> algorithmNames;

    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "An algorithm parameter, as under balancer: in a scenario (durations in seconds), e.g. virtualNodes=16; each listed algorithm must take it. Repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--live", paramLabel = "SECONDS", description = "Instead: measure the live mode (the UI's) as fast as possible for SECONDS: simulated requests per second, and how long an action (a click) waits to be applied.")
    Double liveSeconds;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", description = "Measured runs per point; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Spec
    CommandSpec spec;

    private int live(java.io.PrintWriter out) {
        if (!(liveSeconds > 0)) throw new UserInputException("--live must be a positive number of seconds");
        out.printf("%-10s %22s %18s %16s %16s %8s%n", "backends", "requests/s (live, max)", "action wait p50",
                "action wait p99", "action wait max", "actions");
        for (int n : backends) {
            try {
                var m = new org.lbsim.experiment.LiveBenchmark(Algorithms.standard()).measure(n, liveSeconds);
                out.printf("%-10d %,22.0f %15.2f ms %13.2f ms %13.2f ms %8d%n", n, m.requestsPerSecond(),
                        m.medianActionMillis(), m.p99ActionMillis(), m.maxActionMillis(), m.actions());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            out.flush();
        }
        return 0;
    }

    /** Each parameter must be one every listed algorithm takes, with a value in its range. */
    private void checkParameters(Algorithms algorithms) {
        for (String name : algorithmNames) {
            var info = algorithms.get(name);
            for (String key : parameters.keySet()) {
                if (info.parameters().stream().noneMatch(p -> p.key().equals(key))) {
                    throw new UserInputException("--parameter " + key + ": not a parameter of " + name);
                }
            }
            try {
                info.create(new org.lbsim.balancing.AlgorithmContext(new org.lbsim.engine.RandomStreams(1).stream("check"), parameters));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--parameter " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        Algorithms algorithms = Algorithms.standard();
        for (String name : algorithmNames) {
            if (algorithms.find(name).isEmpty()) throw AlgorithmList.unknown("--algorithm", name, algorithms);
        }
        checkParameters(algorithms);
        if (requests < 1000 || repeat < 1) throw new UserInputException("--requests must be at least 1000 and --repeat at least 1");
        var out = spec.commandLine().getOut();
        if (liveSeconds != null) return live(out);
        Benchmark benchmark = new Benchmark(algorithms);
        out.printf("%-22s %8s %12s %16s %12s %14s%n", "algorithm", "backends", "requests", "requests/s (med)", "wall s", "heap MiB");
        for (String name : algorithmNames) {
            for (int n : backends) {
                benchmark.measure(name, parameters, n, Math.min(requests, 2_000_000)); // JIT warm-up, not reported
                Benchmark.Measurement[] runs = new Benchmark.Measurement[repeat];
                for (int r = 0; r < repeat; r++) runs[r] = benchmark.measure(name, parameters, n, requests);
                java.util.Arrays.sort(runs, java.util.Comparator.comparingDouble(Benchmark.Measurement::requestsPerSecond));
                Benchmark.Measurement median = runs[repeat / 2];
                out.printf("%-22s %8d %,12d %,16.0f %12.2f %14.1f%n", name, n, median.requests(), median.requestsPerSecond(),
                        median.wallSeconds(), median.retainedHeapBytes() / 1048576.0);
                out.flush();
            }
        }
        return 0;
    }
}
