package org.lbsim.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Independent replications of one configuration (an algorithm and a set of overridden
 * values) and the estimate of every metric of {@link Metric#forRuns} over them.
 *
 * @param set         the {@code --set} values that define this point of a sweep, in order
 * @param runs        the replications in index order (replication i used seed i)
 * @param summary     metric name to estimate, in the order of {@link #metrics()}
 * @param comparison  present in a comparison for every configuration but the first
 * @param warnings    about the replications as a whole (a warm-up too short, a precision not reached)
 */
public record Replicated(String algorithm, Map<String, String> set, List<RunResult> runs, Map<String, Estimate> summary,
                        Optional<Comparison> comparison, List<String> warnings) {

    public Replicated {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        runs = List.copyOf(runs);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        warnings = List.copyOf(warnings);
    }

    /**
     * Paired differences against a baseline run on the same random numbers: replication i of
     * both used the same seed, so each difference cancels the noise they share.
     *
     * @param versus     the baseline's algorithm
     * @param difference metric name to the estimate of (this − baseline), in metric order
     */
    public record Comparison(String versus, Map<String, Estimate> difference) {
        public Comparison {
            difference = Collections.unmodifiableMap(new LinkedHashMap<>(difference));
        }
    }

    /** The replications summarized, with no comparison. */
    public static Replicated of(String algorithm, Map<String, String> set, List<RunResult> runs, List<String> warnings) {
        Map<String, Estimate> summary = new LinkedHashMap<>();
        for (Metric metric : Metric.forRuns(runs.get(0))) {
            summary.put(metric.name(), Estimate.of(runs.stream().mapToDouble(metric::of).toArray()));
        }
        return new Replicated(algorithm, set, runs, summary, Optional.empty(), warnings);
    }

    public int replications() {
        return runs.size();
    }

    /** The metrics estimated here: the standard ones and the workload's (see {@link Metric#forRuns}). */
    public List<Metric> metrics() {
        return Metric.forRuns(runs.get(0));
    }

    public Estimate estimate(Metric metric) {
        return summary.get(metric.name());
    }

    /** This configuration with its paired differences against {@code baseline}, replication by replication. */
    public Replicated versus(Replicated baseline) {
        if (baseline.replications() != replications()) {
            throw new IllegalArgumentException("paired differences need as many replications: "
                    + replications() + " and " + baseline.replications());
        }
        Map<String, Estimate> difference = new LinkedHashMap<>();
        for (Metric metric : metrics()) {
            double[] values = new double[replications()];
            for (int i = 0; i < values.length; i++) values[i] = metric.of(runs.get(i)) - metric.of(baseline.runs().get(i));
            difference.put(metric.name(), Estimate.of(values));
        }
        return new Replicated(algorithm, set, runs, summary, Optional.of(new Comparison(baseline.algorithm(), difference)),
                warnings);
    }
}
