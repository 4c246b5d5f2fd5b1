package org.lbsim.trace;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a trace line by line in constant memory: one reused buffer of text (64 KiB, growing for a
 * longer line up to a million characters; longer lines are skipped unread), nothing kept per
 * line, no object made per line when lines are well formed. Traces of many gigabytes read the same way as
 * small ones.
 *
 * <p>Each call of {@link #next} fills a {@link TraceRecord} with the next well-formed line. A
 * malformed line is skipped and counted, and the first {@value #REPORTED} are kept with their
 * line, column and reason; in strict mode the first one throws a {@link TraceFormatException}
 * instead. Empty lines are passed over without counting as malformed, and so is a UTF-8 byte
 * order mark. A CSV file's header must be usable — present, naming a {@code time} column — or
 * the file is, strict or not: the reader throws, naming line 1.
 *
 * <p>Counting: {@link #lines()} counts every line read, as {@code wc -l} does (plus a last line
 * without a line end), so it is the number of the line last read; it is {@link #records()} +
 * {@link #skipped()} + the empty lines + the CSV header.
 *
 * <p>A reader belongs to one thread. Files are read as UTF-8 (malformed bytes become U+FFFD, which
 * can only be in fields that are not parsed, such as a user agent), gunzipped first if they are
 * gzip-compressed, as rotated logs often are.
 */
public final class TraceReader implements Closeable {

    /** How many skipped lines are kept to show the user. */
    public static final int REPORTED = 5;
    private static final int BYTE_BUFFER = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader reader;
    private final LineInput input;
    private final String name;
    private final TraceFormat format;
    private final boolean strict;
    private final Failure failure = new Failure();
    private final List<SkippedLine> firstSkipped = new ArrayList<>(REPORTED);
    private LineParser parser;
    private TraceFormatException unusable;
    private long records;
    private long skipped;

    /**
     * A reader of {@code reader}'s text; {@code displayName} names it in messages. A CSV header is
     * read by the first {@link #next}.
     */
    public TraceReader(Reader reader, String displayName, TraceFormat format, boolean strict) {
        this.reader = reader;
        this.input = new LineInput(reader);
        this.name = displayName;
        this.format = format;
        this.strict = strict;
        if (format != TraceFormat.CSV) parser = new AccessLogParser(format == TraceFormat.COMBINED);
    }

    /**
     * A reader of the file, gunzipped if it is gzip-compressed (by its first two bytes, whatever
     * its name). A CSV file's header is read at once, so that an unusable file fails here.
     */
    public static TraceReader open(Path file, TraceFormat format, boolean strict) throws IOException {
        InputStream stream = Files.newInputStream(file);
        try {
            BufferedInputStream buffered = new BufferedInputStream(stream, BYTE_BUFFER);
            InputStream text = gzipped(buffered) ? new GZIPInputStream(buffered, BYTE_BUFFER) : buffered;
            TraceReader trace = new TraceReader(new InputStreamReader(text, StandardCharsets.UTF_8), file.toString(), format, strict);
            trace.start();
            return trace;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private static boolean gzipped(BufferedInputStream stream) throws IOException {
        stream.mark(2);
        boolean magic = stream.read() == 0x1f && stream.read() == 0x8b;
        stream.reset();
        return magic;
    }

    /**
     * Fills {@code into} with the next well-formed record and returns true, or returns false at the
     * end of the trace. Malformed lines on the way are skipped and counted; in strict mode the first
     * one throws. {@code into} is overwritten even when this returns false.
     *
     * @throws TraceFormatException in strict mode at a malformed line, or, strict or not, when a CSV
     *     file has no usable header (then at every call)
     */
    public boolean next(TraceRecord into) throws IOException {
        start();
        while (input.next()) {
            char[] text = input.chars();
            int from = input.start();
            int to = input.end();
            if (input.tooLong()) {
                failure.described(from, "a line of " + LineInput.MAX_LINE + " characters or more", "a line of a trace");
            } else {
                if (input.number() == 1 && from < to && text[from] == BYTE_ORDER_MARK) from++;
                if (from == to) continue;
                if (parser.parse(text, from, to, into, failure)) {
                    into.line = input.number();
                    records++;
                    return true;
                }
            }
            skip(text, from, to);
        }
        return false;
    }

    /** Reads a CSV header if it is still due; throws, now and later, if it is not usable. */
    private void start() throws IOException {
        if (unusable != null) throw unusable;
        if (parser != null) return;
        String expected = "a header line naming the columns, one of them 'time'";
        if (!input.next()) throw unusable = new TraceFormatException(name, 1, 1, "found the end of the file, expected " + expected);
        char[] text = input.chars();
        int from = input.start();
        int to = input.end();
        if (from < to && text[from] == BYTE_ORDER_MARK) from++;
        if (input.tooLong()) {
            failure.described(from, "a line of " + LineInput.MAX_LINE + " characters or more", expected);
        } else {
            parser = CsvParser.forHeader(text, from, to, failure).orElse(null);
            if (parser != null) return;
        }
        throw unusable = new TraceFormatException(name, 1, failure.column(from), failure.reason(text, to));
    }

    private void skip(char[] text, int from, int to) throws TraceFormatException {
        skipped++;
        int column = failure.column(from);
        if (strict) throw new TraceFormatException(name, input.number(), column, failure.reason(text, to));
        if (firstSkipped.size() < REPORTED) firstSkipped.add(new SkippedLine(input.number(), column, failure.reason(text, to)));
    }

    /** The lines read so far, well formed or not, empty lines and a CSV header included: the number of the line last read. */
    public long lines() {
        return input.number();
    }

    /** The well-formed records returned so far. */
    public long records() {
        return records;
    }

    /** The malformed lines skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** The first {@value #REPORTED} skipped lines, in order, with where and why. */
    public List<SkippedLine> firstSkipped() {
        return List.copyOf(firstSkipped);
    }

    /** The trace's name in messages, as given when it was opened. */
    public String name() {
        return name;
    }

    public TraceFormat format() {
        return format;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
