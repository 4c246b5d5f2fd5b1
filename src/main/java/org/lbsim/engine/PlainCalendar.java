package org.lbsim.engine;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The calendar at its plainest: a {@link PriorityQueue} of entries ordered by (time, sequence).
 * It holds the timers, which are few next to the requests' events and fire rarely, and it is
 * the reference the tests hold {@link EventCalendar} against.
 */
final class PlainCalendar extends Calendar {

    private record Entry(double time, long sequence, EventHandler<Object> handler, Object payload) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::time).thenComparingLong(Entry::sequence);

    private final PriorityQueue<Entry> entries = new PriorityQueue<>(ORDER);

    @Override
    boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    double peekTime() {
        return entries.element().time();
    }

    @Override
    long peekSequence() {
        return entries.element().sequence();
    }

    @Override
    @SuppressWarnings("unchecked")
    <T> boolean add(double time, long sequence, EventHandler<T> handler, T payload) {
        return entries.add(new Entry(time, sequence, (EventHandler<Object>) handler, payload));
    }

    @Override
    Calendar grown() {
        return this;
    }

    @Override
    void fireFirst() {
        Entry first = entries.remove();
        first.handler().handle(first.payload());
    }
}
