package org.lbsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.report.OutputFiles;
import org.lbsim.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim schema}: the JSON Schema (draft 2020-12) of scenario files, generated from the
 * rules the loader applies and the algorithms' parameters; {@code docs/scenario.schema.json} is
 * its output.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Print the JSON Schema (draft 2020-12) of scenario files, for editors that complete and check YAML.")
final class SchemaCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String schema = ScenarioSchema.text(AlgorithmRules.rules(Algorithms.standard()));
        if (output == null) {
            spec.commandLine().getOut().print(schema);
            return 0;
        }
        try {
            OutputFiles.write(output, schema);
        } catch (OutputFiles.WriteFailure e) {
            throw new UserInputException("-o: " + e.getMessage());
        }
        return 0;
    }
}
