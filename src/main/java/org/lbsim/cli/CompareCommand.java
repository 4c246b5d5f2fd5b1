package org.lbsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.campaign.Study;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim compare}: several algorithms on the same replications (common random numbers),
 * with each metric's interval per algorithm and the paired differences against the first.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Compare balancing algorithms on the same random numbers, with confidence intervals.")
final class CompareCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenarioOptions = new ScenarioOptions();

    @Mixin
    ExperimentOptions experiment = new ExperimentOptions();

    @Option(names = "--algorithms", paramLabel = "a,b,c", split = ",", required = true,
            description = "The algorithms to compare; differences are taken against the first.")
    List<String> algorithmNames = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Algorithms algorithms = Algorithms.standard();
        List<String> names = AlgorithmList.check(algorithmNames, algorithms);
        if (names.size() < 2) throw new UserInputException("--algorithms: found one algorithm, expected two or more to compare");
        int replications = experiment.replications(10);
        experiment.validate(StudyOutput.chartKinds(Study.Kind.COMPARE));
        Scenario scenario = scenarioOptions.load(algorithms);
        experiment.study(spec.commandLine(), "compare", Study.Kind.COMPARE, scenarioOptions, replications,
                        Experiments.comparing(scenario, names), algorithms,
                        experiments -> experiments.compare(scenario, names, replications))
                .ifPresent(results -> StudyOutput.comparison(results, experiment, spec.commandLine()));
        return 0;
    }
}
