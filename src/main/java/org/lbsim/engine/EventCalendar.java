package org.lbsim.engine;

import java.util.Arrays;

/**
 * The requests' events, any number of them, in (time, sequence) order.
 *
 * <p>A binary heap of primitives: each heap entry is a time, a sequence number and the index of
 * a slot that holds the event's handler and payload. Sifting moves only the primitives; the two
 * references are written once when the event is added and cleared when it fires, so that adding
 * or firing an event allocates nothing once the arrays have grown to the run's peak.
 *
 * <p>Above {@link #LARGE} pending events (a completion per busy server of a big cluster) the
 * events move to a calendar queue, {@link BucketOrder}, which does O(1) work per event where the
 * heap walks a dozen levels; below {@link #SMALL} they move back, the heap being faster for few.
 * Both keep the same order, so which one holds the events never changes a result.
 */
final class EventCalendar extends Calendar {

    private static final int INITIAL_CAPACITY = 1024;
    /** Above this many pending events the calendar queue takes over; below {@link #SMALL} the heap again. */
    static final int LARGE = 2048;
    static final int SMALL = 512;

    // The heap.
    private double[] times = new double[INITIAL_CAPACITY];
    private long[] sequences = new long[INITIAL_CAPACITY];
    private int[] slotOf = new int[INITIAL_CAPACITY];
    private int size;
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

    /** The calendar queue, made when first needed, and whether it holds the events now (the heap is then empty). */
    private BucketOrder buckets;
    private boolean bucketed;

    @SuppressWarnings("unchecked")
    private static EventHandler<Object>[] newHandlerArray(int length) {
        return (EventHandler<Object>[]) new EventHandler<?>[length];
    }

    @Override
    boolean isEmpty() {
        return bucketed ? buckets.size() == 0 : size == 0;
    }

    @Override
    double peekTime() {
        return bucketed ? buckets.firstTime() : times[0];
    }

    @Override
    long peekSequence() {
        return bucketed ? buckets.firstSequence() : sequences[0];
    }

    private int size() {
        return bucketed ? buckets.size() : size;
    }

    @Override
    @SuppressWarnings("unchecked")
    <T> boolean add(double time, long sequence, EventHandler<T> handler, T payload) {
        time += 0.0; // -0.0 becomes 0.0, so that every time's bit pattern is non-negative
        int slot = takeSlot();
        handlers[slot] = (EventHandler<Object>) handler;
        payloads[slot] = payload;
        if (bucketed) {
            buckets.add(time, sequence, slot);
            return true;
        }
        if (rootFiring) {
            // Not before the firing event (time >= now, a later sequence): it replaces the root.
            rootFiring = false;
            siftDown(time, sequence, slot, size);
            return true;
        }
        if (size == times.length) growHeap();
        siftUp(time, sequence, slot, size++);
        return true;
    }

    @Override
    Calendar grown() {
        return this;
    }

    @Override
    void fireFirst() {
        if (bucketed ? buckets.size() < SMALL : size > LARGE) switchOrder();
        if (bucketed) {
            fire(buckets.pollFirst());
            return;
        }
        rootFiring = true;
        try {
            fire(slotOf[0]);
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

    private void fire(int slot) {
        EventHandler<Object> handler = handlers[slot];
        Object payload = payloads[slot];
        handlers[slot] = null;
        payloads[slot] = null;
        freeSlots[freeCount++] = slot;
        handler.handle(payload);
    }

    /** Moves every pending event from the heap to the calendar queue, or back. Between events only. */
    private void switchOrder() {
        int n = size();
        double[] orderedTimes = new double[n];
        long[] orderedSequences = new long[n];
        int[] orderedSlots = new int[n];
        if (bucketed) {
            buckets.drainInOrder(orderedTimes, orderedSequences, orderedSlots);
            // Ascending order is a valid heap.
            while (times.length < n) growHeap();
            System.arraycopy(orderedTimes, 0, times, 0, n);
            System.arraycopy(orderedSequences, 0, sequences, 0, n);
            System.arraycopy(orderedSlots, 0, slotOf, 0, n);
            size = n;
            bucketed = false;
        } else {
            for (int i = 0; i < n; i++) {
                orderedTimes[i] = times[0];
                orderedSequences[i] = sequences[0];
                orderedSlots[i] = slotOf[0];
                removeRoot();
            }
            if (buckets == null) buckets = new BucketOrder(handlers.length);
            buckets.fill(orderedTimes, orderedSequences, orderedSlots, n);
            bucketed = true;
        }
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
        if (slotsInUse == handlers.length) growSlots();
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

    private void growHeap() {
        int length = times.length * 2;
        times = Arrays.copyOf(times, length);
        sequences = Arrays.copyOf(sequences, length);
        slotOf = Arrays.copyOf(slotOf, length);
    }

    /** One slot per pending event (and the firing one's, until its handler returns). */
    private void growSlots() {
        int length = handlers.length * 2;
        handlers = Arrays.copyOf(handlers, length);
        payloads = Arrays.copyOf(payloads, length);
        freeSlots = Arrays.copyOf(freeSlots, length);
        if (buckets != null) buckets.growSlots(length);
    }
}
