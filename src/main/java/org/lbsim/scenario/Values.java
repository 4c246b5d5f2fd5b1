package org.lbsim.scenario;

import java.util.Collection;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * Conversions of scalar nodes to the values the records hold. Each reports what it found and
 * what it expected, at the node, and returns null when the value is unusable; the binder
 * then skips the record that needed it.
 */
final class Values {

    static final String DURATION = Durations.EXAMPLES;
    static final String POSITIVE_DURATION = "a positive duration such as 250ms, 2s, 5min or 1h";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)");

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    /** The text of a scalar; anything else is reported as not being {@code expected}. */
    String text(Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.isNull()) return scalar.text();
        problems.add(node.location(), path, "found " + Fields.describe(node) + ", expected " + expected);
        return null;
    }

    /**
     * A name: of a client, server, group, class... Blank names and control characters are
     * refused: a name must be visible where results and messages show it.
     */
    String name(Node node, String path) {
        String text = text(node, path, "a name");
        if (text == null) return null;
        if (text.isBlank()) return reportFound(node, path, text, "a name with at least one visible character");
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(node.location(), path, "found a name with a control character (such as a tab or a line "
                    + "break), expected a name of visible characters and spaces");
            return null;
        }
        return text;
    }

    /**
     * A whole number; underscores may group digits ({@code 10_000_000}).
     *
     * @param expected says the range, for example "a whole number of at least 1"
     */
    Long integer(Node node, String path, LongPredicate inRange, String expected) {
        String text = text(node, path, expected);
        if (text == null) return null;
        String digits = text.replace("_", "");
        if (INTEGER.matcher(digits).matches()) {
            try {
                long value = Long.parseLong(digits);
                if (inRange.test(value)) return value;
            } catch (NumberFormatException tooLong) {
                // reported below, like any other value out of range
            }
        }
        return reportFound(node, path, text, expected);
    }

    /** An integer from {@code min} to {@code max}, for the records' {@code int} fields. */
    Integer smallInteger(Node node, String path, int min, int max, String expected) {
        Long value = integer(node, path, v -> v >= min && v <= max, expected);
        return value == null ? null : value.intValue();
    }

    /** A plain decimal number (no units); {@code .inf} and {@code .nan} are refused. */
    Double number(Node node, String path, DoublePredicate inRange, String expected) {
        String text = text(node, path, expected);
        if (text == null) return null;
        if (DECIMAL.matcher(text.trim()).matches()) {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value) && inRange.test(value)) return value;
        }
        return reportFound(node, path, text, expected);
    }

    /**
     * A duration in seconds.
     *
     * @param expected says the range, such as {@link #POSITIVE_DURATION}
     */
    Double duration(Node node, String path, DoublePredicate inRange, String expected) {
        String text = text(node, path, expected);
        if (text == null) return null;
        double seconds;
        try {
            seconds = Durations.parseSigned(text);
        } catch (IllegalArgumentException e) {
            problems.add(node.location(), path, e.getMessage());
            return null;
        }
        if (!inRange.test(seconds)) return reportFound(node, path, text, expected);
        if (seconds != 0 && Math.abs(seconds) < Bounds.MIN_DURATION) {
            return reportFound(node, path, text, (inRange.test(0) ? "0 or " : "") + "a duration of at least "
                    + MIN_DURATION_TEXT + " (lbsim's clock resolves a microsecond)");
        }
        if (Math.abs(seconds) > Bounds.MAX_DURATION) {
            return reportFound(node, path, text, "a duration of at most " + MAX_DURATION_TEXT);
        }
        return seconds;
    }

    static final String MIN_DURATION_TEXT = "0.001ms";
    static final String MAX_DURATION_TEXT = "365000d (1,000 years)";
    static final String MAX_RATE_TEXT = "10000000/s";

    /** A positive rate, in requests per second. */
    Double rate(Node node, String path) {
        return rate(node, path, perSecond -> perSecond > 0, "a positive rate such as 150/s");
    }

    /** A rate in requests per second within {@code inRange}; {@code expected} says the range. */
    Double rate(Node node, String path, DoublePredicate inRange, String expected) {
        String text = text(node, path, expected);
        if (text == null) return null;
        double perSecond;
        try {
            perSecond = Rates.parseSigned(text);
        } catch (IllegalArgumentException e) {
            problems.add(node.location(), path, e.getMessage());
            return null;
        }
        if (!inRange.test(perSecond)) return reportFound(node, path, text, expected);
        if (perSecond > Bounds.MAX_RATE) return reportFound(node, path, text, "a rate of at most " + MAX_RATE_TEXT);
        return perSecond;
    }

    /** A destination port, 1 to 65535. */
    Integer port(Node node, String path) {
        return smallInteger(node, path, 1, 65535, "a port from 1 to 65535");
    }

    /** A port or an inclusive range {@code from-to} of a security-group rule, as {@code {from, to}}. */
    int[] portRange(Node node, String path) {
        String expected = "a port from 0 to 65535 or an ascending range such as 1024-65535";
        String text = text(node, path, expected);
        if (text == null) return null;
        var range = PORT_RANGE.matcher(text.trim());
        String from = range.matches() ? range.group(1) : text.trim();
        String to = range.matches() ? range.group(2) : text.trim();
        if (from.matches("\\d{1,5}") && to.matches("\\d{1,5}")) {
            int low = Integer.parseInt(from);
            int high = Integer.parseInt(to);
            if (high <= 65535 && low <= high) return new int[] {low, high};
        }
        return reportFound(node, path, text, expected);
    }

    /** One of a closed set of words, with a hint when the text is close to one of them. */
    String choice(Node node, String path, Collection<String> options) {
        String expected = "one of: " + String.join(", ", options);
        String text = text(node, path, expected);
        if (text == null || options.contains(text)) return text;
        problems.add(node.location(), path,
                "found " + Fields.quote(text) + Suggestions.didYouMean(text, options) + ", expected " + expected);
        return null;
    }

    /** {@code true} or {@code false}. */
    Boolean bool(Node node, String path) {
        String text = choice(node, path, java.util.List.of("true", "false"));
        return text == null ? null : Boolean.valueOf(text);
    }

    Cidr cidr(Node node, String path) {
        String text = text(node, path, "a CIDR block such as 10.0.0.0/16 or 2001:db8::/32");
        if (text == null) return null;
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            // Cidr's messages quote the text and say what a CIDR block looks like.
            problems.add(node.location(), path, e.getMessage());
            return null;
        }
    }

    /** Reports a well-formed value out of range, or any other unusable text, and returns null. */
    <T> T reportFound(Node node, String path, String text, String expected) {
        problems.add(node.location(), path, "found " + Fields.quote(text) + ", expected " + expected);
        return null;
    }
}
