package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.support.ScenarioFiles;

/**
 * {@code scenarios/lesson-two-instances.yaml} is what File → Save lesson as… writes after a short
 * lesson on the reference system, made here through the same code path (the live run's control
 * API and {@link SavedScenarios}), so the shipped example stays what the window saves. Rewritten
 * with {@code -Dlbsim.updateGolden=true}, like the golden results.
 */
class ShippedLessonTest {

    static final Path LESSON = ScenarioFiles.DIRECTORY.resolve("lesson-two-instances.yaml");
    private static final boolean UPDATE = Boolean.getBoolean("lbsim.updateGolden");

    @Test
    void theShippedLessonIsWhatTheWindowSaves() throws Exception {
        // Saved one folder deeper than scenarios/, inside the project (so with the schema line),
        // where no test that lists the shipped scenarios looks.
        Path saved = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "lesson")
                .resolve(LESSON.getFileName());
        try {
            Scenario scenario = ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES);
            LiveRun live = new LiveRun(scenario, Algorithms.standard());
            teach(live);
            SavedScenarios.writeLesson(saved, scenario, live.journal().events());
            String text = Files.readString(saved).replace("$schema=../../docs/", "$schema=../docs/");
            if (UPDATE) Files.writeString(LESSON, text);
            assertThat(LESSON).as("rewrite with -Dlbsim.updateGolden=true").exists();
            assertThat(Files.readString(LESSON)).isEqualTo(text);
        } finally {
            Files.deleteIfExists(saved);
            Files.deleteIfExists(saved.getParent());
        }
    }

    /**
     * The lesson: play, fail web-1 and watch the balancer notice, bring it back, open the
     * instances' group to the internet by mistake and restore it, add an instance, then raise
     * the traffic. Times are where a playing window happened to be. (No algorithm switch: the
     * shipped scenarios' tests rerun each under another algorithm.)
     */
    private static void teach(LiveRun live) {
        List<RuleSpec> openToAll = List.of(new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.ANY_IPV4)));
        click(live, 95.41666666666667, "fail", () -> live.control(c -> c.fail("web-1")));
        click(live, 150.8, "recover", () -> live.control(c -> c.recover("web-1")));
        click(live, 200.25, "open", () -> live.control(c -> c.setSecurityRules("web-sg", openToAll)));
        click(live, 262.5, "restore", () -> live.control(c -> c.setSecurityRules("web-sg",
                live.scenario().securityGroup("web-sg").orElseThrow().inbound())));
        click(live, 330.1, "add", () -> live.control(c -> c.addServer("web-1-new-1", "web-1")));
        click(live, 420, "rate", () -> live.control(c -> c.setRate("users", 250)));
        live.advanceTo(live.scenario().duration());
    }

    private static void click(LiveRun live, double at, String what, Runnable action) {
        live.advanceTo(at);
        action.run();
    }
}
