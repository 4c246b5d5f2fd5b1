package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveComparison;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View → Compare with… turns the one-run window into the side-by-side view, and back. */
@ExtendWith(ApplicationExtension.class)
@ResourceLock(FxStage.LOCK)
class CompareToggleTest {

    private MainWindow window;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        var file = LbsimApp.DEFAULT_SCENARIO;
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = LbsimApp.open(stage, messages, file, scenario, List.of());
    }

    @Test
    void compareWithPutsTheRunningAlgorithmBesideTheChosenOne(FxRobot robot) throws Exception {
        assertThat(window.comparison()).isNull();
        compareWith(robot, "round-robin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.comparison()).isNotNull();
        assertThat(menu(robot, "#algorithm-left").getValue()).as("the scenario's algorithm").isEqualTo("least-connections");
        assertThat(menu(robot, "#algorithm-right").getValue()).isEqualTo("round-robin");
        LiveComparison comparison = window.comparison().comparison();
        assertThat(comparison.latest().left().algorithm()).isEqualTo("least-connections");
        assertThat(comparison.latest().right().algorithm()).isEqualTo("round-robin");

        robot.clickOn("View");
        clickShown(robot, "#view-single");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.comparison()).isNull();
        assertThat(robot.lookup("#fail-web-1").tryQuery()).isPresent();
    }

    /** Security → Open web-sg: the direct attempts at web-1 stop being denied on both sides, from the same moment. */
    @Test
    void theSecurityMenuActsOnBothSides(FxRobot robot) throws Exception {
        compareWith(robot, "random");
        WaitForAsyncUtils.waitForFxEvents();
        LiveComparison comparison = window.comparison().comparison();
        simulateTo(comparison, 5);
        assertThat(denied(comparison.latest().left(), "web-sg")).isPositive();
        robot.clickOn("Security");
        robot.clickOn("Open web-sg to the whole internet");
        simulateTo(comparison, 6);
        ClusterSnapshot.GroupState leftAfterOpening = group(comparison.latest().left(), "web-sg");
        ClusterSnapshot.GroupState rightAfterOpening = group(comparison.latest().right(), "web-sg");
        simulateTo(comparison, 60);
        assertThat(group(comparison.latest().left(), "web-sg")).isEqualTo(leftAfterOpening);
        assertThat(group(comparison.latest().right(), "web-sg")).isEqualTo(rightAfterOpening).isEqualTo(leftAfterOpening);
    }

    /** Clicks the node in a window that is showing now: menus of earlier tests' windows linger, hidden. */
    static void clickShown(FxRobot robot, String query) {
        robot.clickOn(shown(robot, query));
    }

    /**
     * Moves into the Compare with submenu sideways, by its first item, and clicks an algorithm in
     * it: a diagonal path would cross the View menu's next item and close the submenu.
     */
    static void compareWith(FxRobot robot, String algorithm) {
        robot.clickOn("View");
        clickShown(robot, "#compare-with");
        robot.moveTo(shown(robot, "#compare-with-round-robin"));
        clickShown(robot, "#compare-with-" + algorithm);
    }

    private static javafx.scene.Node shown(FxRobot robot, String query) {
        return robot.lookup(query).match(node -> node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing()).query();
    }

    private static long denied(ClusterSnapshot snapshot, String group) {
        return group(snapshot, group).denied();
    }

    private static ClusterSnapshot.GroupState group(ClusterSnapshot snapshot, String name) {
        return snapshot.securityGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> menu(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ComboBox.class);
    }

    private static void simulateTo(LiveComparison comparison, double time) throws Exception {
        comparison.submit(paused -> paused.advanceTo(time));
        waitFor(() -> comparison.latest().time() >= time);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
