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

    /** One configuration to replicate: an algorithm and the {@code --set} values that make its scenario. */
    public record Configuration(String algorithm, Map<String, String> set, Scenario scenario) {
        public Configuration {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }

        /** What its summary needs besides the runs. */
        public Facts facts() {
            return new Facts(algorithm, set, scenario.warmup(), WarmupCheck.hasSteadyState(scenario));
        }
    }

    /**
     * What the summary of a configuration's replications needs besides the runs: its name and
     * what the warm-up check asks of its scenario. A campaign stores it in place of the scenario.
     */
    public record Facts(String algorithm, Map<String, String> set, double warmup, boolean steadyState) {
        public Facts {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        }
    }

    /** Replication {@code replication} of configuration {@code configuration}, both counted from 0. */
    public record RunKey(int configuration, int replication) {
    }

    /** What one replication leaves for the summary: its result and the latency series the warm-up check reads. */
    public record Replication(RunResult result, LatencySeries latency) {
    }

    /** Told of every run as it ends, on the thread that ran it. */
    @FunctionalInterface
    public interface RunSink {
        void ended(RunKey key, Replication run);
    }

    private final ParallelRuns runs;
    private final Progress progress;

    public Experiments(Algorithms algorithms, int threads, Progress progress) {
        this.runs = new ParallelRuns(algorithms, threads, progress);
        this.progress = progress;
    }

    /** {@code replications} runs of the scenario as it is. */
    public Replicated replicate(Scenario scenario, int replications) {
        return replicateAll(replicating(scenario), replications).get(0);
    }

    /** The one configuration {@link #replicate(Scenario, int)} runs. */
    public static List<Configuration> replicating(Scenario scenario) {
        return List.of(configuration(scenario, scenario.balancer().algorithm(), Map.of()));
    }

    /**
     * Replications until the precision is reached: after each round the number needed is
     * estimated from the half-width so far (it shrinks as 1/√n), at most the maximum.
     */
    public Replicated replicate(Scenario scenario, int initial, Precision precision) {
        Configuration configuration = configuration(scenario, scenario.balancer().algorithm(), Map.of());
        List<Replication> done = new ArrayList<>();
        int wanted = Math.min(Math.max(2, initial), precision.maxReplications());
        while (true) {
            progress.planned(wanted);
            List<Scenario> more = new ArrayList<>();
            for (int i = done.size(); i < wanted; i++) more.add(seeded(configuration.scenario(), i));
            done.addAll(runs.run(more).stream().map(Experiments::replication).toList());
            Estimate estimate = Estimate.of(done.stream().mapToDouble(run -> precision.metric().of(run.result())).toArray());
            double relative = estimate.halfWidth95() == 0 ? 0 : estimate.relativeHalfWidth();
            if (relative <= precision.relativeHalfWidth()) return summarize(configuration.facts(), done, List.of());
            if (done.size() >= precision.maxReplications()) {
                return summarize(configuration.facts(), done, List.of(String.format(Locale.ROOT,
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
        return compared(replicateAll(comparing(scenario, algorithms), replications));
    }

    /** The configurations {@link #compare} runs, one per algorithm. */
    public static List<Configuration> comparing(Scenario scenario, List<String> algorithms) {
        List<Configuration> configurations = new ArrayList<>();
        for (String algorithm : algorithms) configurations.add(configuration(scenario, algorithm, Map.of()));
        return configurations;
    }

    /** Each result after the first with its paired differences against the first. */
    public static List<Replicated> compared(List<Replicated> results) {
        List<Replicated> compared = new ArrayList<>();
        compared.add(results.get(0));
        for (Replicated result : results.subList(1, results.size())) compared.add(result.versus(results.get(0)));
        return compared;
    }

    /**
     * Every point with every algorithm (the point's own when the list is empty), point by point.
     */
    public List<Replicated> sweep(List<Point> points, List<String> algorithms, int replications) {
        return replicateAll(sweeping(points, algorithms), replications);
    }

    /** The configurations {@link #sweep} runs: every point with every algorithm, point by point. */
    public static List<Configuration> sweeping(List<Point> points, List<String> algorithms) {
        List<Configuration> configurations = new ArrayList<>();
        for (Point point : points) {
            if (algorithms.isEmpty()) {
                configurations.add(configuration(point.scenario(), point.scenario().balancer().algorithm(), point.set()));
            } else {
                for (String algorithm : algorithms) configurations.add(configuration(point.scenario(), algorithm, point.set()));
            }
        }
        return configurations;
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
        checkReplications(replications);
        List<RunKey> keys = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            for (int i = 0; i < replications; i++) keys.add(new RunKey(c, i));
        }
        Replication[] all = new Replication[keys.size()];
        run(configurations, keys, (key, run) -> all[key.configuration() * replications + key.replication()] = run);
        List<Replicated> results = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            results.add(summarize(configurations.get(c).facts(),
                    List.of(all).subList(c * replications, (c + 1) * replications), List.of()));
        }
        return results;
    }

    /**
     * The runs named by {@code keys}, in parallel; {@code sink} hears of each as it ends, on the
     * thread that ran it (a campaign stores it there, so that an interrupted study keeps every run
     * that ended). Replication i of a configuration runs with the seed of replication i, whichever
     * runs are asked for, so a study run in parts gives what it gives in one piece.
     */
    public void run(List<Configuration> configurations, List<RunKey> keys, RunSink sink) {
        progress.planned(keys.size());
        List<Scenario> scenarios = new ArrayList<>();
        for (RunKey key : keys) {
            checkReplications(key.replication() + 1);
            scenarios.add(seeded(configurations.get(key.configuration()).scenario(), key.replication()));
        }
        runs.run(scenarios, (index, run) -> sink.ended(keys.get(index), replication(run)));
    }

    /**
     * The summary of one configuration's replications, in replication order: every metric's
     * estimate, the warnings of the first run (they are about the scenario, the same in every run),
     * the warm-up check over all of them, then {@code notes}.
     */
    public static Replicated summarize(Facts configuration, List<Replication> runs, List<String> notes) {
        List<RunResult> results = runs.stream().map(Replication::result).toList();
        List<String> warnings = new ArrayList<>(results.get(0).warnings());
        WarmupCheck.warning(configuration.warmup(), configuration.steadyState(),
                runs.stream().map(Replication::latency).toList()).ifPresent(warnings::add);
        warnings.addAll(notes);
        return Replicated.of(configuration.algorithm(), configuration.set(), results, warnings);
    }

    private static Replication replication(Runner.SampledRun run) {
        return new Replication(run.result(), LatencySeries.of(run.series()));
    }

    private static void checkReplications(int replications) {
        if (replications < 1) throw new IllegalArgumentException("replications must be at least 1, was " + replications);
    }

    private static Configuration configuration(Scenario scenario, String algorithm, Map<String, String> set) {
        Scenario configured = algorithm.equals(scenario.balancer().algorithm()) ? scenario : scenario.withAlgorithm(algorithm);
        return new Configuration(algorithm, set, configured);
    }

    private static Scenario seeded(Scenario scenario, int replication) {
        return scenario.withSeed(RandomStreams.replicationSeed(scenario.seed(), replication));
    }
}
