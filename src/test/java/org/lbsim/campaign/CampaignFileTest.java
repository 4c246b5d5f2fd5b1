package org.lbsim.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Experiments.Replication;
import org.lbsim.experiment.Experiments.RunKey;
import org.lbsim.experiment.Progress;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.CsvReport;
import org.lbsim.report.ExperimentTable;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;

class CampaignFileTest {

    private static final List<String> ALGORITHMS = List.of("round-robin", "least-connections");

    @TempDir
    Path folder;

    private static Scenario shortRun(Path file, String... overrides) {
        List<String> all = new ArrayList<>(List.of("duration=2min", "warmup=20s"));
        all.addAll(List.of(overrides));
        return ScenarioFiles.load(file, all.toArray(String[]::new));
    }

    private static Experiments experiments(Progress progress) {
        return new Experiments(Algorithms.standard(), 2, progress);
    }

    private static Study study(Scenario scenario, String version, int replications) {
        return Study.of(Study.Kind.COMPARE, version, List.of("--set duration=2min"), replications,
                Experiments.comparing(scenario, ALGORITHMS));
    }

    @Test
    void aStoredRunReadsBackToTheSameReportToTheLastDigit() {
        // Scenarios with an outage, a request mix and sessions, security groups and ACLs, a replayed trace.
        for (String name : List.of("two-instances", "closed-loop-lab", "network-acls", "replay-access-log")) {
            Path file = ScenarioFiles.DIRECTORY.resolve(name + ".yaml");
            Scenario scenario = switch (name) {
                case "replay-access-log" -> ScenarioFiles.load(file, "duration=10min"); // the first 1,281 lines of its log
                case "two-instances" -> ScenarioFiles.load(file); // its outage is at 5 minutes
                case "network-acls" -> ScenarioFiles.load(file, "duration=8min"); // its events come at 4 and 7 minutes
                default -> shortRun(file);
            };
            List<Experiments.Configuration> configurations = Experiments.replicating(scenario);
            Study study = Study.of(Study.Kind.RUN, "test", List.of(), 2, configurations);
            Map<RunKey, Replication> computed = new LinkedHashMap<>();
            Path db = folder.resolve(name + ".db");
            try (CampaignFile campaign = CampaignFile.openOrCreate(db, study)) {
                experiments(Progress.NONE).run(configurations, study.keys(), (key, run) -> {
                    synchronized (computed) {
                        computed.put(key, run);
                    }
                    campaign.store(key, run);
                });
            }
            try (CampaignFile campaign = CampaignFile.open(db)) {
                Map<RunKey, Replication> read = campaign.runs();
                assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(computed.keySet());
                for (RunKey key : computed.keySet()) {
                    assertThat(JsonReport.toJson(read.get(key).result())).as(name).isEqualTo(JsonReport.toJson(computed.get(key).result()));
                    assertThat(read.get(key).result().latency().distribution()).isEqualTo(computed.get(key).result().latency().distribution());
                    assertThat(read.get(key).latency().means()).isEqualTo(computed.get(key).latency().means());
                }
                Replicated fromFile = Campaigns.results(campaign).get(0);
                Replicated inMemory = Experiments.summarize(configurations.get(0).facts(),
                        List.of(computed.get(new RunKey(0, 0)), computed.get(new RunKey(0, 1))), List.of());
                assertThat(ExperimentTable.replicated(fromFile)).isEqualTo(ExperimentTable.replicated(inMemory));
                assertThat(JsonReport.toJson(fromFile)).isEqualTo(JsonReport.toJson(inMemory));
                assertThat(CsvReport.render(List.of(fromFile))).isEqualTo(CsvReport.render(List.of(inMemory)));
            }
        }
    }

    @Test
    void aResumedCampaignRunsOnlyWhatIsMissingAndEndsAsAFreshOne() throws Exception {
        Scenario scenario = shortRun(ScenarioFiles.TWO_INSTANCES);
        List<Experiments.Configuration> configurations = Experiments.comparing(scenario, ALGORITHMS);
        Study study = study(scenario, "test", 3);
        Path file = folder.resolve("resumed.db");
        // An interrupted attempt: three of the six runs stored.
        try (CampaignFile campaign = CampaignFile.openOrCreate(file, study)) {
            experiments(Progress.NONE).run(configurations, List.of(new RunKey(0, 0), new RunKey(1, 2), new RunKey(0, 2)),
                    campaign::store);
        }
        CountingProgress progress = new CountingProgress();
        Campaigns.Outcome resumed = Campaigns.run(file, study, configurations, Shard.ALL, experiments(progress), progress);
        assertThat(resumed.computed()).isEqualTo(3);
        assertThat(resumed.skipped()).isEqualTo(3);
        assertThat(progress.planned.get()).isEqualTo(3);
        assertThat(progress.ended.get()).isEqualTo(3);
        assertThat(progress.skipped.get()).isEqualTo(3);

        List<Replicated> fresh = experiments(Progress.NONE).compare(scenario, ALGORITHMS, 3);
        assertThat(withoutTimings(JsonReport.toJson(resumed.results().orElseThrow()))).isEqualTo(withoutTimings(JsonReport.toJson(fresh)));
        assertThat(ExperimentTable.comparison(resumed.results().orElseThrow())).isEqualTo(ExperimentTable.comparison(fresh));

        CountingProgress again = new CountingProgress();
        Campaigns.Outcome rerun = Campaigns.run(file, study, configurations, Shard.ALL, experiments(again), again);
        assertThat(rerun.computed()).isZero();
        assertThat(again.ended.get()).isZero();
        assertThat(rows(file)).isEqualTo(6);
    }

    @Test
    void shardsShareTheRunsWithoutOverlapAndAShardRunsOnlyItsOwn() {
        Scenario scenario = shortRun(ScenarioFiles.TWO_INSTANCES);
        List<Experiments.Configuration> configurations = Experiments.comparing(scenario, ALGORITHMS);
        Study study = study(scenario, "test", 3);
        long total = 0;
        for (int k = 1; k <= 4; k++) {
            Campaigns.Outcome outcome = Campaigns.run(folder.resolve("shard-" + k + ".db"), study, configurations,
                    new Shard(k, 4), experiments(Progress.NONE), Progress.NONE);
            assertThat(outcome.results()).isEmpty();
            assertThat(outcome.computed()).isBetween(1L, 2L);
            total += outcome.computed();
        }
        assertThat(total).isEqualTo(study.runs());
        for (long index = 0; index < 100; index++) {
            long owners = 0;
            for (int k = 1; k <= 7; k++) owners += new Shard(k, 7).includes(index) ? 1 : 0;
            assertThat(owners).isEqualTo(1);
        }
        CampaignMerge.Outcome merged = CampaignMerge.merge(folder.resolve("all.db"),
                List.of(folder.resolve("shard-1.db"), folder.resolve("shard-2.db"), folder.resolve("shard-3.db"),
                        folder.resolve("shard-4.db"), folder.resolve("shard-2.db")));
        assertThat(merged.added()).isEqualTo(6);
        assertThat(merged.duplicates()).as("shard 2 given twice").isEqualTo(2);
        assertThat(merged.stored()).isEqualTo(6);
    }

    @Test
    void aShardIsKOfNWithKFromOneToN() {
        assertThat(Shard.parse("3/8")).isEqualTo(new Shard(3, 8));
        for (String bad : List.of("0/4", "5/4", "4", "a/b", "-1/4", "1/0", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(CampaignException.class)
                    .hasMessageContaining("found '" + bad + "', expected K/N with 1 ≤ K ≤ N");
        }
    }

    @Test
    void anotherStudyIsRefusedNamingWhatDiffers() {
        Scenario scenario = shortRun(ScenarioFiles.TWO_INSTANCES);
        Path file = folder.resolve("study.db");
        CampaignFile.openOrCreate(file, study(scenario, "1.0", 3)).close();
        assertThatThrownBy(() -> CampaignFile.openOrCreate(file, study(scenario, "1.0", 5)))
                .isInstanceOf(CampaignException.class).hasMessageContaining("the replications differ (5 in this command, 3 in " + file + ")");
        assertThatThrownBy(() -> CampaignFile.openOrCreate(file, study(scenario, "1.1", 3)))
                .hasMessageContaining("the lbsim versions differ ('1.1' in this command, '1.0' in " + file + ")");
        Study otherOverrides = Study.of(Study.Kind.COMPARE, "1.0", List.of("--set duration=3min"), 3,
                Experiments.comparing(shortRun(ScenarioFiles.TWO_INSTANCES, "duration=3min"), ALGORITHMS));
        assertThatThrownBy(() -> CampaignFile.openOrCreate(file, otherOverrides))
                .hasMessageContaining("the overrides differ ('--set duration=3min' in this command, '--set duration=2min' in");
        // The same command line on an edited scenario: the digest tells.
        Study edited = Study.of(Study.Kind.COMPARE, "1.0", List.of("--set duration=2min"), 3,
                Experiments.comparing(shortRun(ScenarioFiles.TWO_INSTANCES, "seed=7"), ALGORITHMS));
        assertThatThrownBy(() -> CampaignFile.openOrCreate(file, edited))
                .hasMessageContaining("the scenario's content differs under the same name and options");
        try (CampaignFile same = CampaignFile.openOrCreate(file, study(scenario, "1.0", 3))) {
            assertThat(same.storedKeys()).isEmpty();
        }
    }

    @Test
    void mergingDifferentStudiesOrDisagreeingRunsIsRefused() throws Exception {
        Scenario scenario = shortRun(ScenarioFiles.TWO_INSTANCES);
        List<Experiments.Configuration> configurations = Experiments.comparing(scenario, ALGORITHMS);
        Path a = folder.resolve("a.db");
        Path b = folder.resolve("b.db");
        Campaigns.run(a, study(scenario, "1.0", 2), configurations, Shard.ALL, experiments(Progress.NONE), Progress.NONE);
        Campaigns.run(b, study(scenario, "2.0", 2), configurations, Shard.ALL, experiments(Progress.NONE), Progress.NONE);
        assertThatThrownBy(() -> CampaignMerge.merge(folder.resolve("out.db"), List.of(a, b)))
                .isInstanceOf(CampaignException.class)
                .hasMessageContaining("cannot merge " + a + " and " + b)
                .hasMessageContaining("the lbsim versions differ ('1.0' in " + a + ", '2.0' in " + b + ")");
        assertThat(folder.resolve("out.db")).doesNotExist();

        Path c = folder.resolve("c.db");
        Files.copy(a, c);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + c);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE runs SET result = replace(result, '\"offered\":', '\"offered\":1') "
                    + "WHERE configuration = 1 AND replication = 0");
        }
        assertThatThrownBy(() -> CampaignMerge.merge(folder.resolve("out2.db"), List.of(a, c)))
                .hasMessageContaining("replication 1 of configuration 2 (least-connections) differs between " + a + " and " + c);
        assertThat(folder.resolve("out2.db")).as("a refused merge writes nothing").doesNotExist();
        Path earlier = folder.resolve("earlier.db");
        Files.copy(a, earlier);
        byte[] before = Files.readAllBytes(earlier);
        assertThatThrownBy(() -> CampaignMerge.merge(earlier, List.of(c)))
                .hasMessageContaining("differs between " + earlier + " and " + c);
        assertThat(Files.readAllBytes(earlier)).as("an existing output is left as it was").isEqualTo(before);
        assertThatThrownBy(() -> CampaignMerge.merge(a, List.of(a))).hasMessageContaining("is the output file too");
        Path text = Files.writeString(folder.resolve("notes.db"), "not a database, some notes\n".repeat(200));
        assertThatThrownBy(() -> CampaignFile.open(text)).hasMessageContaining(text + " is not an lbsim campaign file");
    }

    @Test
    void aCampaignMissingRunsSaysWhichRatherThanReportingPartOfTheStudy() {
        Scenario scenario = shortRun(ScenarioFiles.TWO_INSTANCES);
        Path file = folder.resolve("part.db");
        Campaigns.run(file, study(scenario, "1.0", 2), Experiments.comparing(scenario, ALGORITHMS), new Shard(2, 2),
                experiments(Progress.NONE), Progress.NONE);
        try (CampaignFile campaign = CampaignFile.open(file)) {
            assertThatThrownBy(() -> Campaigns.results(campaign)).isInstanceOf(CampaignException.class)
                    .hasMessageContaining(file + " holds 2 of the study's 4 runs: 2 are missing, the first replication 1 "
                            + "of configuration 1 (round-robin)");
        }
    }

    private static int rows(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM runs")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String withoutTimings(String json) throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json);
        root.get("results").forEach(result -> result.get("runs").forEach(run ->
                ((ObjectNode) run.get("engine")).remove(List.of("wallSeconds", "eventsPerSecond"))));
        return root.toString();
    }

    private static final class CountingProgress implements Progress {
        final AtomicLong planned = new AtomicLong();
        final AtomicLong ended = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();

        @Override
        public void planned(long runs) {
            planned.set(runs);
        }

        @Override
        public void runEnded() {
            ended.incrementAndGet();
        }

        @Override
        public void skipped(long runs) {
            skipped.addAndGet(runs);
        }
    }
}
