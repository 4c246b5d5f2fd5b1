package org.lbsim;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.ui.LbsimApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lbsim ui [SCENARIO]}: opens the classroom window. A command of the launcher's, beside
 * it, so that the window's package knows nothing of the command-line library.
 */
@Command(name = "ui", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Open the live classroom window (default scenario: scenarios/two-instances.yaml).")
public final class UiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
        Path opened = file != null ? file : Launcher.defaultScenario();
        // Validate before any window opens, as the command line does: a bad file is a message and exit status 2.
        Scenario scenario = AlgorithmRules.loader(Algorithms.standard()).load(opened, java.util.List.of());
        LbsimApp.show(opened, scenario);
        return 0;
    }
}
