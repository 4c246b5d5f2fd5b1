package org.lbsim.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.experiment.LiveRun;

/**
 * Play, pause, step, reset, speed, the algorithm (switched live), the arrival rate of the
 * main client population, and which instance the keys act on. Every control goes through
 * {@link LiveRun}. It wraps onto a second row when the window is too narrow for its type.
 */
final class ControlBar extends FlowPane {


    private final ComboBox<String> algorithm = new ComboBox<>();
    private final Button playPause = new Button();
    private final Label selectedInstance = new Label();
    private final LiveRun run;
    private final Runnable onReset;
    private final Messages messages;
    private final BarControls controls;
    private boolean showingPause;
    /** The algorithm the simulation last reported, to follow its changes without undoing the user's. */
    private String reportedAlgorithm;
    private boolean updatingFromRun;
    private int addedInstances;

    ControlBar(LiveRun run, Messages messages, Runnable onReset) {
        this.messages = messages;
        this.controls = new BarControls(messages);
        this.run = run;
        this.onReset = onReset;
        setHgap(14);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 4, 6));

        playPause.setId("play");
        playPause.setMinWidth(USE_PREF_SIZE);
        playPause.textProperty().bind(messages.text("control.play"));
        playPause.setOnAction(e -> playOrPause());
        Button step = controls.button("step", "control.step", this::step);
        Button reset = controls.button("reset", "control.reset", this::reset);

        Label speedLabel = controls.label("control.speed");
        ComboBox<Double> speed = SpeedChoice.create("speed", messages, run::setSpeed);

        Label algorithmLabel = controls.label("control.algorithm");
        algorithm.setId("algorithm");
        for (AlgorithmInfo info : Algorithms.standard().all()) algorithm.getItems().add(info.name());
        algorithm.setValue(run.scenario().balancer().algorithm());
        algorithm.valueProperty().addListener((o, old, name) -> {
            if (name != null && !name.equals(old) && !updatingFromRun) run.control(c -> c.setAlgorithm(name));
        });

        String template = run.scenario().servers().get(0).name();
        Button add = controls.button("add-server", "control.addServer", () -> {
            String name = template + "-new-" + (++addedInstances);
            run.control(c -> c.addServer(name, template));
        });
        // In em, so that the boxes grow with the type in presenter mode.
        speed.setStyle("-fx-pref-width: 13em;");
        algorithm.setStyle("-fx-pref-width: 16em;");
        getChildren().addAll(group(playPause, step, reset), group(speedLabel, speed), group(algorithmLabel, algorithm), add);

        // The rate slider drives the first open client through the balancer; closed-loop users
        // have no rate to set.
        ClientSpec main = run.scenario().clients().stream()
                .filter(c -> c.targetsBalancer() && c.arrivals() instanceof ArrivalSpec.Open).findFirst().orElse(null);
        if (main != null) {
            double initial = ((ArrivalSpec.Open) main.arrivals()).rate();
            Slider rate = new Slider(Math.max(initial / 20, 0.1), initial * 3, initial);
            rate.setId("rate");
            rate.setPrefWidth(160);
            // The rate as a number to read, or to type (Enter sends it): a figure the slider cannot hit.
            TextField value = new TextField(String.format("%.0f", initial));
            value.setId("rate-value");
            value.setStyle("-fx-pref-column-count: 4;");
            rate.valueProperty().addListener((o, old, v) -> value.setText(String.format("%.0f", v.doubleValue())));
            rate.valueChangingProperty().addListener((o, was, changing) -> {
                if (!changing) send(run, main.name(), rate.getValue());
            });
            rate.setOnMouseReleased(e -> send(run, main.name(), rate.getValue()));
            value.setOnAction(e -> typed(value, rate, main.name()));
            // On a narrow window the slider gives up width, never the client's name ("use…").
            Label client = new Label(main.name() + ":");
            client.setMinWidth(USE_PREF_SIZE);
            rate.setMinWidth(60);
            getChildren().add(group(controls.label("control.rate"), client, rate, value, new Label("/s")));
        }
        selectedInstance.setId("selected-instance");
        selectedInstance.setMinWidth(USE_PREF_SIZE);
        showSelected(null);
        getChildren().add(group(controls.label("control.selected"), selectedInstance));
    }

    /** A rate typed into the field: sent when it is a positive number, else the field shows the rate in force again. */
    private void typed(TextField value, Slider rate, String client) {
        double typed;
        try {
            typed = Double.parseDouble(value.getText().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            typed = Double.NaN;
        }
        if (!(typed > 0) || Double.isInfinite(typed)) {
            value.setText(String.format("%.0f", rate.getValue()));
            return;
        }
        if (typed > rate.getMax()) rate.setMax(typed);
        if (typed < rate.getMin()) rate.setMin(typed);
        rate.setValue(typed);
        send(run, client, typed);
        rate.requestFocus(); // out of the field: the window's keys work again
    }

    /** Controls that belong together stay together on one row when the bar wraps. */
    private static HBox group(javafx.scene.Node... nodes) {
        HBox group = new HBox(8, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    /** Play or Pause, whichever the button offers. */
    void playOrPause() {
        if (run.isPlaying() || showingPause) run.pause(); else run.play();
    }

    void step() {
        run.step();
    }

    /** Starts the scenario over; the instances are drawn afresh, none selected. */
    void reset() {
        run.reset();
        showSelected(null);
        onReset.run();
    }

    /** Shows which instance the keys F and U act on ({@code null}: none). */
    void showSelected(String instance) {
        selectedInstance.setText(instance == null ? "—" : instance);
    }

    String selectedShown() {
        return selectedInstance.getText();
    }

    private static void send(LiveRun run, String client, double rate) {
        run.control(c -> c.setRate(client, rate));
    }

    /** Reflects the run's state: the play button's label and the algorithm in use. */
    void show(boolean playing, String algorithmInUse) {
        if (playing != showingPause) {
            showingPause = playing;
            playPause.textProperty().bind(messages.text(playing ? "control.pause" : "control.play"));
        }
        // Follow changes made by the run itself (a scripted set-algorithm); a choice the user
        // just made is not undone while the simulation has yet to apply it.
        if (!algorithmInUse.equals(reportedAlgorithm)) {
            reportedAlgorithm = algorithmInUse;
            updatingFromRun = true;
            algorithm.setValue(algorithmInUse);
            updatingFromRun = false;
        }
    }
}
