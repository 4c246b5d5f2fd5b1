package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveRun;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Save lesson as… and Save scenario as…, headless under Monocle: what a teacher clicks in
 * the window is saved, and the saved lesson replays headless to the numbers the window showed.
 * The file dialogs are native and cannot be driven here: the tests hand the path to what the
 * dialog calls.
 *
 * <p>{@link Isolated}: TestFX launches the one JavaFX application a JVM may have, so this class
 * must not run beside another that does ({@code MainWindowTest}).
 */
@Isolated
@ExtendWith(ApplicationExtension.class)
class SaveLessonWindowTest {

    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path file = LbsimApp.DEFAULT_SCENARIO;
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(stage, messages, file, scenario);
        window.show();
    }

    @Test
    void aLessonClickedInTheWindow_replaysHeadlessToTheSameNumbers(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(7.5);
        robot.clickOn("#fail-web-1");
        simulateTo(40.25);
        robot.clickOn("#recover-web-1");
        simulateTo(70);
        robot.clickOn("Security");
        robot.clickOn("Open web-sg to the whole internet");
        simulateTo(95.5);
        robot.clickOn("#add-server");
        simulateTo(130);
        robot.clickOn("#more-web-2");
        robot.clickOn("Slow down");
        simulateTo(150);
        robot.clickOn("#algorithm");
        robot.clickOn(robot.lookup(".list-cell").match(node -> "round-robin".equals(((javafx.scene.control.Labeled) node).getText()))
                .queryLabeled());
        simulateTo(run.scenario().duration());
        RunResult seen = onSimulationThread(run);

        Path lesson = dir.resolve("lesson.yaml");
        WaitForAsyncUtils.asyncFx(() -> window.saving().saveLesson(lesson)).get();
        Scenario saved = AlgorithmRules.loader(Algorithms.standard()).load(lesson, List.of());
        assertThat(saved.events()).as("the clicks, in order").extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Fail", "Recover", "SetSecurityRule", "AddServer", "Slow", "SetAlgorithm");
        assertThat(saved.events().get(0)).isEqualTo(new EventSpec.Fail(7.5, "web-1"));
        RunResult replayed = new Runner(Algorithms.standard()).run(saved);
        assertThat(json(replayed)).isEqualTo(json(seen));
    }

    @Test
    void theConfigurationNow_isSavedAsAScenarioThatLoads(FxRobot robot) throws Exception {
        simulateTo(3);
        robot.clickOn("#add-server");
        simulateTo(4);
        robot.clickOn("#more-web-2");
        robot.clickOn("Remove");
        simulateTo(5);
        Path now = dir.resolve("now.yaml");
        WaitForAsyncUtils.asyncFx(() -> window.saving().saveScenario(now)).get();
        Scenario saved = AlgorithmRules.loader(Algorithms.standard()).load(now, List.of());
        assertThat(saved.servers()).extracting(s -> s.name()).containsExactly("web-1", "web-1-new-1");
        assertThat(saved.events()).isEmpty();
    }

    @Test
    void theFileMenuOffersBothSaves() {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        List<String> items = bar.getMenus().get(0).getItems().stream().map(MenuItem::getText).toList();
        assertThat(items).contains("Save scenario as…", "Save lesson as…");
    }

    @Test
    void aFileThatCannotBeWritten_isRefusedWithTheReason_notAStackTrace(FxRobot robot) throws Exception {
        Path nowhere = dir.resolve("no-such-folder").resolve("lesson.yaml");
        // Not waited for: the message is a modal dialog, which holds the JavaFX thread until closed.
        Platform.runLater(() -> window.saving().saveLesson(nowhere));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        var pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).startsWith("Could not save " + nowhere + ": no such folder")
                .doesNotContain("Exception").doesNotContain("\tat ");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(nowhere)).isFalse();
    }

    /** The run's results, read on the simulation thread, which owns the model. */
    private static RunResult onSimulationThread(LiveRun run) throws Exception {
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        run.submit(paused -> result.complete(paused.cluster().results(new EngineStats(0, 0, 0))));
        return result.get(30, TimeUnit.SECONDS);
    }

    private void simulateTo(double time) throws Exception {
        LiveRun run = window.run();
        run.submit(paused -> paused.advanceTo(time));
        waitFor(() -> run.latest().time() >= time);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private static String json(RunResult result) {
        ObjectNode tree = JsonReport.toTree(result);
        tree.remove("engine");
        return tree.toString();
    }
}
