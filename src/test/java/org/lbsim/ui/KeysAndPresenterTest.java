package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
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
 * The window at the projector: its keys, presenter mode and the keys sheet, driven headless
 * under Monocle as a teacher would drive them, keyboard only. The run stays paused unless a
 * test plays it, and simulated time is moved by the test ({@link #simulateTo}).
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock(FxStage.LOCK)
class KeysAndPresenterTest {

    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void quietJavaFx() {
        LbsimApp.quietClassPathWarning();
    }

    @Start
    void start(Stage primary) throws Exception {
        stage = primary;
        Path file = LbsimApp.DEFAULT_SCENARIO;
        var scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        Messages messages = new Messages();
        messages.localeProperty().set(Locale.ENGLISH);
        window = new MainWindow(stage, messages, file, scenario);
        window.show();
    }

    /** The next test's window opens on the same stage: not in full screen. */
    @AfterEach
    void leaveFullScreen(FxRobot robot) {
        robot.interact(() -> stage.setFullScreen(false));
    }

    @Test
    void spacePlaysAndPausesWithoutPressingTheFocusedButton(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(5);
        // Reset has the focus: were space to press it too, the run would go back to time 0.
        robot.interact(() -> robot.lookup("#reset").queryAs(Button.class).requestFocus());
        robot.type(KeyCode.SPACE);
        waitFor(run::isPlaying);
        waitFor(() -> run.latest().time() > 5);
        robot.type(KeyCode.SPACE);
        waitFor(() -> !run.isPlaying());
        assertThat(run.latest().time()).as("not reset by the focused button").isGreaterThan(5);
    }

    @Test
    void sStepsOneSimulatedSecondAndRResets(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(4);
        double before = run.latest().time();
        robot.type(KeyCode.S);
        waitFor(() -> run.latest().time() > before);
        assertThat(run.latest().time()).isEqualTo(before + LiveRun.STEP);
        assertThat(run.isPlaying()).isFalse();

        robot.type(KeyCode.R);
        waitFor(() -> run.latest().time() == 0);
        assertThat(run.latest().totals().sent()).as("the scenario started over").isZero();
    }

    @Test
    void twoSelectsTheSecondInstanceFFailsItAndURecoversIt(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(2);
        robot.type(KeyCode.F);
        simulateTo(3);
        assertThat(run.latest().servers()).as("F with no instance selected fails none").allMatch(ClusterSnapshot.ServerState::up);

        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.topology().selected()).contains("web-2");
        assertThat(window.topology().card("web-2").isSelected()).isTrue();
        assertThat(window.topology().card("web-1").isSelected()).isFalse();
        assertThat(label(robot, "#selected-instance")).isEqualTo("web-2");

        robot.type(KeyCode.F);
        simulateTo(4);
        assertThat(server(run.latest(), "web-2").condition()).isEqualTo("crash");
        assertThat(server(run.latest(), "web-1").up()).isTrue();
        waitFor(() -> "DOWN".equals(label(robot, "#truth-web-2")));
        assertThat(robot.lookup("#truth-mark-web-2").queryAs(StateMark.class).health())
                .as("down is told by a cross too").isEqualTo(Health.FAILED);

        robot.type(KeyCode.U);
        simulateTo(5);
        assertThat(server(run.latest(), "web-2").up()).isTrue();
        waitFor(() -> "UP".equals(label(robot, "#truth-web-2")));
        assertThat(robot.lookup("#truth-mark-web-2").queryAs(StateMark.class).health()).isEqualTo(Health.GOOD);
    }

    @Test
    void aNumberWithNoInstanceSelectsNothingAndResetClearsTheSelection(FxRobot robot) throws Exception {
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.topology().selected()).as("only two instances: 9 keeps the selection").contains("web-1");
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.topology().selected()).isEmpty();
        assertThat(label(robot, "#selected-instance")).isEqualTo("—");
    }

    @Test
    void keysAreLeftToATextFieldThatHasTheFocus(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        simulateTo(2);
        TextField rate = robot.lookup("#rate-value").queryAs(TextField.class);
        robot.clickOn(rate);
        robot.interact(rate::clear);
        robot.type(KeyCode.S, KeyCode.R, KeyCode.DIGIT2, KeyCode.F, KeyCode.SPACE, KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.getText()).isEqualToIgnoringCase("sr2f u");
        simulateTo(3);
        assertThat(run.isPlaying()).isFalse();
        assertThat(run.latest().time()).as("neither stepped nor reset").isEqualTo(3);
        assertThat(run.latest().servers()).allMatch(ClusterSnapshot.ServerState::up);
        assertThat(window.topology().selected()).isEmpty();

        // A click on the picture takes the focus out of the field: the keys work again.
        robot.clickOn(robot.point(window.topology()).atPosition(javafx.geometry.Pos.CENTER_LEFT));
        robot.type(KeyCode.S);
        waitFor(() -> run.latest().time() == 3 + LiveRun.STEP);
    }

    @Test
    void aRateTypedIntoTheFieldReachesTheSimulation(FxRobot robot) throws Exception {
        LiveRun run = window.run();
        TextField rate = robot.lookup("#rate-value").queryAs(TextField.class);
        robot.clickOn(rate);
        robot.interact(rate::clear);
        robot.write("600").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.isFocused()).as("Enter gives the keys back to the window").isFalse();
        simulateTo(10);
        long sentBy10 = run.latest().totals().sent();
        // 600/s for the users, against 150 before, plus the scanners' trickle.
        assertThat(sentBy10).isGreaterThan(10 * 450);
    }

    @Test
    void f11TogglesPresenterModeFullScreenAndLargerType(FxRobot robot) throws Exception {
        Button play = robot.lookup("#play").queryAs(Button.class);
        double normalType = play.getFont().getSize();
        float normalTitle = chartTitleSize();
        robot.type(KeyCode.F11);
        waitFor(stage::isFullScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.presenter().onProperty().get()).isTrue();
        assertThat(play.getFont().getSize()).as("the controls' type").isGreaterThan(normalType * 1.3);
        assertThat(chartTitleSize()).as("the charts' type").isGreaterThan(normalTitle);

        robot.type(KeyCode.F11);
        waitFor(() -> !stage.isFullScreen());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(play.getFont().getSize()).isEqualTo(normalType);
        assertThat(chartTitleSize()).isEqualTo(normalTitle);
    }

    /** Esc, or anything else that ends full screen, ends presenter mode: its large type does not outstay it. */
    @Test
    void leavingFullScreenLeavesPresenterMode(FxRobot robot) throws Exception {
        Button play = robot.lookup("#play").queryAs(Button.class);
        double normalType = play.getFont().getSize();
        robot.clickOn("View").clickOn("#presenter");
        waitFor(stage::isFullScreen);
        robot.interact(() -> stage.setFullScreen(false)); // as JavaFX does on Esc
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.presenter().onProperty().get()).isFalse();
        assertThat(play.getFont().getSize()).isEqualTo(normalType);
    }

    @Test
    void presenterModeHidesTheTheoryPanelAndGivesItBackAsItWas(FxRobot robot) {
        Node panel = robot.lookup("#theory").query();
        assertThat(panel.isVisible()).isTrue();
        robot.interact(() -> window.presenter().onProperty().set(true));
        assertThat(panel.isVisible()).as("while presenting").isFalse();
        assertThat(panel.isManaged()).as("its room goes to the cards").isFalse();
        robot.clickOn("View").clickOn("#theory-toggle");
        assertThat(panel.isVisible()).as("shown again from the menu while presenting").isTrue();
        robot.interact(() -> window.presenter().onProperty().set(false));
        assertThat(panel.isVisible()).as("after presenting, as it was before").isTrue();

        robot.clickOn("View").clickOn("#theory-toggle");
        assertThat(panel.isVisible()).as("hidden from the menu").isFalse();
        robot.interact(() -> window.presenter().onProperty().set(true));
        robot.interact(() -> window.presenter().onProperty().set(false));
        assertThat(panel.isVisible()).as("hidden before presenting, hidden after").isFalse();
    }

    /**
     * Presenter mode's type on a 1280×720 projector, in each language: no text of the window is
     * cut short, and each instance card gets the height it asks for, inside the topology.
     */
    @Test
    void presenterTypeAt1280x720CutsNothingOffInAnyLanguage(FxRobot robot) throws Exception {
        robot.interact(() -> {
            // What presenter mode does, without full screen (whose size Monocle decides).
            stage.getScene().getStylesheets().add(PresenterMode.STYLESHEET);
            window.theoryShown().set(false);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        simulateTo(2);
        assertNothingCutOff(robot, "English");
        robot.clickOn("Language").clickOn("#language-es");
        assertNothingCutOff(robot, "Spanish");
        robot.clickOn("Idioma").clickOn("#language-pt");
        assertNothingCutOff(robot, "Portuguese");
    }

    private void assertNothingCutOff(FxRobot robot, String language) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getHeight()).isLessThanOrEqualTo(720);
        assertThat(robot.lookup("#play").queryAs(Button.class).getFont().getSize()).isGreaterThan(17);

        List<String> cut = new ArrayList<>();
        for (Labeled labeled : labeleds(stage.getScene().getRoot())) {
            Node shown = labeled.lookup(".text");
            if (labeled.getText() != null && !labeled.getText().isEmpty() && shown instanceof Text text
                    && !text.getText().equals(labeled.getText())) {
                cut.add(labeled.getText() + " shown as " + text.getText());
            }
        }
        assertThat(cut).as("texts cut short in %s", language).isEmpty();

        TopologyView topology = window.topology();
        for (String name : List.of("web-1", "web-2")) {
            ServerCard card = topology.card(name);
            assertThat(card.getHeight()).as("%s's height in %s", name, language)
                    .isGreaterThanOrEqualTo(card.prefHeight(card.getWidth()) - 0.5);
            assertThat(card.getBoundsInParent().getMaxY()).as("%s inside the topology", name).isLessThanOrEqualTo(topology.getHeight());
        }
        assertThat(topology.card("web-1").getBoundsInParent().getMaxY())
                .isLessThanOrEqualTo(topology.card("web-2").getBoundsInParent().getMinY());
    }

    @Test
    void helpKeysShowsTheSheetOfKeysInTheWindowsLanguage(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("#keys");
        waitFor(() -> robot.lookup("#keys-sheet").tryQuery().isPresent());
        DialogPane sheet = robot.lookup("#keys-sheet").queryAs(DialogPane.class);
        List<String> texts = labeleds(sheet).stream().map(Labeled::getText).toList();
        assertThat(texts).contains("Space", "play or pause", "S", "R", "1 – 9", "F", "fail the selected instance", "U",
                "recover the selected instance", "F11");
        robot.interact(() -> ((Stage) sheet.getScene().getWindow()).close());

        robot.clickOn("Language").clickOn("#language-pt");
        robot.clickOn("Ajuda").clickOn("#keys");
        waitFor(() -> robot.lookup("#keys-sheet").tryQuery().isPresent());
        DialogPane translated = robot.lookup("#keys-sheet").queryAs(DialogPane.class);
        assertThat(labeleds(translated).stream().map(Labeled::getText).toList())
                .contains("Espaço", "reproduzir ou pausar", "fazer falhar a instância selecionada");
        robot.interact(() -> ((Stage) translated.getScene().getWindow()).close());
    }

    /** The latency chart's title size, from the chart the window shows. */
    private float chartTitleSize() {
        return window.charts().getChildren().stream().filter(ChartViewer.class::isInstance).map(ChartViewer.class::cast)
                .findFirst().orElseThrow().getChart().getTitle().getFont().getSize2D();
    }

    private static List<Labeled> labeleds(Parent root) {
        List<Labeled> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Labeled> found) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        if (node instanceof Labeled labeled) found.add(labeled);
        if (node instanceof Parent parent) parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
    }

    private static ClusterSnapshot.ServerState server(ClusterSnapshot snapshot, String name) {
        return snapshot.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Runs the paused simulation to {@code time}, after every action already sent to it, and waits for it to publish that time. */
    private void simulateTo(double time) throws Exception {
        LiveRun run = window.run();
        run.submit(paused -> paused.advanceTo(time));
        waitFor(() -> run.latest().time() >= time);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
