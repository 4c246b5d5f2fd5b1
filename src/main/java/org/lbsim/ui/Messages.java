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
 * The UI's texts in English, Spanish and Brazilian Portuguese, from resource bundles. The
 * language follows the system locale and can be switched live: every label is bound to
 * {@link #text}, so switching relabels the whole window.
 */
final class Messages {

    static final Locale SPANISH = new Locale("es");
    static final Locale PORTUGUESE = new Locale("pt", "BR");
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SPANISH, PORTUGUESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(initialLocale(Locale.getDefault()));

    /**
     * The supported language of the system's locale, English otherwise. Any Portuguese gets
     * Brazil's, the one translated; any Spanish gets the one Spanish.
     */
    static Locale initialLocale(Locale system) {
        return SUPPORTED.stream().filter(supported -> supported.getLanguage().equals(system.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    /** A language's name as the Language menu lists it: in that language, capitalised ("Português (Brasil)"). */
    static String displayName(Locale language) {
        String name = language.getDisplayName(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
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
