package org.lbsim.trace;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, one at a time, as a range of a reused character buffer. Unlike
 * {@link java.io.BufferedReader#readLine} it makes no String per line. Lines end with
 * {@code \n} or {@code \r\n}; the last one may have no end. A line of {@link #MAX_LINE} characters or
 * more is passed over (and flagged) instead of held, so memory stays bounded whatever the input.
 */
final class LineInput {

    /** The longest line held: far beyond any access log's (Apache refuses request lines over 8 KiB by default). */
    static final int MAX_LINE = 1 << 20;
    private static final int INITIAL = 1 << 16;

    private final Reader reader;
    private char[] buffer = new char[INITIAL];
    private int position;
    private int limit;
    private boolean ended;
    private int start;
    private int end;
    private boolean tooLong;
    private long number;

    LineInput(Reader reader) {
        this.reader = reader;
    }

    /** Moves to the next line; false when there is none. */
    boolean next() throws IOException {
        tooLong = false;
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            if (ended) {
                if (position == limit) return false;
                take(limit, limit);
                return true;
            }
            scanned = limit - position;
            if (!fill()) {
                passOverLongLine();
                return true;
            }
        }
    }

    /** The current line's characters are {@code chars()[start(), end())}, without the line end. */
    char[] chars() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** Whether the current line had {@link #MAX_LINE} characters or more; then it reads as empty. */
    boolean tooLong() {
        return tooLong;
    }

    private void take(int lineEnd, int next) {
        start = position;
        end = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        position = next;
        number++;
    }

    /**
     * Reads more text after what is left of the buffer, moving that to the front or growing the
     * buffer when it is full. False, with nothing read, when the pending line has reached
     * {@link #MAX_LINE}.
     */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE) return false;
            char[] bigger = new char[Math.min(MAX_LINE, buffer.length * 2)];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
        int read = reader.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
        return true;
    }

    /** Discards the rest of an over-long line, up to and including its end, reading as needed. */
    private void passOverLongLine() throws IOException {
        number++;
        tooLong = true;
        start = 0;
        end = 0;
        position = 0;
        limit = 0;
        while (true) {
            int read = reader.read(buffer, 0, buffer.length);
            if (read < 0) {
                ended = true;
                return;
            }
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    limit = read;
                    return;
                }
            }
        }
    }
}
