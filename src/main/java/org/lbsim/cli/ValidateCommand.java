package org.lbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.TraceCheck;
import org.lbsim.cluster.TraceReplayException;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.TraceResult;
import org.lbsim.report.Words;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim validate}: checks scenario files without running them, each on its own, and reads
 * every trace they replay through to its end as a run would (strictly with {@code --strict}), so
 * that a scenario it passes does not stop a run for a reason it could have seen.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Check scenario files, and the traces they replay, and say what each describes.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML).")
    List<Path> files = new ArrayList<>();

    @Mixin
    ScenarioChanges changes = new ScenarioChanges();

    @Spec
    CommandSpec spec;

    /** Every file checked, each verdict printed; status 2 when any is not valid. */
    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        changes.checkSpeedup();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> invalid = new ArrayList<>();
        boolean anyTrace = false;
        for (Path file : files) {
            try {
                // One file: --strict or --speedup without a trace to apply to is a mistake, as in run.
                // Several: they apply to those that replay one.
                Scenario scenario = changes.load(file, algorithms, changes.overrides, files.size() == 1);
                anyTrace |= ScenarioChanges.replaysATrace(scenario);
                StringBuilder traces = new StringBuilder();
                for (ClientSpec client : scenario.clients()) {
                    if (client.arrivals() instanceof ArrivalSpec.Trace trace) {
                        traces.append(describe(client, trace, TraceCheck.readThrough(client)));
                    }
                }
                out.print(verdict(file, scenario) + traces);
                out.flush();
            } catch (ScenarioException | TraceReplayException e) {
                err.println(e.getMessage());
                err.flush();
                invalid.add(file);
            }
        }
        if (changes.changesTraces() && !anyTrace && invalid.size() < files.size()) {
            throw new UserInputException(changes.traceOption() + ": found no client that replays a trace in any of the "
                    + files.size() + " files, expected one with arrivals: {process: trace, ...}");
        }
        if (invalid.isEmpty()) return 0;
        if (files.size() > 1) {
            err.printf("lbsim: %d of %s %s not valid: %s%n", invalid.size(), Words.count(files.size(), "scenario file"),
                    invalid.size() == 1 ? "is" : "are", String.join(", ", invalid.stream().map(Path::toString).toList()));
        }
        return Main.BAD_INPUT;
    }

    static String verdict(Path file, Scenario scenario) {
        return String.format(Locale.ROOT, "%s: valid — \"%s\": %s, %s, %s, algorithm %s, %s simulated%n", file,
                scenario.name(), Words.count(scenario.clients().size(), "client"),
                Words.count(scenario.servers().size(), "server"),
                Words.count(scenario.securityGroups().size(), "security group"), scenario.balancer().algorithm(),
                formatSeconds(scenario.duration()));
    }

    /** What a run would read of a client's trace: its lines, those it would replay and skip, and the first skipped. */
    static String describe(ClientSpec client, ArrivalSpec.Trace trace, TraceResult read) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  trace %s (client %s): %s, %,d to replay, %,d skipped",
                trace.file(), client.name(), Words.count(read.lines(), "line"), read.replayed(), read.skipped()));
        if (read.reordered() > 0) text.append(String.format(Locale.ROOT, ", %,d out of order", read.reordered()));
        text.append(System.lineSeparator());
        for (String skipped : read.firstSkipped()) text.append("    skipped ").append(skipped).append(System.lineSeparator());
        return text.toString();
    }

    private static String formatSeconds(double seconds) {
        return seconds % 1 == 0 ? (long) seconds + " s" : seconds + " s";
    }
}
