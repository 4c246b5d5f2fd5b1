package org.lbsim.scenario;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rates as scenario files write them: a count per unit of time ({@code 150/s}, {@code 9000/min},
 * {@code 10/h}), or a bare number per second. The result is per second.
 */
public final class Rates {

    static final String EXAMPLES = "a rate such as 150/s, 9000/min or 10/h";

    private static final Pattern FORMAT =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(?:/\\s*([a-z]+))?");

    private static final Map<String, Double> SECONDS_PER_UNIT = Map.of("s", 1.0, "min", 60.0, "h", 3600.0);

    private Rates() {
    }

    /**
     * Parses a rate of zero or more.
     *
     * @throws IllegalArgumentException saying what was found and what is expected
     */
    public static double parse(String text) {
        double perSecond = parseSigned(text);
        if (perSecond < 0) {
            throw new IllegalArgumentException(Durations.found(text) + ", expected " + EXAMPLES + " (not negative)");
        }
        return perSecond;
    }

    /** Parses the format and leaves the sign to the caller, as {@link Durations#parseSigned} does. */
    static double parseSigned(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) throw new IllegalArgumentException(Durations.found(text) + ", expected " + EXAMPLES);
        String unitName = matcher.group(2) == null ? "s" : matcher.group(2);
        Double unit = SECONDS_PER_UNIT.get(unitName);
        if (unit == null) {
            throw new IllegalArgumentException(Durations.found(text) + ", expected " + EXAMPLES
                    + " (per s, min or h)");
        }
        double perSecond = Double.parseDouble(matcher.group(1)) / unit;
        if (Double.isInfinite(perSecond)) throw new IllegalArgumentException(Durations.found(text) + ", expected a finite rate");
        return perSecond;
    }
}
