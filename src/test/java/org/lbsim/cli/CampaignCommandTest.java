package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign options and commands as a user meets them: what they print, and how they refuse bad input. */
class CampaignCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int lbsim(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String[] compare(String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "scenarios/two-instances.yaml", "--algorithms",
                "round-robin,random", "--set", "duration=2min", "--set", "warmup=20s"));
        args.addAll(List.of(more));
        if (!args.contains("--replications")) args.addAll(List.of("--replications", "2"));
        return args.toArray(String[]::new);
    }

    @Test
    void badShardsAndMisplacedOptionsAreRefusedBeforeAnyRun() {
        String db = folder.resolve("c.db").toString();
        for (String shard : List.of("0/4", "5/4", "two/four", "3")) {
            assertThat(lbsim(compare("--campaign", db, "--shard", shard))).isEqualTo(2);
            assertThat(err.toString()).startsWith("lbsim: --shard: found '" + shard + "', expected K/N with 1 ≤ K ≤ N");
        }
        assertThat(lbsim(compare("--shard", "1/4"))).isEqualTo(2);
        assertThat(err.toString()).contains("--shard needs --campaign FILE.db");
        assertThat(lbsim(compare("--campaign", db, "--shard", "1/4", "--json", "-"))).isEqualTo(2);
        assertThat(err.toString()).contains("runs part of the study, so it has no results to write");
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--campaign", db)).isEqualTo(2);
        assertThat(err.toString()).contains("--campaign stores a fixed number of replications");
        assertThat(lbsim(compare("--campaign", folder.resolve("missing/c.db").toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("--campaign: cannot write", "does not exist");
        assertThat(Files.exists(Path.of(db))).isFalse();
    }

    @Test
    void aCampaignPrintsTheCommandsOutputAndItsReportThenRefusesAnotherStudy() throws Exception {
        String db = folder.resolve("c.db").toString();
        assertThat(lbsim(compare())).isZero();
        String plain = out.toString();
        assertThat(lbsim(compare("--campaign", db))).isZero();
        assertThat(out.toString()).isEqualTo(plain);
        assertThat(err.toString()).contains("campaign " + db + ": 4 runs computed, 0 runs stored already; the file holds 4 of "
                + "the study's 4 runs");
        assertThat(lbsim(compare("--campaign", db))).isZero();
        assertThat(out.toString()).isEqualTo(plain);
        assertThat(err.toString()).contains("0 runs computed, 4 runs stored already");
        assertThat(lbsim("campaign", "report", db)).isZero();
        assertThat(out.toString()).isEqualTo(plain);

        assertThat(lbsim(compare("--campaign", db, "--replications", "3"))).isEqualTo(2);
        assertThat(err.toString()).contains(db + " holds another study", "the replications differ (3 in this command, 2 in "
                + db + ")");
        assertThat(lbsim(compare("--campaign", db, "--set", "clients.users.arrivals.rate=120/s"))).isEqualTo(2);
        assertThat(err.toString()).contains("the overrides differ");

        Path notes = Files.writeString(folder.resolve("notes.txt"), "these are notes\n".repeat(100));
        assertThat(lbsim("campaign", "report", notes.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(notes + " is not an lbsim campaign file");
        assertThat(lbsim("campaign", "report", folder.resolve("none.db").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such campaign file");
        assertThat(lbsim("campaign")).isEqualTo(2);
        assertThat(err.toString()).contains("merge", "report");
    }
}
