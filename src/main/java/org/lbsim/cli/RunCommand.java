package org.lbsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.report.SummaryTable;
import org.lbsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lbsim run}: one run of a scenario, as a table and optionally as JSON. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario and print what it measured.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the results as JSON to FILE, or to standard output with -.")
    String json;

    @Option(names = "--quiet", description = "Print no table.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        Scenario scenario = scenarioOptions.load(algorithms);
        RunResult result = new Runner(algorithms).run(scenario);
        var out = spec.commandLine().getOut();
        boolean jsonToStdout = "-".equals(json);
        if (!quiet && !jsonToStdout) out.print(SummaryTable.render(result, scenario.warmup()));
        if (quiet || jsonToStdout) result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (jsonToStdout) {
            out.print(JsonReport.toJson(result));
        } else if (json != null) {
            write(Path.of(json), JsonReport.toJson(result));
        }
        out.flush();
        return 0;
    }

    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
