package org.lbsim.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.ComparisonSnapshot;
import org.lbsim.experiment.IntervalRecorder;
import org.lbsim.experiment.LiveComparison;
import org.lbsim.experiment.LiveComparison.Side;
import org.lbsim.experiment.PairedDifference;

/**
 * The side-by-side view: two copies of the cluster on the same requests, one per algorithm,
 * each drawn small with its own algorithm menu and counters; the instance controls and the
 * control bar, which act on both; the difference that matters in one line; and charts that
 * overlay both sides. It owns its {@link LiveComparison} and reads its latest snapshots at most
 * 30 times a second, as the main window does for one run.
 */
final class CompareView extends VBox implements KeyTarget {

    private static final double FRAME_SECONDS = 1.0 / 30;
    private static final double CHART_SECONDS = 0.1;
    private static final double CHART_MIN_SIM_SECONDS = 0.5;
    /** The sides' colours, as in the charts (Okabe–Ito blue and vermilion). */
    private static final String[] SIDE_COLOURS = {Palette.css(Palette.BLUE), Palette.css(Palette.VERMILION)};

    private final LiveComparison comparison;
    private final Messages messages;
    private final CompareControlBar controls;
    private final Map<Side, CompactTopology> topologies = new EnumMap<>(Side.class);
    private final Map<Side, ComboBox<String>> algorithms = new EnumMap<>(Side.class);
    /** The algorithm each side last reported, to follow its changes without undoing the user's. */
    private final Map<Side, String> reported = new EnumMap<>(Side.class);
    private final InstanceControls instances;
    private final Label difference = new Label();
    private final CompareCharts charts;
    private boolean updatingFromRun;
    private ComparisonSnapshot shown;
    private ComparisonSnapshot charted;
    private IntervalRecorder leftRecorder;
    private IntervalRecorder rightRecorder;
    private double lastFrame;
    private double lastChart;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long nanos) {
            frame(nanos / 1e9);
        }
    };

    CompareView(Scenario scenario, Messages messages, String left, String right, Runnable onLeave) {
        this.messages = messages;
        this.comparison = new LiveComparison(scenario, Algorithms.standard(), left, right);
        Consumer<Consumer<ClusterControl>> both = comparison::control;
        controls = new CompareControlBar(comparison, messages, this::clearHistory, onLeave);
        HBox sides = new HBox(6, side(Side.LEFT, scenario), side(Side.RIGHT, scenario));
        sides.setPadding(new Insets(0, 4, 0, 4));
        VBox.setVgrow(sides, Priority.ALWAYS);
        instances = new InstanceControls(messages, both);
        difference.setId("difference");
        difference.setWrapText(true);
        difference.setMaxWidth(Double.MAX_VALUE);
        difference.setPadding(new Insets(2, 8, 2, 8));
        difference.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        charts = new CompareCharts(messages);
        getChildren().addAll(controls, sides, instances, difference, charts);
        setSpacing(2);
        clearHistory();
    }

    private VBox side(Side side, Scenario scenario) {
        int index = side.ordinal();
        Line sample = new Line(0, 0, 34, 0);
        sample.setStrokeWidth(4);
        sample.setStyle("-fx-stroke: " + SIDE_COLOURS[index] + ";");
        if (side == Side.RIGHT) sample.getStrokeDashArray().addAll(10.0, 6.0);
        Label title = new Label();
        title.setMinWidth(USE_PREF_SIZE);
        title.textProperty().bind(messages.text("control.algorithm"));
        ComboBox<String> menu = new ComboBox<>();
        menu.setId("algorithm-" + side.name().toLowerCase(java.util.Locale.ROOT));
        for (AlgorithmInfo info : Algorithms.standard().all()) menu.getItems().add(info.name());
        menu.setValue(comparison.latest().side(side).algorithm());
        menu.setPrefWidth(220);
        menu.valueProperty().addListener((o, old, name) -> {
            if (name != null && !name.equals(old) && !updatingFromRun) comparison.setAlgorithm(side, name);
        });
        algorithms.put(side, menu);
        HBox header = new HBox(8, sample, title, menu);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 4, 2, 4));
        CompactTopology topology = new CompactTopology(scenario, messages);
        topology.setId("topology-" + side.name().toLowerCase(java.util.Locale.ROOT));
        topologies.put(side, topology);
        VBox.setVgrow(topology, Priority.ALWAYS);
        VBox box = new VBox(header, topology);
        box.setStyle("-fx-border-color: " + SIDE_COLOURS[index] + "; -fx-border-width: 2; -fx-border-radius: 4;");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(640);
        box.setMinWidth(0);
        return box;
    }

    void start() {
        comparison.start();
        frames.start();
    }

    void close() {
        frames.stop();
        comparison.close();
    }

    @Override
    public void playOrPause() {
        controls.playOrPause();
    }

    @Override
    public void step() {
        comparison.step();
    }

    @Override
    public void reset() {
        controls.reset();
    }

    @Override
    public Optional<String> select(int position) {
        return instances.select(position);
    }

    @Override
    public Optional<String> selected() {
        return instances.selected();
    }

    @Override
    public void control(Consumer<ClusterControl> action) {
        comparison.control(action);
    }

    LiveComparison comparison() {
        return comparison;
    }

    private void clearHistory() {
        shown = null;
        charted = null;
        charts.clear();
    }

    private void frame(double now) {
        if (now - lastFrame >= FRAME_SECONDS) {
            lastFrame = now;
            ComparisonSnapshot snapshot = comparison.latest();
            if (snapshot != shown) show(snapshot, now);
        }
        topologies.values().forEach(topology -> topology.redraw(now));
    }

    private void show(ComparisonSnapshot snapshot, double now) {
        boolean restarted = shown == null || snapshot.time() < shown.time();
        for (Side side : Side.values()) {
            ClusterSnapshot state = snapshot.side(side);
            FlowRates rates = restarted ? null : FlowRates.between(shown.side(side), state);
            PairedDifference.Outcomes outcomes = snapshot.difference()
                    .map(d -> side == Side.LEFT ? d.first() : d.second()).orElse(null);
            topologies.get(side).show(state, rates, outcomes);
            follow(side, state.algorithm());
        }
        instances.show(snapshot.left());
        controls.show(comparison.isPlaying());
        double warmup = comparison.scenario().warmup();
        difference.setText(snapshot.difference().map(d -> DifferenceText.describe(messages, d, warmup))
                .orElseGet(() -> DifferenceText.waiting(messages, warmup)));
        charts.name(snapshot.left().algorithm(), snapshot.right().algorithm());
        // Keep the snapshot the flow rates start from unless no simulated time passed since it.
        if (restarted || FlowRates.between(shown.left(), snapshot.left()) != null) shown = snapshot;
        chart(snapshot, now);
    }

    /** Follows a side's algorithm as the simulation reports it, without undoing a choice it has yet to apply. */
    private void follow(Side side, String algorithm) {
        if (algorithm.equals(reported.get(side))) return;
        reported.put(side, algorithm);
        updatingFromRun = true;
        algorithms.get(side).setValue(algorithm);
        updatingFromRun = false;
    }

    /** One chart point per side per chart interval, both over the same simulated interval. */
    private void chart(ComparisonSnapshot snapshot, double now) {
        if (charted == null || snapshot.time() < charted.time()) {
            charted = snapshot;
            leftRecorder = new IntervalRecorder(snapshot.left());
            rightRecorder = new IntervalRecorder(snapshot.right());
            comparison.latencyTaken();
            return;
        }
        if (now - lastChart < CHART_SECONDS || snapshot.time() - charted.time() < CHART_MIN_SIM_SECONDS) return;
        charts.add(leftRecorder.next(snapshot.left()), rightRecorder.next(snapshot.right()));
        charted = snapshot;
        lastChart = now;
        comparison.latencyTaken();
    }

    // For tests: what a person sees.
    CompareCharts charts() {
        return charts;
    }

    String differenceText() {
        return difference.getText();
    }
}
