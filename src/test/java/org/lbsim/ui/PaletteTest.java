package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The window's colours: named once, in {@link Palette}; every colour that carries a signal is
 * one of Okabe and Ito's eight; and every state told by colour is told by a shape too.
 */
class PaletteTest {

    /** Okabe and Ito's palette, as published ("Color Universal Design", 2002). */
    private static final Set<String> OKABE_ITO = Set.of(
            "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000");
    /** Colours that carry no signal: text, backgrounds, routes. */
    private static final Set<String> NEUTRALS = Set.of("INK", "CANVAS", "ROUTE", "NEUTRAL", "NO_GROUP", "CARD_BORDER");

    @Test
    void everySignalColourIsOkabeIto() throws IllegalAccessException {
        Map<String, String> signals = new TreeMap<>();
        for (Field field : Palette.class.getDeclaredFields()) {
            if (field.getType() == Color.class && Modifier.isStatic(field.getModifiers()) && !NEUTRALS.contains(field.getName())) {
                signals.put(field.getName(), Palette.css((Color) field.get(null)));
            }
        }
        assertThat(signals).containsKeys("SERVED", "DENIED", "REJECTED", "LOST", "GOOD", "BAD", "DEGRADED", "SELECTED");
        assertThat(signals.values()).allMatch(OKABE_ITO::contains);
    }

    @Test
    void neutralsAreGreys() throws ReflectiveOperationException {
        for (String name : NEUTRALS) {
            Color color = (Color) Palette.class.getDeclaredField(name).get(null);
            assertThat(color.getSaturation()).as(name).isLessThan(0.2);
        }
    }

    /** No colour is written anywhere else in the window's code: a new one goes through the palette. */
    @Test
    void noColourIsWrittenOutsideThePalette() throws IOException {
        Pattern colour = Pattern.compile("#[0-9A-Fa-f]{6}\\b|#[0-9A-Fa-f]{3}\\b|Color\\.(web|rgb|hsb|color)\\(|Color\\.(?!WHITE\\b|TRANSPARENT\\b)[A-Z]{3,}\\b");
        List<String> found = new ArrayList<>();
        try (var sources = Files.walk(Path.of("src/main/java/org/lbsim/ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Palette.java")).toList()) {
                Matcher matcher = colour.matcher(Files.readString(source));
                while (matcher.find()) found.add(source.getFileName() + ": " + matcher.group());
            }
        }
        try (var sheets = Files.walk(Path.of("src/main/resources/org/lbsim/ui"))) {
            for (Path sheet : sheets.filter(p -> p.toString().endsWith(".css")).toList()) {
                Matcher matcher = colour.matcher(Files.readString(sheet));
                while (matcher.find()) found.add(sheet.getFileName() + ": " + matcher.group());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void eachHealthHasAShapeOfItsOwn() {
        assertThat(java.util.Arrays.stream(Health.values()).map(h -> h.mark).distinct()).hasSize(Health.values().length);
        assertThat(java.util.Arrays.stream(Health.values()).map(h -> h.color).distinct()).hasSize(Health.values().length);
    }

    @Test
    void aFailedInstanceIsACrossAndAWorkingOneADot() {
        for (String failure : List.of("crash", "unreachable", "black-hole")) {
            assertThat(Health.ofCondition(failure).mark).as(failure).isEqualTo(Mark.CROSS);
        }
        assertThat(Health.ofCondition("up").mark).isEqualTo(Mark.CIRCLE);
        assertThat(Health.ofCondition("slowdown").mark).isEqualTo(Mark.TRIANGLE);
        assertThat(Health.ofCondition("booting").mark).isEqualTo(Mark.RING);
        assertThat(Health.ofCondition("terminated").mark).isEqualTo(Mark.DASH);
        assertThat(Health.ofBelief(false).mark).isEqualTo(Mark.CROSS);
        assertThat(Health.ofBelief(true).mark).isEqualTo(Mark.CIRCLE);
    }

    @Test
    void cssWritesTheColourAsHex() {
        assertThat(Palette.css(Palette.VERMILION)).isEqualTo("#D55E00");
        assertThat(Palette.tint(Palette.BLUE, 0)).isEqualTo(Color.WHITE);
    }
}
