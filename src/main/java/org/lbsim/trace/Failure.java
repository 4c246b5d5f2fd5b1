package org.lbsim.trace;

/**
 * Why the line being parsed is malformed: where, what was expected and the extent of what was
 * found. Parsers fill it in without allocating; the text "found X, expected Y" is built only
 * when a skipped line is reported, so a messy trace costs no more to count than a clean one.
 */
final class Failure {

    /** Quoted text from the line is cut to this many characters, so a reason stays one readable line. */
    private static final int QUOTE_LIMIT = 40;

    private int at;
    private int foundEnd;
    private String found;
    private String expected;

    /**
     * Records that {@code text[at, foundEnd)} is not what was expected; an empty range stands
     * for the one character at {@code at}, or the end of the line. Always returns false, so that
     * a parser can {@code return failure.at(...)}.
     */
    boolean at(int at, int foundEnd, String expected) {
        this.at = at;
        this.foundEnd = foundEnd;
        this.found = null;
        this.expected = expected;
        return false;
    }

    /** Records a failure at {@code at} whose finding is described in words rather than quoted from the line. */
    boolean described(int at, String found, String expected) {
        this.at = at;
        this.foundEnd = at;
        this.found = found;
        this.expected = expected;
        return false;
    }

    /** The 1-based column of the failure in a line that starts at {@code lineStart}. */
    int column(int lineStart) {
        return at - lineStart + 1;
    }

    /** "found X, expected Y", quoting X from the line that ends at {@code text[lineEnd]}. */
    String reason(char[] text, int lineEnd) {
        String what;
        if (found != null) {
            what = found;
        } else if (foundEnd <= at) {
            what = at < lineEnd ? "'" + text[at] + "'" : "the end of the line";
        } else if (foundEnd - at > QUOTE_LIMIT) {
            what = "'" + new String(text, at, QUOTE_LIMIT) + "…'";
        } else {
            what = "'" + new String(text, at, foundEnd - at) + "'";
        }
        return "found " + what + ", expected " + expected;
    }
}
