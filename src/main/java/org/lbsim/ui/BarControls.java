package org.lbsim.ui;

import static javafx.scene.layout.Region.USE_PREF_SIZE;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Makes the buttons and labels of the control bars, their text following the window's language. */
final class BarControls {

    private final Messages messages;

    BarControls(Messages messages) {
        this.messages = messages;
    }

    Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setMinWidth(USE_PREF_SIZE); // never "Pa…": labels are longer in Spanish and Portuguese
        button.setId(id);
        button.textProperty().bind(messages.text(key));
        button.setOnAction(e -> action.run());
        return button;
    }

    Label label(String key) {
        Label label = new Label();
        label.setMinWidth(USE_PREF_SIZE);
        label.textProperty().bind(messages.text(key));
        return label;
    }
}
