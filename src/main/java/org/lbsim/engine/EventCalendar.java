package org.lbsim.engine;

import java.util.Arrays;

/**
 * The pending events, ordered by time and then by the order they were scheduled in, so that
 * ties come out the same way on every run.
 *
 * <p>A binary heap over parallel arrays: an entry is a time, a sequence number, a handler and a
 * payload, and adding or removing one allocates nothing once the arrays have grown to the
 * run's peak. That keeps the per-request path free of garbage.
 */
final class EventCalendar {

    private double[] times = new double[1024];
    private long[] sequences = new long[1024];
    private EventHandler<Object>[] handlers = newHandlerArray(1024);
    private Object[] payloads = new Object[1024];
    private int size;
    private long nextSequence;

    @SuppressWarnings("unchecked")
    private static EventHandler<Object>[] newHandlerArray(int length) {
        return (EventHandler<Object>[]) new EventHandler<?>[length];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event; only valid when not empty. */
    double peekTime() {
        return times[0];
    }

    @SuppressWarnings("unchecked")
    <T> void add(double time, EventHandler<T> handler, T payload) {
        if (size == times.length) grow();
        long sequence = nextSequence++;
        int hole = size++;
        // Sift up: move parents down until the new entry's place is found.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) break;
            move(parent, hole);
            hole = parent;
        }
        set(hole, time, sequence, (EventHandler<Object>) handler, payload);
    }

    /** Removes the earliest event and runs it; the caller has already advanced the clock. */
    void fireFirst() {
        EventHandler<Object> handler = handlers[0];
        Object payload = payloads[0];
        int last = --size;
        if (last > 0) {
            siftDownFromRoot(times[last], sequences[last], handlers[last], payloads[last], last);
        }
        handlers[last] = null;
        payloads[last] = null;
        handler.handle(payload);
    }

    private void siftDownFromRoot(double time, long sequence, EventHandler<Object> handler, Object payload, int n) {
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            int right = child + 1;
            if (right < n && before(times[right], sequences[right], times[child], sequences[child])) child = right;
            if (!before(times[child], sequences[child], time, sequence)) break;
            move(child, hole);
            hole = child;
        }
        set(hole, time, sequence, handler, payload);
    }

    private static boolean before(double timeA, long seqA, double timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        handlers[to] = handlers[from];
        payloads[to] = payloads[from];
    }

    private void set(int index, double time, long sequence, EventHandler<Object> handler, Object payload) {
        times[index] = time;
        sequences[index] = sequence;
        handlers[index] = handler;
        payloads[index] = payload;
    }

    private void grow() {
        int length = times.length * 2;
        times = Arrays.copyOf(times, length);
        sequences = Arrays.copyOf(sequences, length);
        handlers = Arrays.copyOf(handlers, length);
        payloads = Arrays.copyOf(payloads, length);
    }
}
