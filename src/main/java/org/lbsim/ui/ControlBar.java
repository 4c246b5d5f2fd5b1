package org.lbsim.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.experiment.LiveRun;

/**
 * Play, pause, step, reset, speed, the algorithm (switched live) and the arrival rate of the
 * main client population. Every control goes through {@link LiveRun}.
 */
final class ControlBar extends HBox {

    private static final double[] SPEEDS = {1, 10, 100, 1000, LiveRun.AS_FAST_AS_POSSIBLE};

    private final ComboBox<String> algorithm = new ComboBox<>();
    private final Button playPause = new Button();
    private final Messages messages;
    private boolean showingPause;
    /** The algorithm the simulation last reported, to follow its changes without undoing the user's. */
    private String reportedAlgorithm;
    private boolean updatingFromRun;
    private int addedInstances;

    ControlBar(LiveRun run, Messages messages, Runnable onReset) {
        this.messages = messages;
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6));

        playPause.setId("play");
        playPause.setMinWidth(USE_PREF_SIZE);
        playPause.textProperty().bind(messages.text("control.play"));
        playPause.setOnAction(e -> {
            if (run.isPlaying() || showingPause) run.pause(); else run.play();
        });
        Button step = button("step", "control.step", () -> run.step());
        Button reset = button("reset", "control.reset", () -> {
            run.reset();
            onReset.run();
        });

        Label speedLabel = label("control.speed");
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        for (double s : SPEEDS) speed.getItems().add(s);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                if (value == null) return "";
                return value.isInfinite() ? messages.get("control.fastest") : "×" + value.intValue();
            }

            @Override
            public Double fromString(String text) {
                return null;
            }
        });
        speed.setValue(1.0);
        speed.valueProperty().addListener((o, old, value) -> run.setSpeed(value));

        Label algorithmLabel = label("control.algorithm");
        algorithm.setId("algorithm");
        for (AlgorithmInfo info : Algorithms.standard().all()) algorithm.getItems().add(info.name());
        algorithm.setValue(run.scenario().balancer().algorithm());
        algorithm.valueProperty().addListener((o, old, name) -> {
            if (name != null && !name.equals(old) && !updatingFromRun) run.control(c -> c.setAlgorithm(name));
        });

        String template = run.scenario().servers().get(0).name();
        Button add = button("add-server", "control.addServer", () -> {
            String name = template + "-new-" + (++addedInstances);
            run.control(c -> c.addServer(name, template));
        });
        speed.setPrefWidth(180);
        algorithm.setPrefWidth(220);
        getChildren().addAll(playPause, step, reset, speedLabel, speed, algorithmLabel, algorithm, add);

        // The rate slider drives the first open client through the balancer; closed-loop users
        // have no rate to set.
        ClientSpec main = run.scenario().clients().stream()
                .filter(c -> c.targetsBalancer() && c.arrivals() instanceof ArrivalSpec.Open).findFirst().orElse(null);
        if (main != null) {
            double initial = ((ArrivalSpec.Open) main.arrivals()).rate();
            Slider rate = new Slider(Math.max(initial / 20, 0.1), initial * 3, initial);
            rate.setId("rate");
            rate.setPrefWidth(160);
            Label value = new Label(String.format("%.0f/s", initial));
            value.setMinWidth(60);
            rate.valueProperty().addListener((o, old, v) -> value.setText(String.format("%.0f/s", v.doubleValue())));
            rate.valueChangingProperty().addListener((o, was, changing) -> {
                if (!changing) send(run, main.name(), rate.getValue());
            });
            rate.setOnMouseReleased(e -> send(run, main.name(), rate.getValue()));
            // On a narrow window the slider gives up width, never the client's name ("use…").
            Label client = new Label(main.name() + ":");
            client.setMinWidth(USE_PREF_SIZE);
            rate.setMinWidth(60);
            getChildren().addAll(label("control.rate"), client, rate, value);
        }
    }

    private static void send(LiveRun run, String client, double rate) {
        run.control(c -> c.setRate(client, rate));
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setMinWidth(USE_PREF_SIZE); // never "Pa…": labels are longer in Spanish and Portuguese
        button.setId(id);
        button.textProperty().bind(messages.text(key));
        button.setOnAction(e -> action.run());
        return button;
    }

    private Label label(String key) {
        Label label = new Label();
        label.setMinWidth(USE_PREF_SIZE);
        label.textProperty().bind(messages.text(key));
        return label;
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
