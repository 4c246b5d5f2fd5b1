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
    /**
     * The root's event is firing and its entry is dead but still in place: the handler's first
     * new event takes the root's place (one sift) instead of the root being removed and the new
     * event added (two), and if the handler adds none the root is removed when it returns.
     */
    private boolean rootFiring;

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
        time += 0.0; // -0.0 becomes 0.0, so that every time's bit pattern is non-negative
        if (!rootFiring && size == times.length) grow();
        int slot = takeSlot();
        handlers[slot] = (EventHandler<Object>) handler;
        payloads[slot] = payload;
        long sequence = nextSequence++;
        if (rootFiring) {
            // Not before the firing event (time >= now, a later sequence): it replaces the root.
            rootFiring = false;
            siftDown(time, sequence, slot, size);
            return;
        }
        siftUp(time, sequence, slot, size++);
    }

    /** Removes the earliest event and runs it; the caller has already advanced the clock. */
    void fireFirst() {
        int slot = slotOf[0];
        EventHandler<Object> handler = handlers[slot];
        Object payload = payloads[slot];
        handlers[slot] = null;
        payloads[slot] = null;
        freeSlots[freeCount++] = slot;
        rootFiring = true;
        try {
            handler.handle(payload);
        } finally {
            if (rootFiring) {
                rootFiring = false;
                removeRoot();
            }
        }
    }

    /**
     * Removes the root, refilling it with the last entry. That entry is usually among the
     * latest, so the hole is first walked down to a leaf along the smaller children (one
     * comparison a level instead of two) and the entry sifted up from there (Floyd's
     * bottom-up heap sort trick).
     */
    private void removeRoot() {
        int n = --size;
        if (n == 0) return;
        double time = times[n];
        long sequence = sequences[n];
        int slot = slotOf[n];
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            if (child + 1 < n) child += rightFirst(child);
            move(child, hole);
            hole = child;
        }
        siftUp(time, sequence, slot, hole);
    }

    private void siftUp(double time, long sequence, int slot, int hole) {
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

    private int takeSlot() {
        if (freeCount > 0) return freeSlots[--freeCount];
        return slotsInUse++;
    }

    private void siftDown(double time, long sequence, int slot, int n) {
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            if (child + 1 < n) child += rightFirst(child);
            if (!before(times[child], sequences[child], time, sequence)) break;
            move(child, hole);
            hole = child;
        }
        times[hole] = time;
        sequences[hole] = sequence;
        slotOf[hole] = slot;
    }

    /**
     * 1 when the right child {@code left + 1} comes first, else 0. Which child is smaller is a
     * coin toss, so a branch on it is mispredicted half the time, at every level of a sift; this
     * is arithmetic instead, branching only on a tie of times (rare). Non-negative doubles
     * order as their bit patterns do, as longs; times are never -0.0 (see {@link #add}).
     */
    private int rightFirst(int left) {
        long d = Double.doubleToRawLongBits(times[left + 1]) - Double.doubleToRawLongBits(times[left]);
        if (d == 0) d = sequences[left + 1] - sequences[left];
        return (int) (d >>> 63);
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
