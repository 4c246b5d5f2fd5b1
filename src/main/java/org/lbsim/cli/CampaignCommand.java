package org.lbsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lbsim.campaign.CampaignException;
import org.lbsim.campaign.CampaignFile;
import org.lbsim.campaign.CampaignMerge;
import org.lbsim.campaign.Campaigns;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim campaign}: what is done with the SQLite files of {@code --campaign}: merge the
 * shards of a study, and report a whole study as the command that ran it would have.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Merge and report campaign files (the SQLite files of --campaign).",
        subcommands = {CampaignCommand.Merge.class, CampaignCommand.Report.class})
final class CampaignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code lbsim campaign} alone names no action: a mistake in the arguments. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Join the campaign files of one study (its shards) into OUT.db, made if missing.")
    static final class Merge implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "OUT.db", description = "The merged file; runs are added to it if it exists.")
        Path output;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "IN.db", description = "The files to merge.")
        List<Path> inputs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            OutputOptions.checkWritable("OUT.db", output.toString());
            CampaignMerge.Outcome outcome;
            try {
                outcome = CampaignMerge.merge(output, inputs);
            } catch (CampaignException e) {
                throw new UserInputException(e.getMessage());
            }
            String duplicates = outcome.duplicates() == 0 ? ""
                    : String.format(" (%s found twice, identical)", Words.count(outcome.duplicates(), "run"));
            spec.commandLine().getOut().printf("merged %s into %s: %s added%s; it holds %d of the study's %d runs%s%n",
                    Words.count(inputs.size(), "file"), output, Words.count(outcome.added(), "run"), duplicates,
                    outcome.stored(), outcome.studyRuns(), outcome.stored() == outcome.studyRuns() ? ""
                            : ", the others are in shards not merged yet or not yet run");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print a whole campaign's results: the table, JSON, CSV and chart of the command that ran it.")
    static final class Report implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE.db", description = "A campaign file holding every run of its study.")
        Path file;

        @Mixin
        OutputOptions output = new OutputOptions();

        @Option(names = "--chart-metric", paramLabel = "METRIC", completionCandidates = MetricNames.class,
                description = "For a sweep: the metric the load chart draws (default: ${DEFAULT-VALUE}).")
        String chartMetric = "latency.mean";

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Metric metric = Metric.find(chartMetric).orElseThrow(() -> new UserInputException("--chart-metric: found '"
                    + chartMetric + "', expected one of " + String.join(", ", Metric.names())));
            CommandLine commandLine = spec.commandLine();
            try (CampaignFile campaign = CampaignFile.open(file)) {
                output.validateOutputs(StudyOutput.chartKinds(campaign.study().kind()));
                List<Replicated> results = Campaigns.results(campaign);
                StudyOutput.print(campaign.study().kind(), results, output, commandLine, metric);
            } catch (CampaignException e) {
                throw new UserInputException(e.getMessage());
            }
            return 0;
        }
    }
}
