package org.lbsim.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Experiments.Replication;
import org.lbsim.experiment.Experiments.RunKey;
import org.lbsim.experiment.Progress;
import org.lbsim.metrics.Replicated;

/**
 * Runs a study as a campaign: only the runs of its shard that the file does not hold yet, each
 * stored as it ends; and summarizes a whole campaign's stored runs exactly as the command that
 * ran them in one process does.
 */
public final class Campaigns {

    private Campaigns() {
    }

    /**
     * What a campaign command did.
     *
     * @param computed runs run now and stored
     * @param skipped  runs of the shard already stored, so not run again
     * @param shardRuns runs in the shard in all
     * @param results  the study's summaries, when the command ran the whole study (no shard)
     */
    public record Outcome(long computed, long skipped, long shardRuns, long storedRuns, long studyRuns,
                          Optional<List<Replicated>> results) {
    }

    /**
     * The runs of {@code shard} not yet in {@code file}, stored as each ends; then, for the whole
     * study, every configuration's summary built from the stored runs.
     */
    public static Outcome run(Path file, Study study, List<Experiments.Configuration> configurations, Shard shard,
                              Experiments experiments, Progress progress) {
        try (CampaignFile campaign = CampaignFile.openOrCreate(file, study)) {
            Set<RunKey> stored = campaign.storedKeys();
            List<RunKey> todo = new ArrayList<>();
            long skipped = 0;
            for (RunKey key : study.keys()) {
                if (!shard.includes(study.index(key))) continue;
                if (stored.contains(key)) {
                    skipped++;
                } else {
                    todo.add(key);
                }
            }
            progress.skipped(skipped);
            experiments.run(configurations, todo, campaign::store);
            Optional<List<Replicated>> results = shard.isWhole() ? Optional.of(results(campaign)) : Optional.empty();
            return new Outcome(todo.size(), skipped, todo.size() + skipped, stored.size() + todo.size(), study.runs(), results);
        }
    }

    /** Every configuration's summary from a campaign that holds all of its study's runs. */
    public static List<Replicated> results(CampaignFile campaign) {
        Study study = campaign.study();
        Map<RunKey, Replication> runs = campaign.runs();
        List<RunKey> missing = study.keys().stream().filter(key -> !runs.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            RunKey first = missing.get(0);
            throw new CampaignException(String.format("%s holds %d of the study's %d runs: %d are missing, the first "
                    + "replication %d of configuration %d (%s). Run the shards that lack them, or merge their files into it",
                    campaign.path(), runs.size(), study.runs(), missing.size(), first.replication() + 1,
                    first.configuration() + 1, Study.describe(study.configurations().get(first.configuration()))));
        }
        List<Replicated> results = new ArrayList<>();
        for (int c = 0; c < study.configurations().size(); c++) {
            List<Replication> replications = new ArrayList<>();
            for (int i = 0; i < study.replications(); i++) replications.add(runs.get(new RunKey(c, i)));
            results.add(Experiments.summarize(study.configurations().get(c).facts(), replications, List.of()));
        }
        return study.kind() == Study.Kind.COMPARE ? Experiments.compared(results) : results;
    }
}
