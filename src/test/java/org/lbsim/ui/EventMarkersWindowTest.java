package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveRun;
import org.lbsim.metrics.Moment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's charts mark what a teacher does and what the balancer then decides, headless
 * under Monocle. The run stays paused and the test moves simulated time itself.
 *
 * <p>{@link Isolated}: TestFX launches the one JavaFX application a JVM may have, so this class
 * must not run beside another that does ({@code MainWindowTest}).
 */
@Isolated
@ExtendWith(ApplicationExtension.class)
class EventMarkersWindowTest {

    private MainWindow window;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path file = LbsimApp.DEFAULT_SCENARIO;
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(stage, messages, file, scenario);
        window.show();
    }

    @Test
    void aFailClickMarksEveryChartAndTheBalancersVerdictFollowsAfterTheDetectionDelay(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(2);
        assertThat(labels()).as("nothing has happened yet").allSatisfy(chart -> assertThat(chart).isEmpty());

        robot.clickOn("#fail-web-1");
        simulateTo(3);
        waitFor(() -> labels().stream().allMatch(chart -> chart.contains("web-1 failed")));
        assertThat(labels()).hasSize(3).allSatisfy(chart -> assertThat(chart).containsExactly("web-1 failed"));
        double failedAt = moment(run, Moment.Kind.FAILED).time();
        assertThat(failedAt).isBetween(2.0, 3.0);

        simulateUntil(snapshot -> !server(snapshot, "web-1").healthyAtBalancer(), 40);
        waitFor(() -> labels().stream().allMatch(chart -> chart.contains("web-1 down")));
        assertThat(labels()).allSatisfy(chart -> assertThat(chart).containsExactly("web-1 failed", "web-1 down"));
        // Checks every 10 s, two failures (each after a 5 s timeout) to mark it down.
        assertThat(moment(run, Moment.Kind.MARKED_DOWN).time() - failedAt).isBetween(15.0, 25.0);

        robot.clickOn("#reset");
        waitFor(() -> run.latest().time() == 0 && labels().stream().allMatch(List::isEmpty));
        simulateTo(5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels()).as("the reset run has no moments yet").allSatisfy(chart -> assertThat(chart).isEmpty());
    }

    private List<List<String>> labels() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> window.charts().markerLabels()).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Moment moment(LiveRun run, Moment.Kind kind) {
        return run.latest().moments().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    private static ClusterSnapshot.ServerState server(ClusterSnapshot snapshot, String name) {
        return snapshot.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private void simulateTo(double time) throws Exception {
        LiveRun run = window.run();
        run.submit(paused -> paused.advanceTo(time));
        waitFor(() -> run.latest().time() >= time);
    }

    private void simulateUntil(Predicate<ClusterSnapshot> condition, double limit) throws Exception {
        LiveRun run = window.run();
        while (!condition.test(run.latest())) {
            double now = run.latest().time();
            assertThat(now).as("simulated time at which the condition still did not hold").isLessThan(limit);
            simulateTo(now + LiveRun.STEP);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
