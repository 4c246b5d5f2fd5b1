package org.lbsim.trace;

import java.io.IOException;

/**
 * A trace that cannot be read as its format says: a strict reader's first malformed line, or a
 * CSV file without a usable header. The message is {@code file:line:column: found X, expected Y},
 * like a compiler's, so a user can jump to the place.
 */
public final class TraceFormatException extends IOException {

    private final String file;
    private final long line;
    private final int column;
    private final String reason;

    TraceFormatException(String file, long line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The trace's name as given to the reader, usually its path. */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    /** What was found and what was expected, without the place. */
    public String reason() {
        return reason;
    }
}
