package org.lbsim.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.lbsim.balancing.Algorithms;
import org.lbsim.campaign.CampaignException;
import org.lbsim.campaign.Campaigns;
import org.lbsim.campaign.Study;
import org.lbsim.experiment.Experiments;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.Words;
import org.lbsim.report.ChartFiles;
import org.lbsim.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options shared by the commands that replicate: how many runs, on how many threads, whether
 * they form a campaign, and (from {@link OutputOptions}) where results go.
 */
final class ExperimentOptions extends OutputOptions {

    @Option(names = "--replications", paramLabel = "R",
            description = "Independent replications, with seeds derived from the scenario's (default: 1 for run, 10 for compare and sweep).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Replications run at once (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--campaign", paramLabel = "FILE.db",
            description = "Store every run in this SQLite file as it ends; run again, compute only the runs it lacks.")
    Path campaign;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "With --campaign: run only share K of N of the study's runs (for job arrays); merge the files with lbsim campaign merge.")
    String shard;

    /** Most replications of one configuration: each run's results are kept until the experiment ends. */
    static final int MAX_REPLICATIONS = 10_000;

    int replications(int byDefault) {
        int value = replications == null ? byDefault : replications;
        if (value < 1 || value > MAX_REPLICATIONS) {
            throw new UserInputException("--replications: found " + value + ", expected 1 to " + MAX_REPLICATIONS);
        }
        return value;
    }

    /** Checks what can be checked before the runs, so a typo does not cost the whole experiment. */
    void validate(List<ChartKind> allowedKinds) {
        if (threads < 1) throw new UserInputException("--threads: found " + threads + ", expected 1 or more");
        validateOutputs(allowedKinds);
        campaignOptions().validate(this);
    }

    CampaignOptions campaignOptions() {
        return new CampaignOptions(campaign, shard);
    }

    Experiments experiments(Algorithms algorithms, ProgressBars progress) {
        return new Experiments(algorithms, threads, progress);
    }

    /** A progress bar on standard error when it is a terminal and not quieted; nothing otherwise. */
    ProgressBars progress(String task) {
        return ProgressBars.create(task, !quiet && System.console() != null);
    }


    /**
     * The study's summaries: computed here by {@code inProcess}, or, with {@code --campaign}, from
     * the campaign file after the runs it lacked (of the shard, if one is given) are computed and
     * stored. Empty when a shard ran only its share; what it did is then said on standard error.
     */
    Optional<List<Replicated>> study(CommandLine commandLine, String task, Study.Kind kind, ScenarioChanges changes,
                                     int replications, List<Experiments.Configuration> configurations, Algorithms algorithms,
                                     Function<Experiments, List<Replicated>> inProcess) {
        CampaignOptions options = campaignOptions();
        try (ProgressBars progress = progress(task)) {
            Experiments experiments = experiments(algorithms, progress);
            if (!options.enabled()) return Optional.of(inProcess.apply(experiments));
            Study study = Study.of(kind, lbsimVersion(), described(changes), replications, configurations);
            Campaigns.Outcome outcome;
            try {
                outcome = Campaigns.run(options.file(), study, configurations, options.shard(), experiments, progress);
            } catch (CampaignException e) {
                throw new UserInputException(e.getMessage());
            }
            progress.close();
            if (!quiet) commandLine.getErr().println(summary(options, outcome));
            return outcome.results();
        }
    }

    /** One line on what a campaign command did, so that a log of a job array tells which shard did what. */
    private static String summary(CampaignOptions options, Campaigns.Outcome outcome) {
        String shard = options.shard().isWhole() ? "" : " (shard " + options.shard() + ")";
        String line = String.format("campaign %s%s: %s computed, %s stored already; the file holds %d of the study's %d runs",
                options.file(), shard, Words.count(outcome.computed(), "run"), Words.count(outcome.skipped(), "run"),
                outcome.storedRuns(), outcome.studyRuns());
        if (outcome.results().isEmpty()) {
            line += ". When every shard has run: lbsim campaign merge ALL.db SHARD.db..., then lbsim campaign report ALL.db";
        }
        return line;
    }

    /** The options that changed the scenario, as given, for a campaign to record and compare. */
    static List<String> described(ScenarioChanges changes) {
        List<String> options = new ArrayList<>();
        if (changes.algorithm != null) options.add("--algorithm " + changes.algorithm);
        if (changes.seed != null) options.add("--seed " + changes.seed);
        if (changes.speedup != null) options.add("--speedup " + changes.speedup);
        if (changes.strict) options.add("--strict");
        changes.overrides.forEach(override -> options.add("--set " + override));
        return options;
    }

    /** The version a campaign records: the jar's, or "development" when run from classes. */
    static String lbsimVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
