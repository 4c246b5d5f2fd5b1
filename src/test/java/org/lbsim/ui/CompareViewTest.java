package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveComparison;
import org.lbsim.experiment.LiveComparison.Side;
import org.lbsim.experiment.LiveRun;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.FailureRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side-by-side view as {@code lbsim ui --compare round-robin,least-connections
 * scenarios/classroom-compare.yaml} opens it, driven headless under Monocle. The comparison stays
 * paused and the tests move simulated time themselves, as {@link MainWindowTest} does.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock(FxStage.LOCK)
class CompareViewTest {

    private static final Path SCENARIO = Path.of("scenarios", "classroom-compare.yaml");
    private MainWindow window;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(SCENARIO, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = LbsimApp.open(stage, messages, SCENARIO, scenario, List.of("round-robin", "least-connections"));
    }

    @Test
    void theCompareOptionOpensBothSidesEachWithItsAlgorithmAndBothRun(FxRobot robot) throws Exception {
        LiveComparison comparison = window.comparison().comparison();
        assertThat(algorithmMenu(robot, "left").getValue()).isEqualTo("round-robin");
        assertThat(algorithmMenu(robot, "right").getValue()).isEqualTo("least-connections");
        assertThat(robot.lookup("#topology-left").tryQuery()).isPresent();
        assertThat(robot.lookup("#topology-right").tryQuery()).isPresent();
        assertThat(robot.lookup("#theory").tryQuery()).as("the one run's theory, out of sight").isEmpty();
        assertThat(menuItem(robot, "save-lesson").isDisable())
                .as("a lesson is the one run's clicks: not saved from the comparison").isTrue();
        assertThat(menuItem(robot, "save-scenario").isDisable()).isTrue();

        robot.clickOn("#compare-play");
        waitFor(() -> comparison.latest().time() > 0.2);
        robot.clickOn("#compare-play");
        waitFor(() -> !comparison.isPlaying());
        var playing = comparison.latest();
        assertThat(playing.left().totals().sent()).isPositive().isEqualTo(playing.right().totals().sent());

        simulateUntil(snapshot -> window.comparison().charts().points() > 0, 120);
        // The charts belong to the JavaFX thread: read their legends there, once it has drawn a point of each side.
        waitFor(() -> legends().get(1).size() == 4);
        assertThat(legends().get(0)).containsExactly("round-robin", "least-connections");
        assertThat(legends().get(1)).containsExactly("round-robin · web-1", "round-robin · web-2",
                "least-connections · web-1", "least-connections · web-2");
        assertThat(legends().get(2)).containsExactly("round-robin", "least-connections");
    }

    @Test
    void theDifferenceLineNamesTheAlgorithmThatLostFewerRequestsWhenAnInstanceIsSlow(FxRobot robot) throws Exception {
        waitFor(() -> difference(robot).contains("warm-up ends, at 10 s"));
        simulateTo(120);
        waitFor(() -> difference(robot).startsWith("least-connections: "));
        var paired = window.comparison().comparison().latest().difference().orElseThrow();
        String fewer = String.format(Locale.ENGLISH, "%,d", paired.moreFailedRequestsOnFirst());
        assertThat(paired.moreFailedRequestsOnFirst()).isGreaterThan(100);
        assertThat(difference(robot)).contains("least-connections: " + fewer + " fewer errors")
                .contains(" fewer errors, mean latency ").contains("since the warm-up ended at 10 s");
    }

    @Test
    void aFailClickReachesBothSidesAtTheSameSimulatedTime(FxRobot robot) throws Exception {
        LiveComparison comparison = window.comparison().comparison();
        simulateTo(5);
        robot.clickOn("#fail-web-1");
        simulateTo(6);
        assertThat(server(comparison.latest().left(), "web-1").condition()).isEqualTo("crash");
        assertThat(server(comparison.latest().right(), "web-1").condition()).isEqualTo("crash");
        List<List<FailureRecord>> failures = onSimulationThread(pair -> List.of(
                pair.cluster(Side.LEFT).results(new EngineStats(0, 0, 0)).failures(),
                pair.cluster(Side.RIGHT).results(new EngineStats(0, 0, 0)).failures()));
        FailureRecord left = failures.get(0).stream().filter(f -> f.server().equals("web-1")).findFirst().orElseThrow();
        FailureRecord right = failures.get(1).stream().filter(f -> f.server().equals("web-1")).findFirst().orElseThrow();
        assertThat(left.at()).isEqualTo(right.at()).isEqualTo(5);
        assertThat(left.kind()).isEqualTo(right.kind());
    }

    @Test
    void theKeysActOnBothSidesWhileComparing(FxRobot robot) throws Exception {
        LiveComparison comparison = window.comparison().comparison();
        robot.type(KeyCode.S);
        waitFor(() -> comparison.latest().time() >= LiveRun.STEP);
        assertThat(window.run().latest().time()).as("the one run, paused behind the comparison").isZero();

        robot.type(KeyCode.DIGIT2);
        assertThat(window.comparison().selected()).contains("web-2");
        robot.type(KeyCode.F);
        simulateTo(comparison.latest().time() + LiveRun.STEP);
        assertThat(server(comparison.latest().left(), "web-2").condition()).isEqualTo("crash");
        assertThat(server(comparison.latest().right(), "web-2").condition()).isEqualTo("crash");
        robot.type(KeyCode.U);
        simulateTo(comparison.latest().time() + LiveRun.STEP);
        assertThat(server(comparison.latest().left(), "web-2").up()).isTrue();
        assertThat(server(comparison.latest().right(), "web-2").up()).isTrue();

        robot.type(KeyCode.SPACE);
        waitFor(comparison::isPlaying);
        robot.type(KeyCode.SPACE);
        waitFor(() -> !comparison.isPlaying());
        robot.type(KeyCode.R);
        waitFor(() -> comparison.latest().time() == 0);
    }

    @Test
    void changingOneSidesAlgorithmLeavesTheOther(FxRobot robot) throws Exception {
        LiveComparison comparison = window.comparison().comparison();
        robot.clickOn("#algorithm-right");
        robot.clickOn(robot.lookup(".list-cell").match(node -> "random".equals(((Labeled) node).getText())).queryLabeled());
        waitFor(() -> "random".equals(comparison.latest().right().algorithm()));
        simulateTo(3);
        assertThat(comparison.latest().left().algorithm()).isEqualTo("round-robin");
        assertThat(algorithmMenu(robot, "left").getValue()).isEqualTo("round-robin");
        waitFor(() -> legends().get(0).contains("random"));
    }

    @Test
    void backToOneRunShowsTheSingleWindowAgain(FxRobot robot) throws Exception {
        LiveComparison comparison = window.comparison().comparison();
        robot.clickOn("#compare-leave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.comparison()).isNull();
        assertThat(robot.lookup("#play").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#compare-play").tryQuery()).isEmpty();
        assertThat(robot.lookup("#theory").tryQuery()).as("the theory panel is back").isPresent();
        assertThat(menuItem(robot, "save-lesson").isDisable()).isFalse();
        double time = comparison.latest().time();
        comparison.play();
        Thread.sleep(200);
        assertThat(comparison.latest().time()).as("the comparison's thread has stopped").isEqualTo(time);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    private List<List<String>> legends() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> window.comparison().charts().legends()).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private LiveComparison comparison() {
        return window.comparison().comparison();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> algorithmMenu(FxRobot robot, String side) {
        return robot.lookup("#algorithm-" + side).queryAs(ComboBox.class);
    }

    private static String difference(FxRobot robot) {
        return robot.lookup("#difference").queryAs(javafx.scene.control.Label.class).getText();
    }

    private static ClusterSnapshot.ServerState server(ClusterSnapshot snapshot, String name) {
        return snapshot.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Reads the model on its own thread, between two slices, after every action already sent. */
    private <T> T onSimulationThread(Function<LiveComparison, T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        comparison().submit(pair -> result.complete(read.apply(pair)));
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Runs the paused comparison to simulated time {@code time}, after every action already sent, and waits for it. */
    private void simulateTo(double time) throws Exception {
        LiveComparison comparison = comparison();
        comparison.submit(paused -> paused.advanceTo(time));
        waitFor(() -> comparison.latest().time() >= time);
    }

    private void simulateUntil(java.util.function.Predicate<org.lbsim.experiment.ComparisonSnapshot> condition, double limit)
            throws Exception {
        LiveComparison comparison = comparison();
        while (!condition.test(comparison.latest())) {
            double now = comparison.latest().time();
            assertThat(now).as("simulated time at which the condition still did not hold").isLessThan(limit);
            simulateTo(now + 1);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
