package org.lbsim.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI's texts in English and Spanish, from resource bundles. The language follows the
 * system locale and can be switched live: every label is bound to {@link #text}, so switching
 * relabels the whole window.
 */
final class Messages {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("es"));

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(initialLocale());

    private static Locale initialLocale() {
        return "es".equals(Locale.getDefault().getLanguage()) ? new Locale("es") : Locale.ENGLISH;
    }

    ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    /** The text for {@code key} in the current language, formatted with {@code arguments}. */
    String get(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("org.lbsim.ui.messages", locale.get()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(arguments);
    }

    /** A binding that follows the language. */
    StringBinding text(String key, Object... arguments) {
        return Bindings.createStringBinding(() -> get(key, arguments), locale);
    }
}
