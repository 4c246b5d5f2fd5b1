package org.lbsim.trace;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Spreads records whose timestamps have one-second resolution uniformly over their second, so
 * that a replayed access log does not send each second's requests in one burst.
 *
 * <p>It gathers the records of one whole second, k of them, draws k uniforms in [0, 1) from
 * {@code uniform01}, sorts them, and gives the records, in log order, the times
 * {@code s + u(1) <= s + u(2) <= ... <= s + u(k)}: sorted uniforms are what a Poisson process
 * conditioned on k arrivals in that second looks like. Any fraction a timestamp had is replaced.
 * Ties happen only by rounding: at Unix epoch magnitudes a double resolves about 0.24 µs.
 *
 * <p>Access logs are not strictly in time order: Apache writes a line when the request ends,
 * stamped with when it began, so a slow request's line comes after lines of later seconds. A
 * record whose second is earlier than the second being gathered joins that second's batch and is
 * counted in {@link #reordered()}: it is replayed late rather than out of order, so emitted times
 * never go backward. With a reorder window of W seconds (0 unless given), records are held until
 * the trace has reached W seconds past their second, so a line written up to W seconds late still
 * takes its own second; only lines later than that join the batch being gathered and count as
 * reordered. A window of 0 is the rule above.
 *
 * <p>Memory: what is held is the batch, plus the records of the window — bounded by the busiest
 * W + 1 seconds (and the late lines that join them), not by the trace's length. Record objects are
 * reused from second to second; the arrays grow only when a busier stretch comes. More than
 * {@link #MAX_HELD} records held at once stops the replay with a {@link TraceFormatException}.
 * Records keep their {@link TraceRecord#line}.
 */
public final class SpreadWithinSecond {

    /**
     * The most records held at once (about 100 bytes each, so some 100 MB). Only a trace far out of time order —
     * such as rotated logs concatenated oldest last, whose every line is late — comes near it,
     * and it stops with a message rather than running out of memory.
     */
    public static final int MAX_HELD = 1_000_000;

    private final TraceReader source;
    private final int maxHeld;
    private final DoubleSupplier uniform01;
    private final double window;
    private final PendingRecords pending = new PendingRecords();
    private TraceRecord[] spare = new TraceRecord[16];
    private int spares;
    private TraceRecord[] batch = new TraceRecord[16];
    private double[] offsets = new double[16];
    private int size;
    private int emitted;
    private double second;
    /** The latest second read so far. */
    private double newest = Double.NEGATIVE_INFINITY;
    private boolean ended;
    private long reordered;
    private int largest;

    /** Spreads {@code source}'s records with the uniforms of {@code uniform01}; a record earlier than the second being gathered joins it. */
    public SpreadWithinSecond(TraceReader source, DoubleSupplier uniform01) {
        this(source, uniform01, 0);
    }

    /** Spreads {@code source}'s records, holding them until the trace is {@code reorderWindowSeconds} past their second. */
    public SpreadWithinSecond(TraceReader source, DoubleSupplier uniform01, int reorderWindowSeconds) {
        this(source, uniform01, reorderWindowSeconds, MAX_HELD);
    }

    SpreadWithinSecond(TraceReader source, DoubleSupplier uniform01, int reorderWindowSeconds, int maxHeld) {
        if (reorderWindowSeconds < 0) throw new IllegalArgumentException("a reorder window cannot be negative: " + reorderWindowSeconds);
        this.maxHeld = maxHeld;
        this.source = source;
        this.uniform01 = uniform01;
        this.window = reorderWindowSeconds;
    }

    /**
     * Fills {@code into} with the next record, its time spread within its second; false at the end
     * of the trace.
     *
     * @throws TraceFormatException from the reader, or when more than {@link #MAX_HELD} records would be held
     */
    public boolean next(TraceRecord into) throws IOException {
        if (emitted == size && !gather()) return false;
        into.copyFrom(batch[emitted]);
        // At epoch magnitudes s + u rounds up to s + 1 when u is within about 1e-7 of 1; keep it in its second.
        double time = second + offsets[emitted];
        into.time = time < second + 1 ? time : Math.nextDown(second + 1);
        emitted++;
        return true;
    }

    /** Reads until the earliest pending second is complete, then makes it the batch; false if the trace has ended. */
    private boolean gather() throws IOException {
        for (int i = 0; i < size; i++) recycle(batch[i]);
        size = 0;
        emitted = 0;
        // The earliest pending second is complete once the trace has gone past it by more than the window.
        while (!ended && (pending.isEmpty() || pending.firstSecond() >= newest - window)) {
            TraceRecord record = spares > 0 ? spare[--spares] : new TraceRecord();
            if (!source.next(record)) {
                ended = true;
                recycle(record);
                continue;
            }
            double s = Math.floor(record.time);
            if (pending.size() >= maxHeld) throw tooMany(record, s);
            if (s < newest - window) {
                // Later than the window allows: it joins the earliest pending second, which is not
                // yet replayed. There is one, because the record that set `newest` is still pending.
                reordered++;
                s = pending.firstSecond();
            } else if (s > newest) {
                newest = s;
            }
            pending.add(record, s);
        }
        if (pending.isEmpty()) return false;
        second = pending.firstSecond();
        while (!pending.isEmpty() && pending.firstSecond() == second) {
            if (size == batch.length) {
                batch = Arrays.copyOf(batch, 2 * size);
                offsets = Arrays.copyOf(offsets, 2 * size);
            }
            batch[size++] = pending.removeFirst();
        }
        largest = Math.max(largest, size);
        for (int i = 0; i < size; i++) {
            double u = uniform01.getAsDouble();
            if (!(u >= 0 && u < 1)) throw new IllegalStateException("uniform01 gave " + u + ", outside [0, 1)");
            offsets[i] = u;
        }
        Arrays.sort(offsets, 0, size);
        return true;
    }

    private TraceFormatException tooMany(TraceRecord record, double s) {
        String late = s < newest ? " (this line is " + (long) (newest - s) + " s earlier than the latest time read)" : "";
        return new TraceFormatException(source.name(), record.line, 1, "found more than " + maxHeld
                + " records to replay within one second and the reorder window, expected a trace in time order" + late);
    }

    private void recycle(TraceRecord record) {
        if (spares == spare.length) spare = Arrays.copyOf(spare, 2 * spares);
        spare[spares++] = record;
    }

    /** Records replayed in a later second than their own because their line came too late for the window. */
    public long reordered() {
        return reordered;
    }

    /** The most records replayed within one second so far: the largest batch held. */
    public int largestSecond() {
        return largest;
    }
}
