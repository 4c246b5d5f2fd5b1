package org.lbsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.campaign.Study;
import org.lbsim.experiment.Experiments;
import org.lbsim.metrics.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim sweep}: the cartesian product of {@code --set PATH=v1,v2,...} values, each point
 * replicated, with each algorithm; the latency-versus-load curve.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Replicate a scenario at every combination of --set PATH=v1,v2,... values (and algorithms).")
final class SweepCommand implements Callable<Integer> {

    /** Most points a sweep may have. */
    static final int MAX_POINTS = 10_000;

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    ExperimentOptions experiment = new ExperimentOptions();

    @Option(names = "--algorithms", paramLabel = "a,b,c", split = ",",
            description = "Run every point with each of these algorithms (default: the scenario's).")
    List<String> algorithmNames = new ArrayList<>();

    @Option(names = "--chart-metric", paramLabel = "METRIC", completionCandidates = MetricNames.class,
            description = "The metric the load chart draws (default: ${DEFAULT-VALUE}). Metrics: ${COMPLETION-CANDIDATES}.")
    String chartMetric = "latency.mean";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        List<String> names = AlgorithmList.check(algorithmNames, algorithms);
        int replications = experiment.replications(10);
        experiment.validate(StudyOutput.chartKinds(Study.Kind.SWEEP));
        Metric metric = Metric.find(chartMetric).orElseThrow(() -> new UserInputException("--chart-metric: found '"
                + chartMetric + "', expected one of " + String.join(", ", Metric.names())));
        Map<String, List<String>> values = values(scenarioOptions.overrides);
        List<Experiments.Point> points = new ArrayList<>();
        for (Map<String, String> set : Experiments.cartesian(values)) {
            List<String> overrides = set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            // Each algorithm loads the point afresh, so that --set may give its parameters
            // (balancer.reportInterval for least-utilization) and they are checked against it.
            for (String algorithm : names.isEmpty() ? List.of("") : names) {
                List<String> all = new ArrayList<>();
                if (!algorithm.isEmpty()) all.add("balancer.algorithm=" + algorithm);
                all.addAll(overrides);
                points.add(new Experiments.Point(set, scenarioOptions.load(algorithms, all)));
            }
        }
        experiment.study(spec.commandLine(), "sweep", Study.Kind.SWEEP, scenarioOptions, replications,
                        Experiments.sweeping(points, List.of()), algorithms,
                        experiments -> experiments.sweep(points, List.of(), replications))
                .ifPresent(results -> StudyOutput.sweep(results, experiment, spec.commandLine(), metric));
        return 0;
    }

    /** Each {@code --set PATH=v1,v2,...} as its path and values, in the order given. */
    static Map<String, List<String>> values(List<String> options) {
        if (options.isEmpty()) throw new UserInputException("sweep needs at least one --set PATH=v1,v2,...");
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException("--set: found '" + option + "', expected PATH=v1,v2,... such as "
                        + "clients.users.arrivals.rate=50/s,100/s,150/s");
            }
            String path = option.substring(0, equals).trim();
            if (values.put(path, splitTopLevel(option.substring(equals + 1))) != null) {
                throw new UserInputException("--set: the path " + path + " is given twice; list all its values in one --set");
            }
        }
        long points = 1;
        for (List<String> list : values.values()) points = Math.min(points * list.size(), MAX_POINTS + 1L);
        if (points > MAX_POINTS) {
            throw new UserInputException("--set: found more than " + MAX_POINTS + " combinations of values, expected at "
                    + "most " + MAX_POINTS + " points to sweep (every point's scenario is loaded before the runs)");
        }
        return values;
    }

    /** Splits at the commas outside brackets and braces, so a value may be a YAML list or map. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') depth++;
            if (c == ']' || c == '}') depth--;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
