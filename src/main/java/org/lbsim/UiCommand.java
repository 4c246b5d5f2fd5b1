package org.lbsim;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.Suggestions;
import org.lbsim.ui.LbsimApp;
import org.lbsim.ui.WindowUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim ui [SCENARIO] [--compare A,B]}: opens the classroom window, on one run or on two
 * algorithms side by side. A command of the launcher's, beside
 * it, so that the window's package knows nothing of the command-line library.
 */
@Command(name = "ui", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Open the live classroom window (default scenario: scenarios/two-instances.yaml).")
public final class UiCommand implements Callable<Integer> {

    /** Exit status when this machine cannot show the window (no display, no GTK): not a mistake in the arguments. */
    static final int NO_WINDOW = 1;
    /** Exit status for a mistake in the arguments, as every lbsim command has it. */
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path file;

    @Option(names = "--compare", split = ",", paramLabel = "A,B", hideParamSyntax = true,
            description = "Open side by side two algorithms on the same requests, e.g. round-robin,least-connections.")
    List<String> compare;

    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        Optional<String> mistake = compareMistake(compare, algorithms);
        if (mistake.isPresent()) {
            spec.commandLine().getErr().println("lbsim: " + mistake.get());
            return BAD_INPUT;
        }
        Path opened = file != null ? file : BundledScenarios.defaultScenario();
        // Validate before any window opens, as the command line does: a bad file is a message and exit status 2.
        Scenario scenario = AlgorithmRules.loader(algorithms).load(opened, List.of());
        try {
            return LbsimApp.show(opened, scenario, compare == null ? List.of() : compare);
        } catch (WindowUnavailableException e) {
            // A missing piece of the system, not a bug: its paragraph alone, no stack trace.
            spec.commandLine().getErr().println(e.getMessage());
            return NO_WINDOW;
        }
    }

    /** What is wrong with the names given to {@code --compare}, if anything: two known algorithms are expected. */
    static Optional<String> compareMistake(List<String> names, Algorithms algorithms) {
        if (names == null) return Optional.empty();
        Collection<String> known = algorithms.parameterKeys().keySet();
        if (names.size() != 2) {
            return Optional.of("--compare: found " + names.size() + " algorithm" + (names.size() == 1 ? "" : "s") + " ("
                    + String.join(",", names) + "), expected two, e.g. --compare round-robin,least-connections");
        }
        for (String name : names) {
            if (algorithms.find(name).isEmpty()) {
                return Optional.of("--compare: found '" + name + "'" + Suggestions.didYouMean(name, known)
                        + ", expected one of " + String.join(", ", known));
            }
        }
        return Optional.empty();
    }
}
