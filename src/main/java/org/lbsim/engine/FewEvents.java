package org.lbsim.engine;

/**
 * A handful of pending events, kept unsorted: adding one writes it at the end (or where the
 * firing event was), and the earliest is found by a scan when it is asked for. With two servers
 * behind the balancer about three events are pending (the next arrival and a completion per busy
 * server), and for so few a scan costs less than keeping a heap in order, whose every sift step
 * is a branch on which of two times is earlier: a coin toss the processor mispredicts half the
 * time.
 *
 * <p>At {@link #CAPACITY} events it is full; the simulation then moves them to an
 * {@link EventCalendar}, for good.
 */
final class FewEvents extends Calendar {

    static final int CAPACITY = 16;

    /**
     * The times' bit patterns: times are never negative (nor -0.0, see {@link #add}), and
     * non-negative doubles order as their bit patterns do as longs, so the scan compares longs.
     */
    private final long[] times = new long[CAPACITY];
    private final long[] sequences = new long[CAPACITY];
    private final EventHandler<?>[] handlers = new EventHandler<?>[CAPACITY];
    private final Object[] payloads = new Object[CAPACITY];
    private int size;
    /** Index of the earliest event, or -1 when not known since the last one fired. */
    private int first = -1;
    /** While an event's handler runs, the index of its emptied entry until an added event takes it; else -1. */
    private int hole = -1;

    @Override
    boolean isEmpty() {
        return size == 0;
    }

    @Override
    double peekTime() {
        if (first < 0) first = earliest();
        return Double.longBitsToDouble(times[first]);
    }

    @Override
    long peekSequence() {
        if (first < 0) first = earliest();
        return sequences[first];
    }

    @Override
    <T> boolean add(double time, long sequence, EventHandler<T> handler, T payload) {
        int i = hole;
        if (i >= 0) {
            hole = -1;
        } else {
            i = size;
            if (i == CAPACITY) return false;
            size = i + 1;
        }
        long bits = Double.doubleToRawLongBits(time + 0.0); // -0.0 becomes 0.0
        times[i] = bits;
        sequences[i] = sequence;
        handlers[i] = handler;
        payloads[i] = payload;
        // A later sequence, so it comes first only if strictly earlier.
        if (first >= 0 && bits < times[first]) first = i;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    void fireFirst() {
        int i = first < 0 ? earliest() : first;
        EventHandler<Object> handler = (EventHandler<Object>) handlers[i];
        Object payload = payloads[i];
        first = -1;
        // The firing event's entry is left as a hole for its handler's first new event (an
        // arrival always schedules the next one); a hole still open afterwards is filled with
        // the last entry, so that the pending events stay in [0, size).
        hole = i;
        try {
            handler.handle(payload);
        } finally {
            if (hole >= 0) closeHole();
        }
    }

    private void closeHole() {
        int i = hole;
        hole = -1;
        int last = --size;
        times[i] = times[last];
        sequences[i] = sequences[last];
        handlers[i] = handlers[last];
        payloads[i] = payloads[last];
        handlers[last] = null;
        payloads[last] = null;
    }

    /**
     * The index of the earliest event by (time, sequence); there is at least one. Plain branches:
     * with so few events they are mostly predicted.
     */
    private int earliest() {
        int best = 0;
        long bestTime = times[0];
        for (int i = 1; i < size; i++) {
            long time = times[i];
            if (time < bestTime || time == bestTime && sequences[i] < sequences[best]) {
                best = i;
                bestTime = time;
            }
        }
        return best;
    }

    @Override
    @SuppressWarnings("unchecked")
    Calendar grown() {
        EventCalendar calendar = new EventCalendar();
        for (int i = 0; i < size; i++) {
            calendar.add(Double.longBitsToDouble(times[i]), sequences[i], (EventHandler<Object>) handlers[i], payloads[i]);
        }
        return calendar;
    }
}
