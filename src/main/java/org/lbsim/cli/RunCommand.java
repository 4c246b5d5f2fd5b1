package org.lbsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.campaign.Study;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Precision;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.ChartDatasets;
import org.lbsim.report.Charts;
import org.lbsim.report.CsvReport;
import org.lbsim.report.ExperimentTable;
import org.lbsim.report.JsonReport;
import org.lbsim.report.SummaryTable;
import org.lbsim.report.TimeSeriesCsv;
import org.lbsim.report.TimeSeriesDatasets;
import org.lbsim.scenario.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim run}: one run of a scenario, or independent replications of it with confidence
 * intervals, as a table and optionally as JSON, CSV, a time series and a chart.
 */
@Command(name = "run", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "Run a scenario and print what it measured.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    ExperimentOptions experiment = new ExperimentOptions();

    @Option(names = "--precision", paramLabel = "METRIC=REL", completionCandidates = MetricNames.class,
            description = "Replicate until the 95%% half-width of METRIC is at most REL of its mean, e.g. "
                    + "latency.p99=0.05 or latency.p99=5%%. Metrics: ${COMPLETION-CANDIDATES}.")
    String precision;

    @Option(names = "--max-replications", paramLabel = "N", description = "The most replications --precision may run (default: ${DEFAULT-VALUE}).")
    int maxReplications = 100;

    @Option(names = "--timeseries", paramLabel = "FILE.csv",
            description = "Write the run sampled at every interval as CSV: arrivals, completions, errors, latency, "
                    + "and per server utilization, requests held and health at the balancer.")
    String timeseries;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "The time series' sample interval, e.g. 1s or 500ms (default: about 1/600 of the run).")
    String interval;

    /** Most intervals a time series may hold. */
    private static final int MAX_INTERVALS = 100_000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        int replications = experiment.replications(precision == null ? 1 : 10);
        boolean replicated = replications > 1 || precision != null;
        experiment.validate(replicated ? List.of(ChartKind.CDF, ChartKind.BARS) : List.of(ChartKind.TIME, ChartKind.CDF));
        if (replicated && timeseries != null) {
            throw new UserInputException("--timeseries records one run: leave out --replications and --precision");
        }
        if (experiment.campaignOptions().enabled() && (!replicated || precision != null)) {
            throw new UserInputException("--campaign stores a fixed number of replications: give --replications R (2 or "
                    + "more)" + (precision == null ? "" : " in place of --precision"));
        }
        ExperimentOptions.checkWritable("--timeseries", timeseries);
        Optional<Precision> stoppingRule = Optional.ofNullable(precision).map(this::precision);
        Scenario scenario = scenarioOptions.load(algorithms);
        if (replicated) {
            int count = replications;
            experiment.study(spec.commandLine(), "replications", Study.Kind.RUN, scenarioOptions, replications,
                    Experiments.replicating(scenario), algorithms, experiments -> List.of(stoppingRule.isEmpty()
                            ? experiments.replicate(scenario, count)
                            : experiments.replicate(scenario, count, stoppingRule.get())))
                    .ifPresent(results -> StudyOutput.replicated(results.get(0), experiment, spec.commandLine()));
        } else {
            report(scenario, new Runner(algorithms).run(scenario, sampleInterval(scenario)));
        }
        return 0;
    }

    private void report(Scenario scenario, Runner.SampledRun run) {
        PrintWriter out = spec.commandLine().getOut();
        var result = run.result();
        experiment.report(spec.commandLine(), () -> SummaryTable.render(result, scenario.warmup()), result.warnings(),
                () -> JsonReport.toJson(result),
                () -> CsvReport.render(List.of(Replicated.of(result.algorithm(), Map.of(), List.of(result), List.of()))));
        if (timeseries != null) experiment.write("--timeseries", timeseries, TimeSeriesCsv.render(run.series()), out);
        experiment.writeChart(ChartKind.TIME, kind -> chart(kind, run));
        out.flush();
    }

    private static JFreeChart chart(ChartKind kind, Runner.SampledRun run) {
        return kind == ChartKind.TIME ? Charts.runOverTime(TimeSeriesDatasets.of(run.series()), run.result().moments())
                : Charts.latencyCdf(ChartDatasets.cdf(run.result()));
    }

    private double sampleInterval(Scenario scenario) {
        if (interval == null) return Runner.defaultInterval(scenario.duration());
        double seconds;
        try {
            seconds = Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--interval: " + e.getMessage());
        }
        if (!(seconds > 0) || seconds > scenario.duration()) {
            throw new UserInputException("--interval: found '" + interval + "', expected a positive duration no longer "
                    + "than the run (" + scenario.duration() + " s)");
        }
        // Every interval is kept in memory until the run ends, one sample per server in each.
        double shortest = Math.max(1e-6, scenario.duration() / MAX_INTERVALS);
        if (seconds < shortest) {
            throw new UserInputException(String.format("--interval: found '%s', expected at least %s s: a time series "
                    + "holds at most %,d intervals, each kept in memory", interval, shortest, MAX_INTERVALS));
        }
        return seconds;
    }

    /** Reads METRIC=REL, REL a fraction (0.05) or a percentage (5%). */
    private Precision precision(String option) {
        int equals = option.indexOf('=');
        String name = equals < 0 ? option : option.substring(0, equals);
        Metric metric = Metric.find(name).orElseThrow(() -> new UserInputException("--precision: found the metric '"
                + name + "', expected one of " + String.join(", ", Metric.names())));
        String value = equals < 0 ? "" : option.substring(equals + 1).trim();
        double relative;
        try {
            relative = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            relative = Double.NaN;
        }
        if (!(relative > 0 && relative < 1)) {
            throw new UserInputException("--precision: found '" + option + "', expected METRIC=REL with REL between 0 "
                    + "and 1 or a percentage, such as latency.p99=0.05 or latency.p99=5%");
        }
        if (maxReplications < 2 || maxReplications > ExperimentOptions.MAX_REPLICATIONS) {
            throw new UserInputException("--max-replications: found " + maxReplications + ", expected 2 to "
                    + ExperimentOptions.MAX_REPLICATIONS);
        }
        return new Precision(metric, relative, maxReplications);
    }
}
