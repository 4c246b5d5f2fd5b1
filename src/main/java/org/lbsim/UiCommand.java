package org.lbsim;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.ui.LbsimApp;
import org.lbsim.ui.WindowUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim ui [SCENARIO]}: opens the classroom window. A command of the launcher's, beside
 * it, so that the window's package knows nothing of the command-line library.
 */
@Command(name = "ui", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Open the live classroom window (default scenario: scenarios/two-instances.yaml).")
public final class UiCommand implements Callable<Integer> {

    /** Exit status when this machine cannot show the window (no display, no GTK): not a mistake in the arguments. */
    static final int NO_WINDOW = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
        Path opened = file != null ? file : Launcher.defaultScenario();
        // Validate before any window opens, as the command line does: a bad file is a message and exit status 2.
        Scenario scenario = AlgorithmRules.loader(Algorithms.standard()).load(opened, java.util.List.of());
        try {
            return LbsimApp.show(opened, scenario);
        } catch (WindowUnavailableException e) {
            // A missing piece of the system, not a bug: its paragraph alone, no stack trace.
            spec.commandLine().getErr().println(e.getMessage());
            return NO_WINDOW;
        }
    }
}
