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
 * @param expected what a valid value looks like, as problems say it, e.g. "a whole number of at least 2"
 */
public record ParameterRule(Kind kind, DoublePredicate inRange, String expected) {

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
