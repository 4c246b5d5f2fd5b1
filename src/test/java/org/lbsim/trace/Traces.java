package org.lbsim.trace;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Readers over text written in a test, and their records collected. */
final class Traces {

    private Traces() {
    }

    static TraceReader reader(String text, TraceFormat format, boolean strict) {
        return new TraceReader(new StringReader(text), "test.log", format, strict);
    }

    /** Every record of a lenient reader of {@code text}. */
    static List<TraceRecord> read(String text, TraceFormat format) throws IOException {
        return readAll(reader(text, format, false));
    }

    static List<TraceRecord> readAll(TraceReader reader) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        TraceRecord record = new TraceRecord();
        while (reader.next(record)) {
            TraceRecord copy = new TraceRecord();
            copy.copyFrom(record);
            records.add(copy);
        }
        return records;
    }

    /** The one record of a one-line trace, failing if the line is malformed. */
    static TraceRecord only(String line, TraceFormat format) throws IOException {
        TraceReader reader = reader(line, format, true);
        List<TraceRecord> records = readAll(reader);
        if (records.size() != 1) throw new AssertionError("expected one record from " + line + ", got " + records);
        return records.get(0);
    }

    /** An IPv4 address as the unsigned int a record holds. */
    static int ipv4(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }
}
