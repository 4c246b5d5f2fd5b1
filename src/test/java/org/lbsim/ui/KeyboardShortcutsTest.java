package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The number keys, on the main row and on the pad; the rest of the keys are driven in {@link KeysAndPresenterTest}. */
class KeyboardShortcutsTest {

    @Test
    void oneToNineOnEitherRowAreInstanceNumbers() {
        assertThat(KeyboardShortcuts.digit(KeyCode.DIGIT1)).isEqualTo(1);
        assertThat(KeyboardShortcuts.digit(KeyCode.DIGIT9)).isEqualTo(9);
        assertThat(KeyboardShortcuts.digit(KeyCode.NUMPAD2)).isEqualTo(2);
        assertThat(KeyboardShortcuts.digit(KeyCode.DIGIT0)).as("no instance 0").isZero();
        assertThat(KeyboardShortcuts.digit(KeyCode.F)).isZero();
        assertThat(KeyboardShortcuts.digit(KeyCode.F1)).as("a function key is no digit").isZero();
    }

    @Test
    void theKeysSheetListsEveryKeyOnce() {
        assertThat(KeyboardShortcuts.ALL).extracting(KeyboardShortcuts.Shortcut::key)
                .containsExactly("Space", "S", "R", "1 – 9", "F", "U", "F11", "Esc");
        assertThat(KeyboardShortcuts.ALL).extracting(KeyboardShortcuts.Shortcut::descriptionKey).doesNotHaveDuplicates();
    }
}
