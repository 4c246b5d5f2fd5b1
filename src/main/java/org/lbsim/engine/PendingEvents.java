package org.lbsim.engine;

/**
 * The pending events of a simulation, in the order they fire: by time and then by the order
 * they were scheduled in, so that ties come out the same way on every run.
 *
 * <p>Two forms: {@link FewEvents} for a handful, {@link EventCalendar} for more. A simulation
 * starts with the first and moves to the second, once, when it outgrows it. Each run's code then
 * has a single form behind these calls, which the JIT compiler inlines; one class with both
 * forms measured slower than either alone (docs/performance.md).
 */
abstract class PendingEvents {

    abstract boolean isEmpty();

    /** Time of the earliest event; only valid when not empty. */
    abstract double peekTime();

    /** Scheduling order of the earliest event; only valid when not empty. */
    abstract long peekSequence();

    /** Events pending. */
    abstract int size();

    /**
     * Adds an event, numbered by the simulation in the order events are scheduled; false, adding
     * nothing, when this form is full (then use {@link #grown}).
     */
    abstract <T> boolean add(double time, long sequence, EventHandler<T> handler, T payload);

    /** Removes the earliest event and runs it; the caller has already advanced the clock. */
    abstract void fireFirst();

    /** A larger form holding the same events, in the same order. */
    abstract PendingEvents grown();
}
