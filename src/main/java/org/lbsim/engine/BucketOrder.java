package org.lbsim.engine;

import java.util.Arrays;

/**
 * Pending events by slot, in (time, sequence) order, as a calendar queue (Brown, "Calendar
 * queues", CACM 1988): time is cut into days of a fixed width, day d goes to bucket d mod
 * (number of buckets), and each bucket is a list sorted by time then sequence. The earliest
 * event is the head of the current day's bucket; adding one walks only its bucket's few
 * entries. O(1) per operation on average, where a binary heap of thousands of events walks a
 * dozen levels spread over hundreds of kilobytes.
 *
 * <p>The number of buckets follows the number of events (between a quarter and twice as many)
 * and, each time it changes, the width is refitted to the spacing of the earliest events, so
 * that a bucket holds about one of them. {@link EventCalendar} uses this order only for large
 * calendars: with a handful of events the heap is faster.
 */
final class BucketOrder {

    private static final int NIL = -1;
    static final int MIN_BUCKETS = 256;

    // By slot (the calendar's slot of the event): its key, its day and the next in its bucket.
    private double[] times;
    private long[] sequences;
    private long[] days;
    private int[] next;

    private int[] heads = new int[MIN_BUCKETS];
    private int[] tails = new int[MIN_BUCKETS];
    private int mask = MIN_BUCKETS - 1;
    private double inverseWidth = 1.0;
    /** No pending event lies in an earlier day. */
    private long currentDay;
    private int size;
    /** The earliest event's slot, once found; NIL when it must be searched for. */
    private int first = NIL;

    BucketOrder(int slotCapacity) {
        times = new double[slotCapacity];
        sequences = new long[slotCapacity];
        days = new long[slotCapacity];
        next = new int[slotCapacity];
        Arrays.fill(heads, NIL);
        Arrays.fill(tails, NIL);
    }

    int size() {
        return size;
    }

    /** The slots can now go up to {@code slotCapacity}. */
    void growSlots(int slotCapacity) {
        times = Arrays.copyOf(times, slotCapacity);
        sequences = Arrays.copyOf(sequences, slotCapacity);
        days = Arrays.copyOf(days, slotCapacity);
        next = Arrays.copyOf(next, slotCapacity);
    }

    void add(double time, long sequence, int slot) {
        times[slot] = time;
        sequences[slot] = sequence;
        insert(slot);
        size++;
        if (first != NIL && before(slot, first)) first = slot;
        if (size > 2 * heads.length) rebucket(2 * heads.length);
    }

    /** Time of the earliest event; only when not empty. */
    double firstTime() {
        return times[first()];
    }

    /** Scheduling order of the earliest event; only when not empty. */
    long firstSequence() {
        return sequences[first()];
    }

    /** Takes the earliest event out and returns its slot; only when not empty. */
    int pollFirst() {
        int slot = first();
        unlinkHead(slot);
        first = NIL;
        size--;
        if (size < heads.length / 4 && heads.length > MIN_BUCKETS) rebucket(heads.length / 2);
        return slot;
    }

    /** Every event's time, sequence and slot, earliest first; empties this order. */
    void drainInOrder(double[] timesOut, long[] sequencesOut, int[] slotsOut) {
        for (int i = 0; size > 0; i++) {
            int slot = first();
            unlinkHead(slot);
            first = NIL;
            size--;
            timesOut[i] = times[slot];
            sequencesOut[i] = sequences[slot];
            slotsOut[i] = slot;
        }
    }

    private void insert(int slot) {
        long day = (long) (times[slot] * inverseWidth); // monotone in time, so days keep the order
        days[slot] = day;
        if (day < currentDay) currentDay = day;
        int bucket = (int) day & mask;
        int tail = tails[bucket];
        if (tail == NIL) {
            heads[bucket] = slot;
            tails[bucket] = slot;
            next[slot] = NIL;
        } else if (!before(slot, tail)) { // the usual case: later than all of its bucket
            next[tail] = slot;
            next[slot] = NIL;
            tails[bucket] = slot;
        } else {
            int previous = NIL;
            int at = heads[bucket];
            while (!before(slot, at)) {
                previous = at;
                at = next[at];
            }
            next[slot] = at;
            if (previous == NIL) heads[bucket] = slot; else next[previous] = slot;
        }
    }

    private void unlinkHead(int slot) {
        int bucket = (int) days[slot] & mask;
        int after = next[slot];
        heads[bucket] = after;
        if (after == NIL) tails[bucket] = NIL;
    }

    private boolean before(int a, int b) {
        return times[a] < times[b] || times[a] == times[b] && sequences[a] < sequences[b];
    }

    /**
     * The earliest event: the head of the current day's bucket if it belongs to that day, else
     * on to the next day; after a whole round of empty days, the least of all heads.
     */
    private int first() {
        if (first != NIL) return first;
        for (int k = 0; k <= mask; k++) {
            int head = heads[(int) currentDay & mask];
            if (head != NIL && days[head] == currentDay) return first = head;
            currentDay++;
        }
        int best = NIL;
        for (int head : heads) if (head != NIL && (best == NIL || before(head, best))) best = head;
        currentDay = days[best];
        return first = best;
    }

    /** Re-spreads every event over {@code buckets} buckets, with a width refitted. */
    private void rebucket(int buckets) {
        int[] order = new int[size];
        for (int i = 0; i < order.length; i++) {
            int slot = first();
            unlinkHead(slot);
            first = NIL;
            order[i] = slot;
        }
        spread(order, buckets);
    }

    /** Starts afresh with the given events, which come in order, earliest first. */
    void fill(double[] timesIn, long[] sequencesIn, int[] slotsIn, int n) {
        for (int i = 0; i < n; i++) {
            times[slotsIn[i]] = timesIn[i];
            sequences[slotsIn[i]] = sequencesIn[i];
        }
        size = n;
        first = NIL;
        int buckets = MIN_BUCKETS;
        while (buckets < n) buckets *= 2;
        spread(Arrays.copyOf(slotsIn, n), buckets);
    }

    /**
     * Puts the events of {@code order} (earliest first) into {@code buckets} new buckets, with a
     * width of three times the mean spacing of the earliest quarter (Brown's rule of thumb).
     */
    private void spread(int[] order, int buckets) {
        int n = order.length;
        if (n > 1) {
            int k = Math.max(1, n / 4);
            double width = 3 * (times[order[k]] - times[order[0]]) / k;
            if (width > 0 && Double.isFinite(1 / width)) inverseWidth = 1 / width;
        }
        heads = new int[buckets];
        tails = new int[buckets];
        Arrays.fill(heads, NIL);
        Arrays.fill(tails, NIL);
        mask = buckets - 1;
        currentDay = n == 0 ? 0 : (long) (times[order[0]] * inverseWidth);
        for (int slot : order) insert(slot); // in order: each is appended to its bucket
    }
}
