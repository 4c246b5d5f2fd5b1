package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.RandomStreams;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Replicated;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.TimeSeries;

/**
 * Replications, comparisons and sweeps. Replication i of any configuration runs with seed
 * {@link RandomStreams#replicationSeed}(scenario seed, i), so configurations that differ only in
 * the algorithm see the same arrivals and service demands (common random numbers) and their
 * differences can be paired. Runs go in parallel; results come back in index order, the same
 * whatever the number of threads.
 */
public final class Experiments {

    /** One point of a sweep: the values it sets and the scenario they give. */
    public record Point(Map<String, String> set, Scenario scenario) {
    }

    /** One configuration to replicate. */
    private record Configuration(String algorithm, Map<String, String> set, Scenario scenario) {
    }

    private final ParallelRuns runs;
    private final Progress progress;

    public Experiments(Algorithms algorithms, int threads, Progress progress) {
        this.runs = new ParallelRuns(algorithms, threads, progress);
        this.progress = progress;
    }

    /** {@code replications} runs of the scenario as it is. */
    public Replicated replicate(Scenario scenario, int replications) {
        return replicateAll(List.of(configuration(scenario, scenario.balancer().algorithm(), Map.of())), replications).get(0);
    }

    /**
     * Replications until the precision is reached: after each round the number needed is
     * estimated from the half-width so far (it shrinks as 1/√n), at most the maximum.
     */
    public Replicated replicate(Scenario scenario, int initial, Precision precision) {
        Configuration configuration = configuration(scenario, scenario.balancer().algorithm(), Map.of());
        List<Runner.SampledRun> done = new ArrayList<>();
        int wanted = Math.min(Math.max(2, initial), precision.maxReplications());
        while (true) {
            progress.planned(wanted);
            List<Scenario> more = new ArrayList<>();
            for (int i = done.size(); i < wanted; i++) more.add(seeded(configuration.scenario(), i));
            done.addAll(runs.run(more));
            Estimate estimate = Estimate.of(done.stream().mapToDouble(run -> precision.metric().of(run.result())).toArray());
            double relative = estimate.halfWidth95() == 0 ? 0 : estimate.relativeHalfWidth();
            if (relative <= precision.relativeHalfWidth()) return summarize(configuration, done, List.of());
            if (done.size() >= precision.maxReplications()) {
                return summarize(configuration, done, List.of(String.format(Locale.ROOT,
                        "precision not reached: after %d replications the half-width of %s is %.3g of its mean, "
                        + "not %.3g; raise --max-replications or lengthen the run", done.size(),
                        precision.metric().name(), relative, precision.relativeHalfWidth())));
            }
            double factor = Double.isFinite(relative) ? Math.pow(relative / precision.relativeHalfWidth(), 2) : 2;
            wanted = (int) Math.min(precision.maxReplications(), Math.max(done.size() + 1, Math.ceil(done.size() * factor)));
        }
    }

    /**
     * Every algorithm on the same replications; each result after the first carries its paired
     * differences against the first.
     */
    public List<Replicated> compare(Scenario scenario, List<String> algorithms, int replications) {
        List<Configuration> configurations = new ArrayList<>();
        for (String algorithm : algorithms) configurations.add(configuration(scenario, algorithm, Map.of()));
        List<Replicated> results = replicateAll(configurations, replications);
        List<Replicated> compared = new ArrayList<>();
        compared.add(results.get(0));
        for (Replicated result : results.subList(1, results.size())) compared.add(result.versus(results.get(0)));
        return compared;
    }

    /**
     * Every point with every algorithm (the point's own when the list is empty), point by point.
     */
    public List<Replicated> sweep(List<Point> points, List<String> algorithms, int replications) {
        List<Configuration> configurations = new ArrayList<>();
        for (Point point : points) {
            if (algorithms.isEmpty()) {
                configurations.add(configuration(point.scenario(), point.scenario().balancer().algorithm(), point.set()));
            } else {
                for (String algorithm : algorithms) configurations.add(configuration(point.scenario(), algorithm, point.set()));
            }
        }
        return replicateAll(configurations, replications);
    }

    /** The cartesian product of the values, the first key varying slowest, keys in the given order. */
    public static List<Map<String, String>> cartesian(Map<String, List<String>> values) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (String value : entry.getValue()) {
                    Map<String, String> next = new LinkedHashMap<>(point);
                    next.put(entry.getKey(), value);
                    extended.add(next);
                }
            }
            points = extended;
        }
        return points;
    }

    /** All runs of all configurations in one parallel batch, so every core stays busy to the end. */
    private List<Replicated> replicateAll(List<Configuration> configurations, int replications) {
        if (replications < 1) throw new IllegalArgumentException("replications must be at least 1, was " + replications);
        progress.planned((long) configurations.size() * replications);
        List<Scenario> scenarios = new ArrayList<>();
        for (Configuration configuration : configurations) {
            for (int i = 0; i < replications; i++) scenarios.add(seeded(configuration.scenario(), i));
        }
        List<Runner.SampledRun> all = runs.run(scenarios);
        List<Replicated> results = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            results.add(summarize(configurations.get(c), all.subList(c * replications, (c + 1) * replications), List.of()));
        }
        return results;
    }

    private static Replicated summarize(Configuration configuration, List<Runner.SampledRun> done, List<String> notes) {
        List<RunResult> results = done.stream().map(Runner.SampledRun::result).toList();
        List<TimeSeries> series = done.stream().map(Runner.SampledRun::series).toList();
        List<String> warnings = new ArrayList<>();
        // Warnings about the scenario itself are the same in every replication: say them once.
        results.get(0).warnings().forEach(warnings::add);
        WarmupCheck.warning(configuration.scenario(), series).ifPresent(warnings::add);
        warnings.addAll(notes);
        return Replicated.of(configuration.algorithm(), configuration.set(), results, warnings);
    }

    private static Configuration configuration(Scenario scenario, String algorithm, Map<String, String> set) {
        Scenario configured = algorithm.equals(scenario.balancer().algorithm()) ? scenario : scenario.withAlgorithm(algorithm);
        return new Configuration(algorithm, set, configured);
    }

    private static Scenario seeded(Scenario scenario, int replication) {
        return scenario.withSeed(RandomStreams.replicationSeed(scenario.seed(), replication));
    }
}
