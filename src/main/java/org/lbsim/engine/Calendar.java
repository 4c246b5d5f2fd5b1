package org.lbsim.engine;

/**
 * Pending events in the order they fire: by time, then by the sequence number the simulation
 * gave each when it was scheduled, so that ties come out the same way on every run.
 */
abstract class Calendar {

    abstract boolean isEmpty();

    /** Time of the earliest event; only when not empty. */
    abstract double peekTime();

    /** Sequence number of the earliest event; only when not empty. */
    abstract long peekSequence();

    /**
     * Adds an event, whose time is not before that of the event firing now, if any; false, adding
     * nothing, when this form of calendar is full (then use {@link #grown}).
     */
    abstract <T> boolean add(double time, long sequence, EventHandler<T> handler, T payload);

    /** A larger form holding the same events, in the same order; itself if it is never full. */
    abstract Calendar grown();

    /** Removes the earliest event and runs its handler; the caller has already advanced the clock. */
    abstract void fireFirst();
}
