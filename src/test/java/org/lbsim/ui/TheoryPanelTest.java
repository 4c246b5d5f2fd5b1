package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's theory panel on join-the-shortest-queue over two servers: the closed form of what
 * runs now, the measurement beside it, and the form following the algorithm and a failure.
 * Isolated: JavaFX launches once per JVM, so no other window test (MainWindowTest) may start
 * its toolkit at the same time.
 */
@Isolated
@ExtendWith(ApplicationExtension.class)
class TheoryPanelTest {

    private MainWindow window;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path file = Path.of("scenarios/validation/jsq-2.yaml");
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(stage, messages, file, scenario);
        window.show();
    }

    @Test
    void showsTheClosedFormAndTheMeasurementSinceTheWarmup(FxRobot robot) throws Exception {
        waitFor(() -> label(robot, "#theory-model").equals("JSQ over 2 × M/M/1 (least-connections)"));
        assertThat(label(robot, "#theory-predicted")).isEqualTo("Theory: 295.6 ms mean response time");
        assertThat(label(robot, "#theory-measured")).isEqualTo("lbsim: measuring from 600 s of simulated time…");
        // To the end of the warm-up at once, then a chart interval every 15 simulated seconds until
        // the panel has its ten batches: 10 intervals at best, more when the window, busy, charts
        // two steps as one.
        simulateTo(600);
        for (double t = 615; t <= 3000 && !label(robot, "#theory-measured").contains("batches since"); t += 15) {
            int points = window.charts().points();
            simulateTo(t);
            waitFor(() -> window.charts().points() > points);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(label(robot, "#theory-measured")).matches("lbsim: \\d+\\.\\d ms ± \\d+\\.\\d ms \\(95%, \\d+ batches since 600 s\\)");
        assertThat(label(robot, "#theory-difference")).matches("Difference: [+-]\\d+\\.\\d%");
    }

    @Test
    void followsTheAlgorithmAndSaysWhenAServerIsDown(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        robot.clickOn("#algorithm");
        robot.clickOn(robot.lookup(".list-cell").match(node -> "random".equals(((javafx.scene.control.Labeled) node).getText()))
                .queryLabeled());
        waitFor(() -> label(robot, "#theory-model").equals("2 × M/M/1 (random split)"));
        simulateTo(5);
        robot.clickOn("#fail-web-1");
        waitFor(() -> label(robot, "#theory-model").equals("No closed form applies:"));
        assertThat(label(robot, "#theory-formula")).isEqualTo("• server web-1 is not up (crash)");
        assertThat(label(robot, "#theory-predicted")).isEmpty();
        assertThat(run.latest().algorithm()).isEqualTo("random");
    }

    @Test
    void speaksTheWindowsLanguage(FxRobot robot) throws Exception {
        robot.clickOn("Language");
        robot.clickOn("#language-es");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> label(robot, "#theory-predicted").equals("Teoría: 295.6 ms de tiempo de respuesta medio"));
        assertThat(label(robot, "#theory-measured")).isEqualTo("lbsim: midiendo desde 600 s de tiempo simulado…");
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void simulateTo(double time) throws Exception {
        LiveRun run = window.run();
        run.submit(paused -> paused.advanceTo(time));
        waitFor(() -> run.latest().time() >= time);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
