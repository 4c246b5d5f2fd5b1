package org.lbsim.balancing;

import java.util.function.DoublePredicate;

/**
 * One parameter an algorithm accepts under {@code balancer:}: its key, the kind and range of its
 * value, its default and what it means. The scenario loader checks values against it (through
 * rules the command line derives from it) and {@code lbsim algorithms} lists it. Every range has
 * an upper bound, so that no value can make an algorithm allocate without limit.
 *
 * @param range               what a valid value looks like, e.g. "a whole number of at least 2 and at most 10,000"
 * @param defaultText         the default as a scenario would write it, e.g. {@code 10s}
 * @param defaultValue        the default as the algorithm reads it (durations in seconds)
 * @param maxTimesTotalWeight when positive, the value counts something per unit of a backend's
 *                            weight (a hash ring's points), and the value times the total weight
 *                            of the backends may be at most this; 0 when the value is not per weight
 * @param min                 the least value {@code inRange} accepts, for the scenario schema; NaN when not said
 * @param max                 the greatest value {@code inRange} accepts; NaN when not said
 */
public record Parameter(String key, Kind kind, DoublePredicate inRange, String range,
                        String defaultText, double defaultValue, String description, long maxTimesTotalWeight,
                        double min, double max) {

    /** Shortest duration a parameter may take, in seconds: lbsim's clock resolves a microsecond. */
    static final double MIN_SECONDS = 1e-6;
    /** Longest duration a parameter may take, in seconds: a year, the longest simulated run. */
    static final double MAX_SECONDS = 365 * 86_400.0;

    /** The kinds of value; durations carry units in scenarios and reach algorithms in seconds. */
    public enum Kind {
        INTEGER,
        NUMBER,
        DURATION
    }

    /** A parameter whose value is not counted per unit of weight. */
    public Parameter(String key, Kind kind, DoublePredicate inRange, String range, String defaultText,
                     double defaultValue, String description) {
        this(key, kind, inRange, range, defaultText, defaultValue, description, 0, Double.NaN, Double.NaN);
    }

    /** A parameter whose range is not said as bounds. */
    public Parameter(String key, Kind kind, DoublePredicate inRange, String range, String defaultText,
                     double defaultValue, String description, long maxTimesTotalWeight) {
        this(key, kind, inRange, range, defaultText, defaultValue, description, maxTimesTotalWeight, Double.NaN, Double.NaN);
    }

    /** A whole number from {@code min} to {@code max}. */
    static Parameter integerBetween(String key, long min, long max, long defaultValue, String description) {
        return new Parameter(key, Kind.INTEGER, v -> v >= min && v <= max,
                String.format("a whole number of at least %d and at most %,d", min, max),
                Long.toString(defaultValue), defaultValue, description, 0, min, max);
    }

    /** A positive duration, from a microsecond to a year. */
    static Parameter positiveDuration(String key, String defaultText, double defaultSeconds, String description) {
        return new Parameter(key, Kind.DURATION, v -> v >= MIN_SECONDS && v <= MAX_SECONDS,
                "a positive duration from 0.001ms to 365d, such as 250ms, 2s, 5min or 1h",
                defaultText, defaultSeconds, description, 0, MIN_SECONDS, MAX_SECONDS);
    }

    /** This parameter, counted per unit of a backend's weight, with {@code maxTimesTotal} for value × total weight. */
    Parameter perUnitOfWeight(long maxTimesTotal) {
        return new Parameter(key, kind, inRange, range, defaultText, defaultValue, description, maxTimesTotal, min, max);
    }
}
