package org.lbsim.engine;

import java.util.Arrays;

/**
 * The pending events, ordered by time and then by the order they were scheduled in, so that
 * ties come out the same way on every run.
 *
 * <p>A binary heap of primitives: each heap entry is a time, a sequence number and the index
 * of a slot that holds the event's handler and payload. Sifting moves only the primitives; the
 * two references are written once when the event is added and cleared when it fires. That
 * keeps garbage-collector write barriers off the sift loops, and adding or firing an event
 * allocates nothing once the arrays have grown to the run's peak.
 */
final class EventCalendar {

    private static final int INITIAL_CAPACITY = 1024;

    // The heap.
    private double[] times = new double[INITIAL_CAPACITY];
    private long[] sequences = new long[INITIAL_CAPACITY];
    private int[] slotOf = new int[INITIAL_CAPACITY];
    private int size;
    private long nextSequence;

    // The slots: what each event does. Free slots form a stack.
    private EventHandler<Object>[] handlers = newHandlerArray(INITIAL_CAPACITY);
    private Object[] payloads = new Object[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsInUse;

    @SuppressWarnings("unchecked")
    private static EventHandler<Object>[] newHandlerArray(int length) {
        return (EventHandler<Object>[]) new EventHandler<?>[length];
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
        int slot = takeSlot();
        handlers[slot] = (EventHandler<Object>) handler;
        payloads[slot] = payload;
        long sequence = nextSequence++;
        int hole = size++;
        // Sift up: move parents down until the new entry's place is found.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) break;
            move(parent, hole);
            hole = parent;
        }
        times[hole] = time;
        sequences[hole] = sequence;
        slotOf[hole] = slot;
    }

    /** Removes the earliest event and runs it; the caller has already advanced the clock. */
    void fireFirst() {
        int slot = slotOf[0];
        EventHandler<Object> handler = handlers[slot];
        Object payload = payloads[slot];
        handlers[slot] = null;
        payloads[slot] = null;
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (last > 0) siftDownFromRoot(times[last], sequences[last], slotOf[last], last);
        handler.handle(payload);
    }

    private int takeSlot() {
        if (freeCount > 0) return freeSlots[--freeCount];
        return slotsInUse++;
    }

    private void siftDownFromRoot(double time, long sequence, int slot, int n) {
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            int right = child + 1;
            if (right < n && before(times[right], sequences[right], times[child], sequences[child])) child = right;
            if (!before(times[child], sequences[child], time, sequence)) break;
            move(child, hole);
            hole = child;
        }
        times[hole] = time;
        sequences[hole] = sequence;
        slotOf[hole] = slot;
    }

    private static boolean before(double timeA, long seqA, double timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        slotOf[to] = slotOf[from];
    }

    /** Heap and slots grow together: there is exactly one slot in use per pending event. */
    private void grow() {
        int length = times.length * 2;
        times = Arrays.copyOf(times, length);
        sequences = Arrays.copyOf(sequences, length);
        slotOf = Arrays.copyOf(slotOf, length);
        handlers = Arrays.copyOf(handlers, length);
        payloads = Arrays.copyOf(payloads, length);
        freeSlots = Arrays.copyOf(freeSlots, length);
    }
}
