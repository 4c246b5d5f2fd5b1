package org.lbsim.cli;

import java.nio.file.Path;
import org.lbsim.campaign.CampaignException;
import org.lbsim.campaign.Shard;

/** {@code --campaign FILE.db} and {@code --shard K/N} as given: whether and how a study runs as a campaign. */
record CampaignOptions(Path file, String shardText) {

    boolean enabled() {
        return file != null;
    }

    Shard shard() {
        if (shardText == null) return Shard.ALL;
        try {
            return Shard.parse(shardText);
        } catch (CampaignException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Checks the two options against each other and the outputs, before any run. */
    void validate(OutputOptions outputs) {
        if (shardText != null && file == null) {
            throw new UserInputException("--shard needs --campaign FILE.db: each shard stores its runs in a file of its own");
        }
        if (file == null) return;
        OutputOptions.checkWritable("--campaign", file.toString());
        if (!shard().isWhole() && (outputs.json != null || outputs.csv != null || outputs.chart != null)) {
            throw new UserInputException("--shard " + shardText + " runs part of the study, so it has no results to write with "
                    + "--json, --csv or --chart: merge the shards' files with `lbsim campaign merge`, then `lbsim campaign "
                    + "report` writes them");
        }
    }
}
