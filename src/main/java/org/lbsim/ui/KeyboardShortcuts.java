package org.lbsim.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys, for a teacher at the projector with no mouse at hand: space plays or
 * pauses, S steps, R resets, 1–9 select an instance, F fails the selected instance and U
 * recovers it. Each does what its button does.
 *
 * <p>The keys are caught before any control sees them, so that space never also presses the
 * button that has the focus; and they are left alone while the focus is where one types (the
 * rate field) or in an editable box, and when Ctrl, Alt or Meta is held.
 */
final class KeyboardShortcuts {

    /**
     * One key and what it does, for the keys sheet: the key as printed on it, or (when
     * {@code nameKey} is not null) the message key of its name, which differs by language.
     */
    record Shortcut(String key, String nameKey, String descriptionKey) {
        Shortcut(String key, String descriptionKey) {
            this(key, null, descriptionKey);
        }
    }

    /** The keys in the order the Help → Keys sheet lists them. */
    static final List<Shortcut> ALL = List.of(
            new Shortcut("Space", "keys.space", "keys.playPause"),
            new Shortcut("S", "keys.step"),
            new Shortcut("R", "keys.reset"),
            new Shortcut("1 – 9", "keys.select"),
            new Shortcut("F", "keys.fail"),
            new Shortcut("U", "keys.recover"),
            new Shortcut("F11", "keys.presenter"),
            new Shortcut("Esc", "keys.leavePresenter"));

    /** What the keys act on, asked at each key: the window replaces it when a scenario is opened, reset or compared. */
    private final Supplier<KeyTarget> target;

    private KeyboardShortcuts(Supplier<KeyTarget> target) {
        this.target = target;
    }

    /** Puts the keys on {@code scene}, acting on what the window shows at the time of the key. */
    static void install(Scene scene, Supplier<KeyTarget> target) {
        KeyboardShortcuts keys = new KeyboardShortcuts(target);
        EventHandler<KeyEvent> pressed = event -> {
            if (keys.applies(scene, event) && keys.act(event.getCode())) event.consume();
        };
        // A focused button is pressed by space on release: that half is caught too.
        EventHandler<KeyEvent> released = event -> {
            if (event.getCode() == KeyCode.SPACE && keys.applies(scene, event)) event.consume();
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, released);
    }

    /** The key is one of ours to take: no modifier but Shift, and the focus not where one types. */
    private boolean applies(Scene scene, KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) return false;
        return !typing(scene.getFocusOwner());
    }

    /** A text field, or an editable box, or something inside one, has the focus. */
    static boolean typing(Node focused) {
        for (Node node = focused; node != null; node = node.getParent()) {
            if (node instanceof TextInputControl field && field.isEditable()) return true;
            if (node instanceof ComboBoxBase<?> box && box.isEditable()) return true;
        }
        return false;
    }

    /** Does what {@code key} stands for; false when it stands for nothing here. */
    private boolean act(KeyCode key) {
        KeyTarget shown = target.get();
        int digit = digit(key);
        if (digit > 0) {
            shown.select(digit);
            return true;
        }
        switch (key) {
            case SPACE -> shown.playOrPause();
            case S -> shown.step();
            case R -> shown.reset();
            // Through the same control as the instance's buttons; nothing when no instance is selected.
            case F -> shown.selected().ifPresent(name -> shown.control(c -> c.fail(name)));
            case U -> shown.selected().ifPresent(name -> shown.control(c -> c.recover(name)));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 1 to 9 for the digit keys of the main row and of the number pad, 0 for any other key. */
    static int digit(KeyCode key) {
        if (key.isDigitKey() && key.getName().length() > 0) {
            char last = key.getName().charAt(key.getName().length() - 1);
            if (last >= '1' && last <= '9') return last - '0';
        }
        return 0;
    }
}
