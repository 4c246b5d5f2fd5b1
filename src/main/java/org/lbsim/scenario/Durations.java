package org.lbsim.scenario;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenario files write them: a number and a unit ({@code 250ms}, {@code 2s},
 * {@code 5min}, {@code 1h}, {@code 1d}), or a bare number of seconds. The result is in seconds.
 */
public final class Durations {

    static final String EXAMPLES = "a duration such as 250ms, 2s, 5min or 1h";

    private static final Pattern FORMAT = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*([a-z]*)");

    private static final Map<String, Double> SECONDS_PER_UNIT =
            Map.of("", 1.0, "ms", 0.001, "s", 1.0, "min", 60.0, "h", 3600.0, "d", 86_400.0);

    private Durations() {
    }

    /**
     * Parses a duration of zero or more.
     *
     * @throws IllegalArgumentException saying what was found and what is expected
     */
    public static double parse(String text) {
        double seconds = parseSigned(text);
        if (seconds < 0) throw new IllegalArgumentException(found(text) + ", expected " + EXAMPLES + " (not negative)");
        return seconds;
    }

    /**
     * Parses the format but leaves the sign to the caller, which knows the range it needs and
     * can say so ("a positive duration", "at most the scenario's duration").
     */
    static double parseSigned(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) throw new IllegalArgumentException(found(text) + ", expected " + EXAMPLES);
        Double unit = SECONDS_PER_UNIT.get(matcher.group(2));
        if (unit == null) {
            throw new IllegalArgumentException(found(text) + ", expected " + EXAMPLES
                    + " (units: ms, s, min, h, d)");
        }
        double seconds = Double.parseDouble(matcher.group(1)) * unit;
        if (Double.isInfinite(seconds)) throw new IllegalArgumentException(found(text) + ", expected a finite duration");
        return seconds;
    }

    static String found(String text) {
        return "found " + Fields.quote(text);
    }
}
