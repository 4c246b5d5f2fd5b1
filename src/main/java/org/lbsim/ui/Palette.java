package org.lbsim.ui;

import javafx.scene.paint.Color;

/**
 * Every colour the window paints, named once. Signals use the Okabe–Ito palette (the same eight
 * colours as {@code report.Charts}' chart files), which people with the common colour-vision
 * deficiencies can tell apart; and no signal is told by colour alone: each comes with the
 * shape of its {@link Mark} and a word.
 */
final class Palette {

    // The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2002).
    static final Color ORANGE = Color.web("#E69F00");
    static final Color SKY_BLUE = Color.web("#56B4E9");
    static final Color BLUISH_GREEN = Color.web("#009E73");
    static final Color YELLOW = Color.web("#F0E442");
    static final Color BLUE = Color.web("#0072B2");
    static final Color VERMILION = Color.web("#D55E00");
    static final Color REDDISH_PURPLE = Color.web("#CC79A7");
    static final Color BLACK = Color.web("#000000");

    // Neutrals: text, backgrounds and the routes requests take, which carry no signal.
    static final Color INK = Color.web("#222222");
    static final Color CANVAS = Color.web("#F4F6F8");
    static final Color ROUTE = Color.web("#9AA5B1");
    static final Color NEUTRAL = Color.web("#8C8C8C");
    static final Color NO_GROUP = Color.web("#E0E0E0");
    static final Color CARD_BORDER = Color.web("#555555");

    // What each signal is painted in.
    static final Color SERVED = BLUISH_GREEN;
    static final Color DENIED = VERMILION;
    static final Color REJECTED = ORANGE;
    static final Color LOST = BLACK; // as the charts draw errors
    static final Color GOOD = BLUISH_GREEN;
    static final Color DEGRADED = ORANGE;
    static final Color BAD = VERMILION;
    static final Color WAITING = SKY_BLUE;
    static final Color SELECTED = BLUE;
    static final Color BUSY = BLUE;
    static final Color QUEUE = ORANGE;

    private Palette() {
    }

    /** {@code color} mixed with white, {@code strength} of it kept: a background of that hue that text stays readable on. */
    static Color tint(Color color, double strength) {
        return Color.WHITE.interpolate(color, strength);
    }

    /** The colour as CSS writes it, {@code #RRGGBB}. */
    static String css(Color color) {
        return String.format("#%02X%02X%02X", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }
}
