package org.lbsim.scenario;

import java.util.function.DoublePredicate;

/**
 * How the loader checks the value written for one algorithm parameter under {@code balancer:},
 * and how it hands the value on: whole numbers as digits, numbers and durations as plain decimal
 * numbers (durations in seconds), so an algorithm never parses units.
 *
 * <p>The algorithms declare their parameters in their own package; the command line turns those
 * declarations into rules, so this package needs to know nothing of the algorithms.
 *
 * @param expected            what a valid value looks like, as problems say it, e.g. "a whole number of at least 2"
 * @param defaultValue        the value the algorithm takes when the key is absent; NaN when unknown
 * @param maxTimesTotalWeight when positive, the value counts something per unit of a server's
 *                            weight (a hash ring's points per unit), and the value times the total
 *                            weight of the servers a run may hold may be at most this (checked in
 *                            {@code long}); 0 when the value is not per weight
 * @param min                 the least value {@code inRange} accepts, for the schema; NaN when not said
 * @param max                 the greatest value {@code inRange} accepts; NaN when not said
 * @param defaultText         the default as a scenario writes it ({@code 10s}); null when unknown
 * @param description         what the parameter means, for the schema; null when unknown
 */
public record ParameterRule(Kind kind, DoublePredicate inRange, String expected, double defaultValue,
                            long maxTimesTotalWeight, double min, double max, String defaultText, String description) {

    /** A rule whose value is not counted per unit of weight. */
    public ParameterRule(Kind kind, DoublePredicate inRange, String expected) {
        this(kind, inRange, expected, Double.NaN, 0);
    }

    /** A rule with no bounds, default text or description for the schema. */
    public ParameterRule(Kind kind, DoublePredicate inRange, String expected, double defaultValue,
                         long maxTimesTotalWeight) {
        this(kind, inRange, expected, defaultValue, maxTimesTotalWeight, Double.NaN, Double.NaN, null, null);
    }

    /** The kinds of value a parameter may take. */
    public enum Kind {
        /** Kept as written, unchecked. */
        TEXT,
        INTEGER,
        NUMBER,
        /** With units, as every duration in a scenario ({@code 250ms}, {@code 2s}); a bare number is seconds. */
        DURATION
    }

    /** A rule that accepts any scalar and keeps it as written. */
    public static ParameterRule anyText() {
        return new ParameterRule(Kind.TEXT, value -> true, "a value");
    }
}
