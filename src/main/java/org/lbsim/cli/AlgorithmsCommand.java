package org.lbsim.cli;

import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.balancing.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lbsim algorithms}: the registry, one algorithm a line, each parameter under it with its
 * default and range (set them under {@code balancer:} or with {@code --set balancer.KEY=VALUE}).
 */
@Command(name = "algorithms", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "List the balancing algorithms and their parameters.")
final class AlgorithmsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            out.printf("%-28s %s%n", info.name(), info.description());
            for (Parameter parameter : info.parameters()) {
                out.printf("%-28s   %s (default %s): %s; %s%n", "", parameter.key(), parameter.defaultText(),
                        parameter.description(), parameter.range());
            }
        }
    }
}
