package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language of the window says everything: each translation has exactly the default
 * bundle's keys, and none leaves an English text behind.
 */
class MessagesTest {

    /** Texts that are the same in every language: a name, a symbol and a placeholder. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            "app.title",     // lbsim — {0}
            "counter.time",  // t = {0}
            "error.title",   // lbsim
            // The charts' marks that are symbols and names: +web-3, −web-3, → random, users 300/s
            "moment.ADDED", "moment.REMOVED", "moment.ALGORITHM_CHANGED", "moment.RATE_CHANGED");

    @ParameterizedTest
    @ValueSource(strings = {"messages_es.properties", "messages_pt_BR.properties"})
    void aTranslationHasEveryKeyOfTheDefaultBundleAndNoOther(String translation) throws IOException {
        assertThat(bundle(translation).keySet()).containsExactlyInAnyOrderElementsOf(bundle("messages.properties").keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_es.properties", "messages_pt_BR.properties"})
    void aTranslationLeavesNoEnglishBehind(String translation) throws IOException {
        Map<String, String> english = bundle("messages.properties");
        Map<String, String> translated = bundle(translation);
        Map<String, String> untranslated = new TreeMap<>();
        translated.forEach((key, text) -> {
            if (text.equals(english.get(key)) && !SAME_IN_EVERY_LANGUAGE.contains(key)) untranslated.put(key, text);
        });
        assertThat(untranslated).as("texts of %s still in English", translation).isEmpty();
        for (String key : SAME_IN_EVERY_LANGUAGE) {
            assertThat(translated.get(key)).as("%s is the same in every language", key).isEqualTo(english.get(key));
        }
    }

    @Test
    void theWindowStartsInTheSystemsLanguageWhenItHasIt() {
        assertThat(Messages.initialLocale(new Locale("pt", "BR"))).isEqualTo(Messages.PORTUGUESE);
        assertThat(Messages.initialLocale(new Locale("pt", "PT"))).as("the one Portuguese there is").isEqualTo(Messages.PORTUGUESE);
        assertThat(Messages.initialLocale(new Locale("pt"))).isEqualTo(Messages.PORTUGUESE);
        assertThat(Messages.initialLocale(new Locale("es", "AR"))).isEqualTo(Messages.SPANISH);
        assertThat(Messages.initialLocale(Locale.UK)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.initialLocale(Locale.FRANCE)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void portugueseTextsComeFromTheBrazilianBundle() {
        Messages messages = new Messages();
        messages.localeProperty().set(Messages.PORTUGUESE);
        assertThat(messages.get("control.play")).isEqualTo("Reproduzir");
        assertThat(messages.get("topology.balancer")).isEqualTo("Balanceador de carga");
        assertThat(messages.get("server.workers", 1, 2)).isEqualTo("trabalhadores ocupados 1/2");
    }

    @Test
    void theLanguageMenuNamesEachLanguageInItself() {
        assertThat(Messages.SUPPORTED).extracting(Messages::displayName)
                .containsExactly("English", "Español", "Português (Brasil)");
    }

    /**
     * Every key the window's code names — in {@code messages.get}, {@code text}, a menu, a button
     * or the keys sheet — is in the default bundle, and so (by the test above) in every
     * translation. A key is any string literal whose first part is a first part of the bundle's
     * keys ({@code "menu."}, {@code "keys."}, ...); keys built at run time ({@code "state." + condition})
     * are checked where they are built.
     */
    @Test
    void everyKeyTheWindowNamesIsInTheBundles() throws IOException {
        Set<String> keys = bundle("messages.properties").keySet();
        Set<String> prefixes = new java.util.TreeSet<>();
        keys.forEach(key -> prefixes.add(key.substring(0, key.indexOf('.'))));
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"(" + String.join("|", prefixes) + ")\\.[A-Za-z.-]+\"");
        Set<String> named = new java.util.TreeSet<>();
        try (var sources = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/org/lbsim/ui"))) {
            for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = literal.matcher(java.nio.file.Files.readString(source));
                while (matcher.find()) named.add(matcher.group().substring(1, matcher.group().length() - 1));
            }
        }
        assertThat(named).as("keys the window names").contains("control.play", "keys.fail", "menu.presenter");
        assertThat(keys).containsAll(named);
    }

    /** Every condition an instance can be in has its word on the card, in every language. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_es.properties", "messages_pt_BR.properties"})
    void everyConditionHasItsWord(String name) throws IOException {
        Map<String, String> bundle = bundle(name);
        for (String condition : List.of("up", "crash", "slowdown", "black-hole", "unreachable", "booting", "terminated")) {
            assertThat(bundle).containsKey("state." + condition);
        }
    }

    /** A bundle's own entries, read as the file says them (a ResourceBundle would fill gaps from its parent). */
    private static Map<String, String> bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/lbsim/ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> entries = new TreeMap<>();
        properties.forEach((key, value) -> entries.put((String) key, (String) value));
        return entries;
    }
}
