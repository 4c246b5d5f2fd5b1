package org.lbsim.cli;

import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lbsim validate}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "Check a scenario file and say what it describes.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = scenarioOptions.load(Algorithms.standard());
        spec.commandLine().getOut().printf("%s: valid — \"%s\": %d client(s), %d server(s), %d security group(s), "
                        + "algorithm %s, %s simulated%n", scenarioOptions.file, scenario.name(), scenario.clients().size(),
                scenario.servers().size(), scenario.securityGroups().size(), scenario.balancer().algorithm(),
                formatSeconds(scenario.duration()));
        return 0;
    }

    private static String formatSeconds(double seconds) {
        return seconds % 1 == 0 ? (long) seconds + " s" : seconds + " s";
    }
}
