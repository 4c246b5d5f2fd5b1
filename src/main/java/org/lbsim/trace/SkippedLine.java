package org.lbsim.trace;

/**
 * A malformed line that a lenient {@link TraceReader} skipped.
 *
 * @param line the line's 1-based number
 * @param column the 1-based column where it stops making sense
 * @param reason what was found there and what was expected: {@code "found 'example.com', expected an IP address"}
 */
public record SkippedLine(long line, int column, String reason) {

    /** {@code line:column: reason}, to follow a file name. */
    @Override
    public String toString() {
        return line + ":" + column + ": " + reason;
    }
}
