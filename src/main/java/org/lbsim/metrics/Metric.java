package org.lbsim.metrics;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One named figure of a run that experiments estimate, declared once so that every reporter
 * (table, JSON, CSV, charts, UI) iterates over the same list instead of hard-wiring columns.
 * Values are in the JSON's units (seconds, fractions, counts); {@code displayScale} and
 * {@code unit} are for people.
 *
 * @param name         the stable key in JSON and CSV, such as {@code latency.p99}
 * @param label        what a table or axis calls it
 * @param headline     shown where space is short (the sweep table)
 */
public record Metric(String name, String label, String unit, double displayScale, boolean headline,
                     ToDoubleFunction<RunResult> extractor) {

    /** Every metric lbsim estimates, in reporting order. */
    public static final List<Metric> STANDARD = List.of(
            new Metric("latency.mean", "latency mean", "ms", 1000, true, r -> r.latency().mean()),
            new Metric("latency.p50", "latency p50", "ms", 1000, false, r -> r.latency().p50()),
            new Metric("latency.p95", "latency p95", "ms", 1000, false, r -> r.latency().p95()),
            new Metric("latency.p99", "latency p99", "ms", 1000, true, r -> r.latency().p99()),
            new Metric("throughput", "throughput", "requests/s", 1, true, RunResult::throughput),
            new Metric("availability", "availability", "%", 100, true, RunResult::availability),
            new Metric("utilization", "utilization (server mean)", "%", 100, false, Metric::meanUtilization),
            new Metric("requests.rejected", "rejected", "requests", 1, false, r -> r.requests().rejected()),
            new Metric("requests.failed", "failed", "requests", 1, false, r -> r.requests().failed()),
            new Metric("requests.timedOut", "timed out", "requests", 1, false, r -> r.requests().timedOut()));

    /**
     * The metrics of runs like {@code sample}: the standard ones, then the workload's where the
     * scenario has them, the mean and p99 latency of each request class and the broken sticky
     * sessions, so that comparisons give them intervals and paired differences too.
     */
    public static List<Metric> forRuns(RunResult sample) {
        List<Metric> metrics = new java.util.ArrayList<>(STANDARD);
        for (ClassResult requestClass : sample.workload().classes()) {
            String name = requestClass.name();
            metrics.add(new Metric("classes." + name + ".latency.mean", name + " latency mean", "ms", 1000, false,
                    r -> classLatency(r, name).mean()));
            metrics.add(new Metric("classes." + name + ".latency.p99", name + " latency p99", "ms", 1000, false,
                    r -> classLatency(r, name).p99()));
        }
        if (sample.workload().sessions() != null) {
            metrics.add(new Metric("sessions.broken", "broken", "sessions", 1, false,
                    r -> r.workload().sessions() == null ? Double.NaN : r.workload().sessions().broken()));
        }
        return List.copyOf(metrics);
    }

    private static LatencySummary classLatency(RunResult result, String name) {
        return result.workload().classes().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(ClassResult::latency).orElse(LatencySummary.EMPTY);
    }

    public static Optional<Metric> find(String name) {
        return STANDARD.stream().filter(metric -> metric.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return STANDARD.stream().map(Metric::name).toList();
    }

    public double of(RunResult result) {
        return extractor.applyAsDouble(result);
    }

    /** The label with its unit, as an axis or a column header shows it. */
    public String labelWithUnit() {
        return label + " (" + unit + ")";
    }

    private static double meanUtilization(RunResult result) {
        return result.servers().stream().mapToDouble(ServerResult::utilization).average().orElse(Double.NaN);
    }
}
