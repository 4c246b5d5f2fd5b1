package org.lbsim.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * Help → Keys: the sheet of the window's keys ({@link KeyboardShortcuts#ALL}), in the window's
 * language. It does not block the window: the keys can be tried with the sheet open beside it.
 */
final class KeysSheet {

    private final Stage owner;
    private final Messages messages;

    KeysSheet(Stage owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    MenuItem menuItem() {
        MenuItem item = new MenuItem();
        item.setId("keys");
        item.textProperty().bind(messages.text("menu.keys"));
        item.setOnAction(e -> show());
        return item;
    }

    void show() {
        Alert sheet = new Alert(Alert.AlertType.INFORMATION);
        sheet.initOwner(owner);
        sheet.initModality(Modality.NONE);
        sheet.setTitle(messages.get("keys.title"));
        sheet.setHeaderText(messages.get("keys.title"));
        sheet.getDialogPane().setId("keys-sheet");
        sheet.getDialogPane().setContent(table());
        PresenterMode.styleLike(owner, sheet.getDialogPane());
        sheet.show();
    }

    private GridPane table() {
        GridPane table = new GridPane();
        table.setHgap(24);
        table.setVgap(6);
        table.setPadding(new Insets(8, 16, 8, 16));
        int row = 0;
        for (KeyboardShortcuts.Shortcut shortcut : KeyboardShortcuts.ALL) {
            Label key = new Label(shortcut.nameKey() == null ? shortcut.key() : messages.get(shortcut.nameKey()));
            key.setStyle("-fx-font-weight: bold;");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(messages.get(shortcut.descriptionKey()));
            what.setWrapText(true);
            table.addRow(row++, key, what);
        }
        Label note = new Label(messages.get("keys.note"));
        note.setWrapText(true);
        note.setPadding(new Insets(8, 0, 0, 0));
        table.add(note, 0, row, 2, 1);
        return table;
    }
}
