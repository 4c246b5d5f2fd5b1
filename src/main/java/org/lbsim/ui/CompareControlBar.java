package org.lbsim.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.experiment.LiveComparison;

/**
 * The comparison's controls, which drive both sides at once: play, pause, step, reset, speed,
 * add instance, the arrival rate of the main client population, and the way back to one run.
 * Each side's algorithm has its own menu, above its side.
 */
final class CompareControlBar extends HBox {


    private final Messages messages;
    private final BarControls controls;
    private final LiveComparison comparison;
    private final Runnable onReset;
    private final Button playPause = new Button();
    private boolean showingPause;
    private int addedInstances;

    CompareControlBar(LiveComparison comparison, Messages messages, Runnable onReset, Runnable onLeave) {
        this.messages = messages;
        this.controls = new BarControls(messages);
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6));

        playPause.setId("compare-play");
        playPause.setMinWidth(USE_PREF_SIZE);
        playPause.textProperty().bind(messages.text("control.play"));
        this.comparison = comparison;
        this.onReset = onReset;
        playPause.setOnAction(e -> playOrPause());
        Button step = controls.button("compare-step", "control.step", comparison::step);
        Button reset = controls.button("compare-reset", "control.reset", this::reset);
        ComboBox<Double> speed = SpeedChoice.create("compare-speed", messages, comparison::setSpeed);

        String template = comparison.scenario().servers().get(0).name();
        Button add = controls.button("compare-add-server", "control.addServer", () -> {
            String name = template + "-new-" + (++addedInstances);
            comparison.control(c -> c.addServer(name, template));
        });
        getChildren().addAll(playPause, step, reset, controls.label("control.speed"), speed, add);

        ClientSpec main = comparison.scenario().clients().stream()
                .filter(c -> c.targetsBalancer() && c.arrivals() instanceof ArrivalSpec.Open).findFirst().orElse(null);
        if (main != null) {
            double initial = ((ArrivalSpec.Open) main.arrivals()).rate();
            Slider rate = new Slider(Math.max(initial / 20, 0.1), initial * 3, initial);
            rate.setId("compare-rate");
            rate.setPrefWidth(140);
            rate.setMinWidth(60);
            Label value = new Label(String.format("%.0f/s", initial));
            value.setMinWidth(55);
            rate.valueProperty().addListener((o, old, v) -> value.setText(String.format("%.0f/s", v.doubleValue())));
            Runnable send = () -> {
                double chosen = rate.getValue();
                comparison.control(c -> c.setRate(main.name(), chosen));
            };
            rate.valueChangingProperty().addListener((o, was, changing) -> {
                if (!changing) send.run();
            });
            rate.setOnMouseReleased(e -> send.run());
            Label client = new Label(main.name() + ":");
            client.setMinWidth(USE_PREF_SIZE);
            getChildren().addAll(controls.label("control.rate"), client, rate, value);
        }
        getChildren().add(controls.button("compare-leave", "compare.leave", onLeave));
    }

    void playOrPause() {
        if (comparison.isPlaying() || showingPause) comparison.pause(); else comparison.play();
    }

    /** Starts both sides over from time 0. */
    void reset() {
        comparison.reset();
        onReset.run();
    }

    /** Reflects whether the comparison plays: the play button's label. */
    void show(boolean playing) {
        if (playing != showingPause) {
            showingPause = playing;
            playPause.textProperty().bind(messages.text(playing ? "control.pause" : "control.play"));
        }
    }
}
