package org.lbsim.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.lbsim.report.ChartFiles;
import org.lbsim.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where a command's results go (a table, JSON, CSV, a chart) and how much it says: the options of
 * every command that reports replications, {@code campaign report} included.
 */
class OutputOptions {

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the results as JSON to FILE, or to standard output with -.")
    String json;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write the results as CSV, one row per configuration, to FILE or standard output.")
    String csv;

    @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg", description = "Draw a chart to this PNG or SVG file.")
    Path chart;

    @Option(names = "--chart-kind", paramLabel = "KIND", converter = ChartKind.Converter.class,
            description = "Which chart: time (one run over time), cdf (latency distribution), bars (latency "
                    + "percentiles with error bars), load (latency versus the swept value). Default: time for one run, "
                    + "cdf for replications, bars for compare, load for sweep.")
    ChartKind chartKind;

    @Option(names = "--quiet", description = "Print no table and no progress bar.")
    boolean quiet;

    /** Checks the outputs before the runs, so a typo does not cost the whole experiment. */
    void validateOutputs(List<ChartKind> allowedKinds) {
        if (chart != null && !ChartFiles.supports(chart)) {
            throw new UserInputException("--chart: found '" + chart + "', expected a file name ending in .png or .svg");
        }
        if (chartKind != null && !allowedKinds.contains(chartKind)) {
            throw new UserInputException("--chart-kind: found '" + chartKind + "', expected one of " + allowedKinds
                    + " here");
        }
        if ("-".equals(json) && "-".equals(csv)) throw new UserInputException("--json - and --csv - cannot share standard output");
        checkWritable("--json", json);
        checkWritable("--csv", csv);
        checkWritable("--chart", chart == null ? null : chart.toString());
    }

    /**
     * Refuses an output file that cannot be written (its folder missing, a folder itself, no
     * permission) before the runs that fill it, so that a typo does not cost the experiment.
     */
    static void checkWritable(String option, String target) {
        if (target == null || "-".equals(target)) return;
        Path file = path(option, target);
        OutputFiles.problem(file).ifPresent(reason -> {
            throw new UserInputException(option + ": cannot write " + file + ": " + reason);
        });
    }

    private static Path path(String option, String target) {
        try {
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new UserInputException(option + ": found '" + target + "', expected a file name (" + e.getReason() + ")");
        }
    }


    /** Whether standard output carries data, so the table must stay off it. */
    boolean dataOnStdout() {
        return "-".equals(json) || "-".equals(csv);
    }

    boolean showTable() {
        return !quiet && !dataOnStdout();
    }

    /**
     * What every command prints: the table on standard output, or, when the table is not shown,
     * the warnings it would carry on standard error; then the JSON and CSV asked for.
     */
    void report(CommandLine commandLine, Supplier<String> table, List<String> warnings, Supplier<String> jsonText,
                Supplier<String> csvText) {
        PrintWriter out = commandLine.getOut();
        if (showTable()) {
            out.print(table.get());
        } else {
            warnings.stream().distinct().forEach(w -> commandLine.getErr().println("warning: " + w));
        }
        writeOutputs(out, jsonText, csvText);
    }

    private void writeOutputs(PrintWriter out, Supplier<String> jsonText, Supplier<String> csvText) {
        if (json != null) write("--json", json, jsonText.get(), out);
        if (csv != null) write("--csv", csv, csvText.get(), out);
    }

    /**
     * Draws the chart, the last output of every command, then reports every output that could
     * not be written: one failure does not keep the others from being written.
     */
    void writeChart(ChartKind defaultKind, Function<ChartKind, JFreeChart> build) {
        if (chart != null) {
            JFreeChart drawn = build.apply(chartKind == null ? defaultKind : chartKind);
            try {
                ChartFiles.write(drawn, chart, ChartFiles.WIDTH, ChartFiles.HEIGHT);
            } catch (OutputFiles.WriteFailure e) {
                failures.add("--chart: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            String message = String.join("\nlbsim: ", failures);
            failures.clear();
            throw new UserInputException(message);
        }
    }

    /** Outputs that could not be written, reported once the others are (see {@link #writeChart}). */
    private final List<String> failures = new ArrayList<>();

    /**
     * Writes to a file, or to standard output for {@code -}; creates no folder. A file that cannot
     * be written is recorded, and reported with the others by {@link #writeChart}.
     */
    void write(String option, String target, String text, PrintWriter out) {
        if ("-".equals(target)) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            OutputFiles.write(path(option, target), text);
        } catch (OutputFiles.WriteFailure e) {
            failures.add(option + ": " + e.getMessage());
        }
    }
}
