package org.lbsim.balancing;

import java.util.function.DoublePredicate;

/**
 * One parameter an algorithm accepts under {@code balancer:}: its key, the kind and range of its
 * value, its default and what it means. The scenario loader checks values against it (through
 * rules the command line derives from it) and {@code lbsim algorithms} lists it.
 *
 * @param range        what a valid value looks like, e.g. "a whole number of at least 2"
 * @param defaultText  the default as a scenario would write it, e.g. {@code 10s}
 * @param defaultValue the default as the algorithm reads it (durations in seconds)
 */
public record Parameter(String key, Kind kind, DoublePredicate inRange, String range,
                        String defaultText, double defaultValue, String description) {

    /** The kinds of value; durations carry units in scenarios and reach algorithms in seconds. */
    public enum Kind {
        INTEGER,
        NUMBER,
        DURATION
    }

    /** A whole number of at least {@code min}. */
    static Parameter integerAtLeast(String key, long min, long defaultValue, String description) {
        return new Parameter(key, Kind.INTEGER, v -> v >= min, "a whole number of at least " + min,
                Long.toString(defaultValue), defaultValue, description);
    }

    /** A positive duration. */
    static Parameter positiveDuration(String key, String defaultText, double defaultSeconds, String description) {
        return new Parameter(key, Kind.DURATION, v -> v > 0, "a positive duration such as 250ms, 2s, 5min or 1h",
                defaultText, defaultSeconds, description);
    }
}
