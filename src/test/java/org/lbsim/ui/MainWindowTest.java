package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The classroom window driven as a teacher would, headless under Monocle. The run stays paused
 * and the tests move simulated time themselves ({@link #simulateTo}), so that what they see does
 * not depend on how fast this machine simulates.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock(FxStage.LOCK)
class MainWindowTest {

    private MainWindow window;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path file = LbsimApp.DEFAULT_SCENARIO;
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        // English whatever this machine's locale, without changing the JVM's default under the
        // tests that run beside this one.
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(stage, messages, file, scenario);
        window.show();
    }

    @Test
    void failingAnInstanceIsNoticedByTheBalancerAndItsTrafficStops(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(2);
        robot.clickOn("#fail-web-1");
        simulateTo(3);
        assertThat(server(run.latest(), "web-1").up()).isFalse();
        waitFor(() -> "DOWN".equals(label(robot, "#truth-web-1")));
        assertThat(label(robot, "#belief-web-1")).as("the balancer has not noticed yet").isEqualTo("HEALTHY");

        // Checks every 10 s, two failed ones to mark it down: within half a minute.
        simulateUntil(snapshot -> !server(snapshot, "web-1").healthyAtBalancer(), 33);
        waitFor(() -> "UNHEALTHY".equals(label(robot, "#belief-web-1")));
        assertThat(label(robot, "#truth-web-1")).isEqualTo("DOWN");

        ClusterSnapshot markedDown = run.latest();
        long lostWhenMarkedDown = server(markedDown, "web-1").lost();
        assertThat(lostWhenMarkedDown).as("requests sent before the balancer noticed were lost").isPositive();
        simulateTo(markedDown.time() + 10);
        assertThat(server(run.latest(), "web-1").lost()).as("nothing is sent to it any more").isEqualTo(lostWhenMarkedDown);
        // The window charts a point per tenth of a second of wall time: step until one comes.
        simulateUntil(snapshot -> window.charts().points() > 0, markedDown.time() + 600);
        assertThat(window.log().size()).isPositive();

        // What File → Export writes: three PNGs of the charts and the time series as CSV.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lbsim-export");
        // On the JavaFX thread, which owns the charts' datasets, as the menu does it.
        var files = WaitForAsyncUtils.asyncFx(() -> window.charts().exportPng(dir.resolve("lesson.png").toFile())).get();
        assertThat(files).hasSize(3).allSatisfy(file -> {
            assertThat(file).exists();
            assertThat(javax.imageio.ImageIO.read(file).getWidth()).isEqualTo(1280);
        });
        java.nio.file.Path csv = dir.resolve("lesson.csv");
        WaitForAsyncUtils.asyncFx(() -> {
            window.log().write(csv, List.of("web-1", "web-2"));
            return null;
        }).get();
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(0)).contains("web-1", "web-2");
        assertThat(lines.size()).isGreaterThan(1);
    }

    @Test
    void playPausesAndStepDriveTheRun(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        robot.clickOn("#play");
        waitFor(() -> run.latest().time() > 0);
        robot.clickOn("#play");
        waitFor(() -> !run.isPlaying());
        double paused = run.latest().time();
        robot.clickOn("#step");
        waitFor(() -> run.latest().time() > paused);
        assertThat(run.latest().time()).isEqualTo(paused + LiveRun.STEP);
        assertThat(run.isPlaying()).isFalse();
    }

    @Test
    void switchingTheAlgorithmReachesTheSimulation(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        robot.clickOn("#algorithm");
        robot.clickOn(robot.lookup(".list-cell").match(node -> "random".equals(((javafx.scene.control.Labeled) node).getText()))
                .queryLabeled());
        waitFor(() -> "random".equals(run.latest().algorithm()));
        assertThat(run.latest().algorithm()).isEqualTo("random");
    }

    @Test
    void slowingRemovingAndAddingInstancesReachTheSimulation(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        robot.clickOn("#more-web-2");
        robot.clickOn("Slow down");
        waitFor(() -> "slowdown".equals(server(run.latest(), "web-2").condition()));
        waitFor(() -> "SLOW".equals(label(robot, "#truth-web-2")));

        robot.clickOn("#add-server");
        waitFor(() -> run.latest().servers().size() == 3);
        assertThat(server(run.latest(), "web-1-new-1").condition()).isIn("booting", "up");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> robot.lookup("#server-web-1-new-1").tryQuery().isPresent());

        robot.clickOn("#more-web-1");
        robot.clickOn("Remove");
        simulateUntil(snapshot -> !server(snapshot, "web-1").healthyAtBalancer(), 600);

        robot.clickOn("#more-web-2");
        robot.clickOn("Black hole (gray failure)");
        waitFor(() -> "black-hole".equals(server(run.latest(), "web-2").condition()));
    }

    @Test
    void openingTheInstancesGroupToTheInternetLetsDirectAttemptsThrough(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(5);
        long deniedBefore = denied(run, "web-sg");
        assertThat(deniedBefore).as("direct attempts are denied by web-sg").isPositive();
        robot.clickOn("Security");
        robot.clickOn("Open web-sg to the whole internet");
        double opened = run.latest().time();
        simulateTo(opened + 30);
        long deniedAfterOpening = denied(run, "web-sg");
        simulateTo(opened + 60);
        assertThat(denied(run, "web-sg")).as("nothing denied once open").isEqualTo(deniedAfterOpening);
        robot.clickOn("Security");
        robot.clickOn("Restore the rules of web-sg");
        double restored = run.latest().time();
        simulateTo(restored + 30);
        assertThat(denied(run, "web-sg")).as("denied again").isGreaterThan(deniedAfterOpening);
    }

    /**
     * File → Open with a scenario whose algorithm parameter is out of range: the window says
     * where and what, as {@code lbsim validate} does, and the run that was open goes on.
     */
    @Test
    void aBadScenarioOpenedInTheWindowShowsItsLineAndColumn(FxRobot robot) throws Exception {
        Path bad = java.nio.file.Files.createTempFile("lbsim-bad", ".yaml");
        java.nio.file.Files.writeString(bad, """
                duration: 1min
                clients: [{name: c, arrivals: {process: poisson, rate: 1/s}, service: {distribution: exponential, mean: 1s}}]
                servers: [{name: a}]
                balancer:
                  algorithm: power-of-d
                  choices: 0
                """);
        LiveRun before = window.run();
        // Not waited for: the message is a modal dialog, which holds the JavaFX thread until closed.
        javafx.application.Platform.runLater(() -> window.open(bad));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        var pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getContentText()).contains(bad + ":6:12")
                .contains("balancer.choices: found '0', expected a whole number of at least 2")
                .doesNotContain("Exception");
        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.run()).as("the open run goes on").isSameAs(before);
    }

    private static long denied(LiveRun run, String group) {
        return run.latest().securityGroups().stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow().denied();
    }

    @Test
    void switchingLanguageRelabelsTheWindow(FxRobot robot) {
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("Play");
        robot.clickOn("Language");
        robot.clickOn("#language-es");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("Reproducir");
        assertThat(robot.lookup("#fail-web-1").queryAs(Button.class).getText()).isEqualTo("Fallar");
        assertThat(window.charts().titles()).contains("Latencia");
    }

    @Test
    void portugueseIsAThirdLanguageOfTheWindow(FxRobot robot) {
        robot.clickOn("Language");
        robot.clickOn("Português (Brasil)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#play").queryAs(Button.class).getText()).isEqualTo("Reproduzir");
        assertThat(robot.lookup("#fail-web-1").queryAs(Button.class).getText()).isEqualTo("Falhar");
        assertThat(robot.lookup("#add-server").queryAs(Button.class).getText()).isEqualTo("Adicionar instância");
        assertThat(window.charts().titles()).contains("Latência", "Utilização por instância");
    }

    private static ClusterSnapshot.ServerState server(ClusterSnapshot snapshot, String name) {
        return snapshot.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /**
     * Runs the paused simulation to simulated time {@code time} on its own thread, after every
     * action the window has already sent it, and waits until the run has published that time.
     */
    private void simulateTo(double time) throws Exception {
        LiveRun run = window.run();
        run.submit(paused -> paused.advanceTo(time));
        waitFor(() -> run.latest().time() >= time);
    }

    /** Simulates a second at a time until the latest snapshot meets the condition, failing at {@code limit}. */
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
