package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;

/**
 * What the window saves: a lesson that {@code lbsim run} replays to the numbers the class saw,
 * and a configuration that loads back to the cluster as it stood.
 */
class SavedScenariosTest {

    private static final List<RuleSpec> WEB_OPEN_TO_ALL =
            List.of(new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.ANY_IPV4)));

    private final Scenario scenario = ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES);

    @TempDir
    Path dir;

    /** A session's clicks: every kind of action, at times the clock happened to read. */
    static void teach(LiveRun live) {
        at(live, 12.3456789, c -> c.fail("web-1"));
        at(live, 47.25, c -> c.recover("web-1"));
        at(live, 65.1, c -> c.slow("web-2", 0.5));
        at(live, 100.000001, c -> c.recover("web-2"));
        at(live, 130.7, c -> c.addServer("web-3", "web-1"));
        at(live, 150.3, c -> c.setSecurityRules("web-sg", WEB_OPEN_TO_ALL));
        at(live, 200.123, c -> c.setAlgorithm("round-robin"));
        at(live, 200.123, c -> c.setRate("users", 220.5)); // two clicks at the same time, in order
        at(live, 280, c -> c.setWeight("web-3", 3));
        at(live, 300, c -> c.cutOff("web-3")); // the same time as web-2's scheduled failure
        at(live, 345.75, c -> c.recover("web-3"));
        at(live, 400.2, c -> c.blackHole("web-1"));
        at(live, 420.4, c -> c.recover("web-1"));
        at(live, 450.5, c -> c.removeServer("web-3"));
        at(live, 451, c -> c.fail("no-such-server")); // refused: changes nothing, is not a lesson's step
    }

    private static void at(LiveRun live, double time, java.util.function.Consumer<ClusterControl> action) {
        live.advanceTo(time);
        live.control(action);
    }

    @Test
    void aSavedLesson_replaysHeadless_toTheNumbersTheClassSaw() throws Exception {
        LiveRun live = new LiveRun(scenario, Algorithms.standard());
        teach(live);
        live.advanceTo(scenario.duration());
        RunResult seen = live.cluster().results(new EngineStats(0, 0, 0));
        List<EventSpec> clicked = live.journal().events();
        assertThat(clicked).hasSize(14).first().isEqualTo(new EventSpec.Fail(12.3456789, "web-1"));

        Path file = dir.resolve("lesson.yaml");
        SavedScenarios.writeLesson(file, scenario, clicked);
        Scenario lesson = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        assertThat(lesson.events()).as("the clicks, each at the exact double the clock read").containsExactlyElementsOf(
                SavedScenarios.lesson(scenario, clicked).events());
        RunResult replayed = new Runner(Algorithms.standard()).run(lesson);

        assertThat(seen.failures()).as("the lesson did something").hasSizeGreaterThan(3);
        assertThat(json(replayed)).isEqualTo(json(seen));
        assertThat(Files.readString(file)).as("saved outside the project: no schema line")
                .startsWith("# A lesson saved from the classroom window");
    }

    /**
     * Clicks at the very time of something the run scheduled after it started (here the
     * autoscaler's evaluations, every 30 s; stepping a paused window lands on such times): live,
     * the click comes after it, and so does the replayed event.
     */
    @Test
    void clicksAtTheTimeOfAnAutoscalingEvaluation_replayInTheSameOrder() throws Exception {
        Scenario autoscaling = ScenarioFiles.load(ScenarioFiles.DIRECTORY.resolve("autoscaling.yaml"));
        LiveRun live = new LiveRun(autoscaling, Algorithms.standard());
        at(live, 600, c -> c.fail("web-as-1"));
        at(live, 660, c -> c.setRate("users", 320));
        at(live, 690, c -> c.recover("web-as-1"));
        at(live, 720, c -> c.removeServer("web"));
        live.advanceTo(autoscaling.duration());
        RunResult seen = live.cluster().results(new EngineStats(0, 0, 0));
        assertThat(live.journal().events()).hasSize(4);

        Path file = dir.resolve("lesson-autoscaling.yaml");
        SavedScenarios.writeLesson(file, autoscaling, live.journal().events());
        RunResult replayed = new Runner(Algorithms.standard())
                .run(AlgorithmRules.loader(Algorithms.standard()).load(file, List.of()));
        assertThat(json(replayed)).isEqualTo(json(seen));
    }

    @Test
    void aLesson_keepsTheScenariosOwnEvents_firstAtTheSameTime() {
        Scenario scripted = SavedScenarios.lesson(scenario, List.of(new EventSpec.Fail(30, "web-1")));
        Scenario both = SavedScenarios.lesson(scripted, List.of(new EventSpec.Recover(30, "web-1"),
                new EventSpec.SetRate(10, "users", 50)));
        assertThat(both.events()).containsExactly(new EventSpec.SetRate(10, "users", 50),
                new EventSpec.Fail(30, "web-1"), new EventSpec.Recover(30, "web-1"));
    }

    @Test
    void aReset_startsANewLesson() {
        LiveRun live = new LiveRun(scenario, Algorithms.standard());
        at(live, 5, c -> c.fail("web-1"));
        live.advanceTo(6);
        assertThat(live.journal().events()).hasSize(1);
        live.reset();
        live.advanceTo(1);
        assertThat(live.journal().events()).isEmpty();
    }

    @Test
    void aSavedConfiguration_loadsBackToTheClusterAsItStands() throws Exception {
        LiveRun live = new LiveRun(scenario, Algorithms.standard());
        at(live, 20, c -> c.addServer("web-3", "web-1"));
        at(live, 21, c -> c.addServer("web-4", "web-3"));
        at(live, 22, c -> c.removeServer("web-2"));
        at(live, 23, c -> c.setWeight("web-3", 5));
        at(live, 24, c -> c.setAlgorithm("weighted-round-robin"));
        at(live, 25, c -> c.setRate("users", 90));
        at(live, 26, c -> c.setSecurityRules("web-sg", WEB_OPEN_TO_ALL));
        at(live, 27, c -> c.fail("web-1")); // a state, not configuration
        live.advanceTo(400); // web-2 drains and terminates; its scheduled failure is long over
        ClusterSnapshot now = live.latest();

        Path file = dir.resolve("now.yaml");
        SavedScenarios.writeConfiguration(file, scenario, live.journal().events(), now.time());
        Scenario saved = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Cluster loaded = new Cluster(saved, Algorithms.standard(), new Simulation());
        ClusterSnapshot start = loaded.snapshot();

        assertThat(saved.events()).isEmpty();
        assertThat(workers(start)).isEqualTo(Map.of("web-1", 2, "web-3", 2, "web-4", 2))
                .isEqualTo(Map.copyOf(workers(now).entrySet().stream().filter(e -> !e.getKey().equals("web-2"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertThat(start.algorithm()).isEqualTo(now.algorithm()).isEqualTo("weighted-round-robin");
        for (String client : live.cluster().clientNames()) {
            assertThat(loaded.rate(client)).as(client).isEqualTo(live.cluster().rate(client));
        }
        Map<String, ServerSpec> servers = saved.servers().stream().collect(Collectors.toMap(ServerSpec::name, Function.identity()));
        assertThat(servers.get("web-3").weight()).isEqualTo(5);
        assertThat(servers.get("web-4").weight()).as("copied from web-3's launch, as the cluster does").isEqualTo(1);
        assertThat(servers.get("web-3").failures()).isEmpty();
        assertThat(saved.securityGroup("web-sg").orElseThrow().inbound()).isEqualTo(WEB_OPEN_TO_ALL);
        assertThat(saved.securityGroup("lb-sg")).isEqualTo(scenario.securityGroup("lb-sg"));
        assertThat(Files.readString(file)).contains("the original's events are dropped");
    }

    @Test
    void aRemovedServerTheScenarioStillNames_staysWithARemovalAtTimeZero() throws Exception {
        LiveRun live = new LiveRun(scenario, Algorithms.standard());
        at(live, 20, c -> c.removeServer("web-1")); // direct-attempts aims at web-1
        live.advanceTo(30);
        Path file = dir.resolve("without-web-1.yaml");
        SavedScenarios.writeConfiguration(file, scenario, live.journal().events(), 30);
        Scenario saved = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        assertThat(saved.server("web-1")).isPresent();
        assertThat(saved.events()).containsExactly(new EventSpec.RemoveServer(0, "web-1"));
    }

    @Test
    void insideTheProject_theFileNamesTheSchemaRelativeToItself() throws Exception {
        assertThat(SavedScenarios.schemaReference(ScenarioFiles.DIRECTORY)).isEqualTo("../docs/scenario.schema.json");
        assertThat(SavedScenarios.schemaReference(Path.of(""))).isEqualTo("docs/scenario.schema.json");
        assertThat(SavedScenarios.schemaReference(dir)).isNull();
    }

    private static Map<String, Integer> workers(ClusterSnapshot snapshot) {
        return snapshot.servers().stream().collect(Collectors.toMap(ClusterSnapshot.ServerState::name,
                ClusterSnapshot.ServerState::workers));
    }

    private static String json(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        return tree.toString();
    }
}
