package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.lbsim.support.ScenarioFiles;

/**
 * The live run behind the UI is the same model as a headless run: actions sent through its
 * control API at given times give exactly the numbers of the same actions scripted as events.
 */
class LiveRunTest {

    private final Scenario scenario = ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES);

    @Test
    void liveActionsGiveTheSameNumbersAsScriptedEvents() {
        LiveRun live = new LiveRun(scenario, Algorithms.standard());
        live.advanceTo(120);
        live.control(c -> c.fail("web-1"));
        live.advanceTo(180);
        live.control(c -> c.recover("web-1"));
        live.advanceTo(240);
        live.control(c -> c.setAlgorithm("round-robin"));
        live.advanceTo(400);
        live.control(c -> c.setRate("users", 100));
        live.advanceTo(scenario.duration());
        RunResult liveResult = live.cluster().results(new EngineStats(0, 0, 0));

        List<EventSpec> events = new ArrayList<>(scenario.events());
        events.add(new EventSpec.Fail(120, "web-1"));
        events.add(new EventSpec.Recover(180, "web-1"));
        events.add(new EventSpec.SetAlgorithm(240, "round-robin"));
        events.add(new EventSpec.SetRate(400, "users", 100));
        Scenario scripted = new Scenario(scenario.name(), scenario.seed(), scenario.duration(), scenario.warmup(),
                scenario.maxRequestsInSystem(), scenario.clients(), scenario.securityGroups(), scenario.networkAcls(),
                scenario.balancer(),
                scenario.servers(), events);
        RunResult scriptedResult = new Runner(Algorithms.standard()).run(scripted);

        assertThat(liveResult.failures()).hasSize(2);
        assertThat(json(liveResult)).isEqualTo(json(scriptedResult));
    }

    @Test
    void theSimulationThreadPlaysPausesAndPublishesSnapshots() throws InterruptedException {
        try (LiveRun live = new LiveRun(scenario, Algorithms.standard())) {
            live.start();
            assertThat(live.latest().time()).isZero();
            live.setSpeed(100); // 600 simulated seconds would pass in a blink as fast as possible
            live.play();
            waitUntil(() -> live.latest().time() > 30);
            live.pause();
            waitUntil(() -> !live.isPlaying());
            Thread.sleep(100);
            double paused = live.latest().time();
            Thread.sleep(200);
            assertThat(live.latest().time()).isEqualTo(paused);
            live.step();
            waitUntil(() -> live.latest().time() > paused);
            assertThat(live.latest().time()).isEqualTo(paused + LiveRun.STEP);
        }
    }

    @Test
    void asFastAsPossibleRunsToTheEndAndStops() throws InterruptedException {
        try (LiveRun live = new LiveRun(scenario, Algorithms.standard())) {
            live.start();
            live.setSpeed(LiveRun.AS_FAST_AS_POSSIBLE);
            live.play();
            waitUntil(() -> live.latest().time() == scenario.duration());
            waitUntil(() -> !live.isPlaying());
            assertThat(live.latest().totals().completed()).isPositive();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(10);
        }
    }

    private static String json(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        tree.remove("warnings");
        return tree.toString();
    }
}
