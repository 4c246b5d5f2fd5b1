package org.lbsim.ui;

import java.util.function.DoubleConsumer;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.lbsim.experiment.LiveRun;

/** The simulation's speed as a choice of simulated seconds per wall second, ×1 to as fast as possible. */
final class SpeedChoice {

    private static final double[] SPEEDS = {1, 10, 100, 1000, LiveRun.AS_FAST_AS_POSSIBLE};

    private SpeedChoice() {
    }

    /** A box offering the speeds, at ×1, that tells {@code setSpeed} each one chosen. */
    static ComboBox<Double> create(String id, Messages messages, DoubleConsumer setSpeed) {
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId(id);
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
        speed.valueProperty().addListener((o, old, value) -> setSpeed.accept(value));
        return speed;
    }
}
