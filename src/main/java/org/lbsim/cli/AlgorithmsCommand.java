package org.lbsim.cli;

import java.util.TreeSet;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lbsim algorithms}: the registry, one algorithm a line. */
@Command(name = "algorithms", mixinStandardHelpOptions = true, description = "List the balancing algorithms.")
final class AlgorithmsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            String parameters = info.parameters().isEmpty() ? "" : "  [parameters: " + String.join(", ", new TreeSet<>(info.parameters())) + "]";
            out.printf("%-28s %s%s%n", info.name(), info.description(), parameters);
        }
    }
}
