package org.lbsim.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;

/**
 * Presenter mode, for a projector: full screen and larger type (View → Presenter, or F11).
 * Leaving full screen any way — F11 again, the menu, or Esc, which JavaFX handles itself —
 * leaves presenter mode, type included.
 */
final class PresenterMode {

    /** The stylesheet that enlarges the type; the window and its dialogs take it while the mode is on. */
    static final String STYLESHEET = PresenterMode.class.getResource("presenter.css").toExternalForm();

    private final Stage stage;
    private final Messages messages;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final List<BooleanProperty> hidden = new ArrayList<>();
    private final List<Boolean> shownBefore = new ArrayList<>();

    PresenterMode(Stage stage, Messages messages) {
        this.stage = stage;
        this.messages = messages;
        on.addListener((o, was, now) -> apply(now));
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full) on.set(false);
        });
    }

    /**
     * Hides a part of the window while presenting and gives it back as it was afterwards: at
     * 1280×720 the larger type needs the room (the teacher may still show it from the menu).
     */
    void hideWhilePresenting(BooleanProperty shown) {
        hidden.add(shown);
        shownBefore.add(shown.get());
    }

    private void apply(boolean presenting) {
        for (int i = 0; i < hidden.size(); i++) {
            if (presenting) {
                shownBefore.set(i, hidden.get(i).get());
                hidden.get(i).set(false);
            } else {
                hidden.get(i).set(shownBefore.get(i));
            }
        }
        List<String> sheets = stage.getScene().getStylesheets();
        if (presenting) {
            if (!sheets.contains(STYLESHEET)) sheets.add(STYLESHEET);
            stage.setFullScreenExitHint(messages.get("view.exitPresenter"));
        } else {
            sheets.remove(STYLESHEET);
        }
        stage.setFullScreen(presenting);
    }

    BooleanProperty onProperty() {
        return on;
    }

    void toggle() {
        on.set(!on.get());
    }

    /** View → Presenter, ticked while the mode is on, with F11 as its key. */
    MenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem();
        item.setId("presenter");
        item.textProperty().bind(messages.text("menu.presenter"));
        item.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        item.selectedProperty().bindBidirectional(on);
        return item;
    }

    /** Gives a dialog of the window the window's type: large in presenter mode. */
    static void styleLike(Stage owner, javafx.scene.control.DialogPane pane) {
        if (owner.getScene() != null) pane.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
}
