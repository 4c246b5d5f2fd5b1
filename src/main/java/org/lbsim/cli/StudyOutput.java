package org.lbsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lbsim.campaign.Study;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.ChartDatasets;
import org.lbsim.report.Charts;
import org.lbsim.report.CsvReport;
import org.lbsim.report.ExperimentTable;
import org.lbsim.report.JsonReport;
import org.lbsim.scenario.Durations;
import org.lbsim.scenario.Rates;
import picocli.CommandLine;

/**
 * What {@code run --replications}, {@code compare} and {@code sweep} print of their summaries: the
 * table, JSON, CSV and chart. One place, so that {@code campaign report} prints of a campaign
 * exactly what the command that ran it prints.
 */
final class StudyOutput {

    private static final Pattern RATE = Pattern.compile(".*\\d\\s*/\\s*[a-z]+");
    private static final Pattern DURATION = Pattern.compile(".*\\d\\s*(ms|s|min|h|d)");

    private StudyOutput() {
    }

    /** The chart kinds each command draws, its default first. */
    static List<ChartKind> chartKinds(Study.Kind kind) {
        return switch (kind) {
            case RUN -> List.of(ChartKind.CDF, ChartKind.BARS);
            case COMPARE -> List.of(ChartKind.BARS, ChartKind.CDF);
            case SWEEP -> List.of(ChartKind.LOAD, ChartKind.BARS, ChartKind.CDF);
        };
    }

    static void print(Study.Kind kind, List<Replicated> results, OutputOptions output, CommandLine commandLine, Metric chartMetric) {
        switch (kind) {
            case RUN -> replicated(results.get(0), output, commandLine);
            case COMPARE -> comparison(results, output, commandLine);
            case SWEEP -> sweep(results, output, commandLine, chartMetric);
        }
    }

    static void replicated(Replicated result, OutputOptions output, CommandLine commandLine) {
        output.report(commandLine, () -> ExperimentTable.replicated(result), result.warnings(),
                () -> JsonReport.toJson(result), () -> CsvReport.render(List.of(result)));
        output.writeChart(ChartKind.CDF, kind -> kind == ChartKind.CDF
                ? Charts.latencyCdf(ChartDatasets.cdf(List.of(result)))
                : Charts.latencyBars(ChartDatasets.percentileBars(List.of(result))));
        commandLine.getOut().flush();
    }

    static void comparison(List<Replicated> results, OutputOptions output, CommandLine commandLine) {
        PrintWriter out = commandLine.getOut();
        output.report(commandLine, () -> ExperimentTable.comparison(results),
                results.stream().flatMap(r -> r.warnings().stream()).toList(),
                () -> JsonReport.toJson(results), () -> CsvReport.render(results));
        output.writeChart(ChartKind.BARS, kind -> kind == ChartKind.BARS
                ? Charts.latencyBars(ChartDatasets.percentileBars(results))
                : Charts.latencyCdf(ChartDatasets.cdf(results)));
        out.flush();
    }

    static void sweep(List<Replicated> results, OutputOptions output, CommandLine commandLine, Metric metric) {
        PrintWriter out = commandLine.getOut();
        output.report(commandLine, () -> ExperimentTable.sweep(results),
                results.stream().flatMap(r -> r.warnings().stream()).toList(),
                () -> JsonReport.toJson(results), () -> CsvReport.render(results));
        Map<String, List<String>> values = sweptValues(results);
        String swept = swept(values);
        List<String> sweptValues = values.get(swept);
        output.writeChart(ChartKind.LOAD, kind -> switch (kind) {
            case LOAD -> Charts.latencyVersusLoad(
                    ChartDatasets.loadCurves(results, metric, swept, value -> number(value, sweptValues)),
                    swept + unit(sweptValues), metric.labelWithUnit());
            case BARS -> Charts.latencyBars(ChartDatasets.percentileBars(results));
            default -> Charts.latencyCdf(ChartDatasets.cdf(results));
        });
        out.flush();
    }

    /** Each swept path and its values, in the order the configurations met them. */
    static Map<String, List<String>> sweptValues(List<Replicated> results) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Replicated result : results) {
            result.set().forEach((path, value) -> {
                List<String> list = values.computeIfAbsent(path, p -> new ArrayList<>());
                if (!list.contains(value)) list.add(value);
            });
        }
        return values;
    }

    /** The path on the load chart's x axis: the first with several values. */
    private static String swept(Map<String, List<String>> values) {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst()
                .orElse(values.keySet().iterator().next());
    }

    /** The number a value stands for, in seconds or per second; its position when it is no number. */
    private static double number(String value, List<String> all) {
        try {
            if (RATE.matcher(value).matches()) return Rates.parse(value);
            if (DURATION.matcher(value).matches()) return Durations.parse(value);
            return Double.parseDouble(value);
        } catch (IllegalArgumentException e) {
            return all.indexOf(value);
        }
    }

    private static String unit(List<String> values) {
        if (values.stream().allMatch(v -> RATE.matcher(v).matches())) return " (requests/s)";
        if (values.stream().allMatch(v -> DURATION.matcher(v).matches())) return " (s)";
        return "";
    }
}
