package org.lbsim.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.experiment.Experiments.RunKey;

/**
 * Joins the campaign files of one study (the shards of a job array, say) into one. Files of
 * different studies are refused, naming what differs. A run found in several files is kept once
 * when they agree on it to the last digit (machine timings aside), and refused when they do not.
 */
public final class CampaignMerge {

    private CampaignMerge() {
    }

    /**
     * @param added      runs copied into the output
     * @param duplicates runs the output already had, or that several inputs held, identical
     * @param stored     runs the output holds now
     * @param studyRuns  runs of the whole study
     */
    public record Outcome(long added, long duplicates, long stored, long studyRuns) {
    }

    /** Merges {@code inputs} into {@code output}, which is made when it does not exist. */
    public static Outcome merge(Path output, List<Path> inputs) {
        if (inputs.isEmpty()) throw new CampaignException("nothing to merge: name one or more campaign files after the output");
        for (Path input : inputs) {
            if (Files.exists(output) && Files.exists(input) && sameFile(output, input)) {
                throw new CampaignException(input + " is the output file too: name the output first, then the other files");
            }
        }
        List<CampaignFile> opened = new ArrayList<>();
        try {
            for (Path input : inputs) opened.add(CampaignFile.open(input));
            Study study = opened.get(0).study();
            for (CampaignFile other : opened.subList(1, opened.size())) {
                List<String> differences = study.differences(other.study(), inputs.get(0).toString(), other.path().toString());
                if (!differences.isEmpty()) {
                    throw new CampaignException("cannot merge " + inputs.get(0) + " and " + other.path()
                            + ": they are not one study: " + String.join("; ", differences));
                }
            }
            // Everything is checked before anything is written: a refused merge leaves the output as it was.
            CampaignFile existing = Files.exists(output) ? CampaignFile.open(output) : null;
            if (existing != null) {
                opened.add(existing);
                List<String> differences = study.differences(existing.study(), inputs.get(0).toString(), output.toString());
                if (!differences.isEmpty()) {
                    throw new CampaignException("cannot merge into " + output + ": it holds another study: "
                            + String.join("; ", differences));
                }
            }
            Map<RunKey, CampaignFile.StoredRun> present = new HashMap<>(existing == null ? Map.of() : existing.storedRuns());
            Map<RunKey, Path> source = new HashMap<>();
            present.keySet().forEach(key -> source.put(key, output));
            List<FreshRun> fresh = new ArrayList<>();
            long duplicates = 0;
            for (CampaignFile input : opened.subList(0, inputs.size())) {
                for (Map.Entry<RunKey, CampaignFile.StoredRun> run : input.storedRuns().entrySet()) {
                    CampaignFile.StoredRun already = present.get(run.getKey());
                    if (already == null) {
                        present.put(run.getKey(), run.getValue());
                        source.put(run.getKey(), input.path());
                        fresh.add(new FreshRun(run.getKey(), run.getValue(), input.path()));
                    } else if (already.withoutTimings().equals(run.getValue().withoutTimings())) {
                        duplicates++;
                    } else {
                        RunKey key = run.getKey();
                        throw new CampaignException(String.format("replication %d of configuration %d (%s) differs between "
                                + "%s and %s: one of them was not computed by this study's lbsim", key.replication() + 1,
                                key.configuration() + 1, Study.describe(study.configurations().get(key.configuration())),
                                source.get(key), input.path()));
                    }
                }
            }
            CampaignFile target = existing != null ? existing : CampaignFile.create(output, study);
            if (existing == null) opened.add(target);
            target.inTransaction(() -> fresh.forEach(run ->
                    target.store(run.key(), run.stored(), run.stored().replication(run.from()).result())));
            long added = fresh.size();
            return new Outcome(added, duplicates, present.size(), study.runs());
        } finally {
            opened.forEach(CampaignFile::close);
        }
    }

    /** A run the output lacks, and the file it comes from. */
    private record FreshRun(RunKey key, CampaignFile.StoredRun stored, Path from) {
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
