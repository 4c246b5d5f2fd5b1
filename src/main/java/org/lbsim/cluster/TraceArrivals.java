package org.lbsim.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.metrics.TraceResult;
import org.lbsim.trace.SkippedLine;
import org.lbsim.trace.SpreadWithinSecond;
import org.lbsim.trace.TraceFormat;
import org.lbsim.trace.TraceFormatException;
import org.lbsim.trace.TraceReader;
import org.lbsim.trace.TraceRecord;

/**
 * Replays a trace: each well-formed line arrives at its time, measured from the first line's and
 * divided by the speedup, with the line's source address, port and service demand. The file is
 * read as the run goes, one line ahead, so a trace of any length replays in constant memory.
 * Access logs stamp whole seconds: their lines are spread uniformly over their second, drawn
 * from the client's arrival stream (see {@link SpreadWithinSecond}).
 */
final class TraceArrivals implements ArrivalProcess {

    /** How a line's work is found when it logs none. */
    interface Fallback {
        /** Sets the request's class and work from the client's {@code service} or {@code mix}. */
        void draw(Request request);
    }

    private final ArrivalSpec.Trace spec;
    private final UniformRandomProvider random;
    private final Fallback fallback;
    private TraceReader reader;
    private SpreadWithinSecond spread;
    /** The line arriving now: the one whose time the call before the last returned. */
    private final TraceRecord arriving = new TraceRecord();
    /** The line whose time the last call returned: it arrives at the next arrival event. */
    private final TraceRecord ahead = new TraceRecord();
    private boolean hasAhead;
    private double firstTime = Double.NaN;
    private long replayed;
    private long missingService;
    private final List<String> firstSkipped = new ArrayList<>();
    private boolean finished;
    /** Whether any line has been found to replay: a trace with none is a mistake, not a quiet run. */
    private boolean anyToReplay;

    /** @param fallback the client's own service, or null when it has none (lines must log their time) */
    TraceArrivals(ArrivalSpec.Trace spec, UniformRandomProvider random, Fallback fallback) {
        this.spec = spec;
        this.random = random;
        this.fallback = fallback;
    }

    /**
     * Called when the line read last arrives (and once at the start): sets that line aside as
     * the one arriving now, reads the next and returns its time.
     */
    @Override
    public double next(double now) {
        if (hasAhead) arriving.copyFrom(ahead);
        hasAhead = false;
        if (finished) return Double.POSITIVE_INFINITY;
        try {
            if (reader == null) open();
            while (read()) {
                if (Double.isNaN(firstTime)) firstTime = ahead.time;
                if (!Double.isNaN(ahead.service) || spec.serviceFromBytes() != null || fallback != null) {
                    hasAhead = true;
                    anyToReplay = true;
                    // Never before now: the first line at 0, and rounding never moves time backwards.
                    return Math.max(now, (ahead.time - firstTime) / spec.speedup());
                }
                missingService++;
                if (firstSkipped.size() < TraceReader.REPORTED) {
                    firstSkipped.add(reader.name() + ":" + ahead.line + ": found no request time, expected one, "
                            + "or the client's service, mix or serviceFromBytes to give the work");
                }
            }
            finish();
            if (!anyToReplay) throw nothingToReplay();
            return Double.POSITIVE_INFINITY;
        } catch (TraceFormatException e) {
            finish();
            throw new TraceReplayException(e.getMessage(), e);
        } catch (IOException e) {
            finish();
            throw new TraceReplayException(spec.file() + ": the trace cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The trace ended before any line a client could send: an empty file, a header alone, or
     * only lines that were skipped. A run would measure nothing from this client, so it stops as
     * at a malformed line, naming the end of the trace and the first line skipped, if any.
     */
    private TraceReplayException nothingToReplay() {
        TraceResult read = result();
        String skipped = read.skipped() == 0 ? "" : String.format(Locale.ROOT, " (%,d %s skipped, the first %s)",
                read.skipped(), read.skipped() == 1 ? "line" : "lines", read.firstSkipped().get(0));
        return new TraceReplayException(reader.name() + ":" + (read.lines() + 1) + ":1: found the end of the trace before any "
                + "line to replay" + skipped + ", expected at least one well-formed line", null);
    }

    private void open() throws IOException {
        reader = TraceReader.open(spec.file(), spec.format(), spec.strict());
        if (spec.format() != TraceFormat.CSV) spread = new SpreadWithinSecond(reader, random::nextDouble, spec.reorderWindow());
    }

    private boolean read() throws IOException {
        return spread != null ? spread.next(ahead) : reader.next(ahead);
    }

    private void finish() {
        finished = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Nothing more is read from it; a failing close loses nothing.
            }
        }
    }

    /**
     * Gives the request the arriving line's source address, port and work. A line without a
     * source address (a CSV trace without the column) leaves it to be drawn when looked at.
     */
    void fill(Request request, int defaultPort) {
        replayed++;
        TraceRecord line = arriving;
        if (line.hasSource) {
            Address address = request.addressToSet();
            if (line.ipv6) address.setIpv6(line.high, line.low); else address.setIpv4(line.ipv4);
        }
        request.port = line.port >= 0 ? line.port : defaultPort;
        if (fallback != null) fallback.draw(request); // the class, and work unless the line logs it
        if (!Double.isNaN(line.service)) {
            request.work = line.service;
        } else if (spec.serviceFromBytes() != null) {
            request.work = spec.serviceFromBytes().work(line.bytes);
        }
    }

    TraceResult result() {
        long lines = reader == null ? 0 : reader.lines();
        long skipped = (reader == null ? 0 : reader.skipped()) + missingService;
        List<String> reported = new ArrayList<>();
        if (reader != null) {
            for (SkippedLine line : reader.firstSkipped()) reported.add(reader.name() + ":" + line);
        }
        for (String line : firstSkipped) {
            if (reported.size() < TraceReader.REPORTED) reported.add(line);
        }
        return new TraceResult(lines, replayed, skipped, spread == null ? 0 : spread.reordered(), reported);
    }
}
