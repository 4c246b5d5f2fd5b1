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

    /** Adds an event; its time is not before that of the event firing now, if any. */
    abstract <T> void add(double time, long sequence, EventHandler<T> handler, T payload);

    /** Removes the earliest event and runs its handler; the caller has already advanced the clock. */
    abstract void fireFirst();
}
