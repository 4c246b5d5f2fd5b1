package org.lbsim.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;

/**
 * Experiment results as tidy CSV for pandas, R or a spreadsheet: one row per configuration
 * (algorithm and set values), one column per variable, in the JSON's units. Columns: the
 * algorithm, each set path, the replications, then {@code METRIC.mean} and
 * {@code METRIC.halfWidth95} for every metric; in a comparison also {@code versus} and
 * {@code METRIC.difference}, {@code METRIC.differenceHalfWidth95}.
 */
public final class CsvReport {

    private CsvReport() {
    }

    public static String render(List<Replicated> results) {
        Set<String> paths = new LinkedHashSet<>();
        results.forEach(result -> paths.addAll(result.set().keySet()));
        boolean compared = results.stream().anyMatch(result -> result.comparison().isPresent());
        List<Metric> metrics = results.get(0).metrics();
        List<String> header = new ArrayList<>(List.of("algorithm"));
        header.addAll(paths);
        header.add("replications");
        for (Metric metric : metrics) {
            header.add(metric.name() + ".mean");
            header.add(metric.name() + ".halfWidth95");
        }
        if (compared) {
            header.add("versus");
            for (Metric metric : metrics) {
                header.add(metric.name() + ".difference");
                header.add(metric.name() + ".differenceHalfWidth95");
            }
        }
        StringBuilder out = new StringBuilder(Csv.row(header));
        for (Replicated result : results) {
            List<String> row = new ArrayList<>(List.of(result.algorithm()));
            paths.forEach(path -> row.add(result.set().getOrDefault(path, "")));
            row.add(Integer.toString(result.replications()));
            for (Metric metric : metrics) add(row, result.estimate(metric));
            if (compared) {
                row.add(result.comparison().map(Replicated.Comparison::versus).orElse(""));
                for (Metric metric : metrics) {
                    add(row, result.comparison().map(c -> c.difference().get(metric.name()))
                            .orElse(new Estimate(Double.NaN, Double.NaN, 0)));
                }
            }
            out.append(Csv.row(row));
        }
        return out.toString();
    }

    private static void add(List<String> row, Estimate estimate) {
        row.add(Csv.number(estimate.mean()));
        row.add(Csv.number(estimate.halfWidth95()));
    }
}
