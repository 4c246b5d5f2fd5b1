package org.lbsim.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.experiment.IntervalRecorder;
import org.lbsim.experiment.LiveRun;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.scenario.ScenarioException;

/**
 * The main window: menus and controls on top, the live topology in the middle, the charts
 * below. A frame timer reads the run's latest snapshot at most 30 times a second.
 */
final class MainWindow {

    private static final double FRAME_SECONDS = 1.0 / 30;
    /** Charts take a point at most this often (wall) ... */
    private static final double CHART_SECONDS = 0.1;
    /** ... and over at least this much simulated time, so that points are not noise. */
    private static final double CHART_MIN_SIM_SECONDS = 0.5;

    private final Stage stage;
    private Scenario currentScenario;
    /** The file the current scenario came from, for Save scenario/lesson's default names. */
    private Path currentFile;
    private ScenarioSaving saving;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    /** Replaced on the JavaFX thread when a scenario is opened; read by the shutdown hook. */
    private volatile LiveRun run;
    private TopologyView topology;
    private LiveCharts charts;
    private ControlBar controls;
    private TheoryPanel theory;
    /** Whether the theory panel is shown: View → Theory, off while presenting (see PresenterMode). */
    private final BooleanProperty theoryShown = new SimpleBooleanProperty(true);
    private final TimeSeriesLog log = new TimeSeriesLog();
    private ClusterSnapshot shown;
    private final PresenterMode presenter;
    private final KeysSheet keysSheet;
    private ClusterSnapshot charted;
    private IntervalRecorder recorder;
    private double lastFrame;
    private double lastChart;
    /** The side-by-side comparison while it is shown; null while the window shows one run. */
    private CompareView comparison;
    private final BooleanProperty comparing = new SimpleBooleanProperty(false);
    /** The keys' target while the window shows one run: its control bar, topology and run of the moment. */
    private final KeyTarget singleRunKeys = new KeyTarget() {
        @Override
        public void playOrPause() {
            controls.playOrPause();
        }

        @Override
        public void step() {
            controls.step();
        }

        @Override
        public void reset() {
            controls.reset();
        }

        @Override
        public Optional<String> select(int position) {
            Optional<String> chosen = topology.select(position);
            chosen.ifPresent(controls::showSelected);
            return chosen;
        }

        @Override
        public Optional<String> selected() {
            return topology.selected();
        }

        @Override
        public void control(Consumer<ClusterControl> action) {
            run.control(action);
        }
    };

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long nanos) {
            frame(nanos / 1e9);
        }
    };

    MainWindow(Stage stage, Messages messages, Path file, Scenario scenario) {
        this.stage = stage;
        this.messages = messages;
        this.presenter = new PresenterMode(stage, messages);
        presenter.hideWhilePresenting(theoryShown);
        this.keysSheet = new KeysSheet(stage, messages);
        open(file, scenario);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight())));
        KeyboardShortcuts.install(stage.getScene(), () -> comparison != null ? comparison : singleRunKeys);
        stage.setOnHidden(e -> {
            leaveComparison();
            frames.stop();
            run.close();
        });
    }

    void show() {
        stage.show();
        frames.start();
    }

    LiveRun run() {
        return run;
    }

    private void open(Path file, Scenario scenario) {
        leaveComparison();
        if (run != null) run.close();
        currentScenario = scenario;
        currentFile = file;
        run = new LiveRun(scenario, Algorithms.standard());
        topology = new TopologyView(scenario, messages, action -> run.control(action));
        charts = new LiveCharts(messages);
        controls = new ControlBar(run, messages, () -> {
            // Instances added during the run are gone after a reset: draw the scenario afresh.
            topology = new TopologyView(scenario, messages, action -> run.control(action));
            root.setCenter(topology);
            clearHistory();
        });
        // The menus too: the Security menu lists this scenario's groups.
        root.setTop(new VBox(menus(), controls));
        root.setCenter(topology);
        root.setBottom(charts);
        theory = new TheoryPanel(run, messages);
        theory.visibleProperty().bind(theoryShown);
        theory.managedProperty().bind(theoryShown);
        root.setRight(theory);
        clearHistory();
        stage.titleProperty().bind(messages.text("app.title", scenario.name() + " (" + file + ")"));
        run.start();
    }

    private void clearHistory() {
        shown = null;
        charted = null;
        recorder = null;
        charts.clear();
        log.clear();
    }

    private void frame(double now) {
        if (now - lastFrame < FRAME_SECONDS) {
            topology.redraw(now);
            return;
        }
        lastFrame = now;
        ClusterSnapshot snapshot = run.latest();
        if (snapshot != shown) {
            FlowRates rates = shown == null || snapshot.time() < shown.time() ? null : FlowRates.between(shown, snapshot);
            topology.show(snapshot, rates);
            controls.show(run.isPlaying(), snapshot.algorithm());
            theory.show(snapshot);
            if (rates != null || shown == null || snapshot.time() < shown.time()) shown = snapshot;
            chart(snapshot, now);
            charts.mark(snapshot.moments());
        }
        topology.redraw(now);
    }

    /** One chart point (and time-series row) per chart interval, with the latency window it covers. */
    private void chart(ClusterSnapshot snapshot, double now) {
        if (charted == null || snapshot.time() < charted.time()) {
            charted = snapshot;
            recorder = new IntervalRecorder(snapshot);
            run.latencyTaken();
            return;
        }
        if (now - lastChart < CHART_SECONDS || snapshot.time() - charted.time() < CHART_MIN_SIM_SECONDS) return;
        TimeSeries.Interval interval = recorder.next(snapshot);
        charts.add(interval);
        theory.add(interval);
        log.add(interval);
        charted = snapshot;
        lastChart = now;
        run.latencyTaken();
    }

    private MenuBar menus() {
        Menu file = menu("menu.file");
        // What is saved is the one run and its clicks: not offered while the comparison is shown.
        MenuItem saveScenario = saving().saveScenarioItem();
        MenuItem saveLesson = saving().saveLessonItem();
        saveScenario.disableProperty().bind(comparing);
        saveLesson.disableProperty().bind(comparing);
        file.getItems().addAll(
                item("menu.open", this::chooseScenario),
                saveScenario,
                saveLesson,
                item("menu.exportCharts", this::exportCharts),
                item("menu.exportSeries", this::exportSeries),
                item("menu.quit", stage::close));
        Menu language = menu("menu.language");
        ToggleGroup languages = new ToggleGroup();
        for (var locale : Messages.SUPPORTED) {
            RadioMenuItem choice = new RadioMenuItem(Messages.displayName(locale));
            choice.setId("language-" + locale.getLanguage());
            choice.setToggleGroup(languages);
            choice.setSelected(locale.equals(messages.localeProperty().get()));
            choice.setOnAction(e -> messages.localeProperty().set(locale));
            language.getItems().add(choice);
        }
        Menu view = menu("menu.view");
        CheckMenuItem showTheory = new CheckMenuItem();
        showTheory.setId("theory-toggle");
        showTheory.textProperty().bind(messages.text("menu.theory"));
        showTheory.selectedProperty().bindBidirectional(theoryShown);
        view.getItems().addAll(presenter.menuItem(), showTheory);
        ViewMenu.addTo(view, messages, this::compareWith, this::leaveComparison);
        Menu help = menu("menu.help");
        help.getItems().add(keysSheet.menuItem());
        return new MenuBar(file, view, security(), language, help);
    }

    /**
     * The security gateway by one click: open a group to the whole internet on its rules'
     * ports, or put its scenario rules back, through the same API as a set-security-rule event.
     */
    private Menu security() {
        Menu menu = menu("menu.security");
        menu.setId("security-menu");
        for (SecurityGroupSpec group : currentScenario.securityGroups()) {
            MenuItem open = new MenuItem();
            open.setId("open-" + group.name());
            open.textProperty().bind(messages.text("security.open", group.name()));
            open.setOnAction(e -> control(c -> c.setSecurityRules(group.name(), openToEveryone(group))));
            MenuItem restore = new MenuItem();
            restore.setId("restore-" + group.name());
            restore.textProperty().bind(messages.text("security.restore", group.name()));
            restore.setOnAction(e -> control(c -> c.setSecurityRules(group.name(), group.inbound())));
            menu.getItems().addAll(open, restore);
        }
        return menu;
    }

    /** Every port the group's rules name, now from any IPv4 address: the mistake of opening up. */
    private static List<RuleSpec> openToEveryone(SecurityGroupSpec group) {
        List<RuleSpec> rules = new java.util.ArrayList<>();
        for (RuleSpec rule : group.inbound()) {
            rules.add(new RuleSpec(rule.protocol(), rule.fromPort(), rule.toPort(), new RuleSpec.FromCidr(Cidr.ANY_IPV4)));
        }
        return rules;
    }

    private Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(messages.text(key));
        return menu;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(messages.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }

    private void chooseScenario() {
        FileChooser chooser = chooser("dialog.scenarios", "*.yaml", "*.yml");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) open(chosen.toPath());
    }

    /**
     * Loads a scenario file through the same validation as the command line (algorithm
     * parameters included) and runs it; a bad file leaves the current run as it is and shows
     * every problem with its {@code file:line:column}.
     */
    void open(Path file) {
        Scenario scenario;
        try {
            scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        } catch (ScenarioException e) {
            error(e.getMessage());
            return;
        }
        open(file, scenario);
    }

    private void exportCharts() {
        File chosen = chooser("dialog.png", "*.png").showSaveDialog(stage);
        if (chosen == null) return;
        try {
            charts.exportPng(chosen);
        } catch (IOException e) {
            error(e.getMessage());
        }
    }

    private void exportSeries() {
        File chosen = chooser("dialog.csv", "*.csv").showSaveDialog(stage);
        if (chosen == null) return;
        try {
            log.write(chosen.toPath(), run.scenario().servers().stream().map(ServerSpec::name).toList());
        } catch (IOException e) {
            error(e.getMessage());
        }
    }

    private FileChooser chooser(String descriptionKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(descriptionKey), patterns));
        File scenarios = new File("scenarios");
        if (scenarios.isDirectory()) chooser.setInitialDirectory(scenarios);
        return chooser;
    }

    private void error(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(messages.get("error.title"));
        PresenterMode.styleLike(stage, alert.getDialogPane());
        alert.showAndWait();
    }

    /** An action on the cluster shown: the one run's, or both sides' of the comparison at once. */
    private void control(Consumer<ClusterControl> action) {
        if (comparison != null) comparison.comparison().control(action); else run.control(action);
    }

    /** The running algorithm side by side with {@code other}, on the same requests from time 0. */
    private void compareWith(String other) {
        compare(run.latest().algorithm(), other);
    }

    /**
     * Shows the side-by-side comparison of {@code left} and {@code right} on the open scenario,
     * paused at time 0, in place of the one run (which pauses where it is).
     */
    void compare(String left, String right) {
        leaveComparison();
        run.pause();
        comparison = new CompareView(currentScenario, messages, left, right, this::leaveComparison);
        comparing.set(true);
        controls.setVisible(false);
        controls.setManaged(false);
        root.setCenter(comparison);
        root.setBottom(null);
        // The theory panel follows the one run, paused behind the comparison: out of sight meanwhile.
        root.setRight(null);
        comparison.start();
    }

    /** Back to the one run, where it was paused. */
    private void leaveComparison() {
        if (comparison == null) return;
        comparison.close();
        comparison = null;
        comparing.set(false);
        controls.setVisible(true);
        controls.setManaged(true);
        root.setCenter(topology);
        root.setBottom(charts);
        root.setRight(theory);
    }

    CompareView comparison() {
        return comparison;
    }

    /** File → Save scenario/lesson as…; tests save through it without the dialog. */
    ScenarioSaving saving() {
        if (saving == null) saving = new ScenarioSaving(stage, messages, () -> run, () -> currentFile, this::error);
        return saving;
    }

    // For tests: what a person sees.
    TopologyView topology() {
        return topology;
    }

    LiveCharts charts() {
        return charts;
    }

    ControlBar controls() {
        return controls;
    }

    BooleanProperty theoryShown() {
        return theoryShown;
    }

    PresenterMode presenter() {
        return presenter;
    }

    TimeSeriesLog log() {
        return log;
    }
}
