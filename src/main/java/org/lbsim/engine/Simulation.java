package org.lbsim.engine;

/**
 * The simulated clock and its event calendar.
 *
 * <p>Events fire in order of time and, at equal times, in the order they were scheduled.
 * Scheduling in the past is an error. A simulation is driven by one thread at a time.
 */
public final class Simulation {

    /** The small form, replaced by the large one if it fills up (see {@link PendingEvents}). */
    private PendingEvents calendar;
    private double now;
    private long eventsFired;
    private boolean stopRequested;
    /** Fires a cancellable event; a cancelled one is skipped and not counted as fired. */
    private final EventHandler<EventHandle> fireHandle = handle -> {
        if (!handle.fire()) eventsFired--;
    };

    /** A simulation whose calendar starts small: for models with a handful of pending events. */
    public Simulation() {
        this(0);
    }

    /**
     * A simulation for a model that keeps about {@code expectedPending} events pending (a
     * completion per busy worker, an arrival per client, ...). Above half the small form's
     * capacity the calendar starts in its large form, so that the run never switches forms and
     * its calendar calls stay monomorphic (the switch cost 5% at 100 backends,
     * docs/performance.md). Only speed depends on the hint, never the order of events.
     */
    public Simulation(int expectedPending) {
        calendar = expectedPending > FewEvents.CAPACITY / 2 ? new EventCalendar() : new FewEvents();
    }

    /** The current simulated time in seconds. */
    public double now() {
        return now;
    }

    /** Events that have fired so far (cancelled ones are not counted). */
    public long eventsFired() {
        return eventsFired;
    }


    /** Schedules {@code handler.handle(payload)} after {@code delay} seconds. */
    public <T> void schedule(double delay, EventHandler<T> handler, T payload) {
        if (!(delay >= 0)) throw new IllegalArgumentException("delay must be a non-negative number, was " + delay);
        add(now + delay, handler, payload);
    }

    /** Schedules {@code handler.handle(payload)} at the absolute time {@code time}. */
    public <T> void scheduleAt(double time, EventHandler<T> handler, T payload) {
        if (!(time >= now)) throw new IllegalArgumentException("cannot schedule at " + time + ", before now (" + now + ")");
        add(time, handler, payload);
    }

    /** Schedules an action that may be cancelled before it fires. */
    public EventHandle scheduleCancellable(double delay, Runnable action) {
        if (!(delay >= 0)) throw new IllegalArgumentException("delay must be a non-negative number, was " + delay);
        EventHandle handle = new EventHandle(action, now + delay);
        add(now + delay, fireHandle, handle);
        return handle;
    }

    private <T> void add(double time, EventHandler<T> handler, T payload) {
        if (!calendar.add(time, handler, payload)) {
            calendar = calendar.grown();
            calendar.add(time, handler, payload);
        }
    }

    /**
     * Fires events in order until the next one lies beyond {@code endTime}, the calendar is
     * empty or {@link #stop()} is called; then the clock stands at {@code endTime} (or where it
     * stopped).
     */
    public void runUntil(double endTime) {
        if (endTime < now) throw new IllegalArgumentException("cannot run back to " + endTime + " from " + now);
        stopRequested = false;
        while (!stopRequested && !calendar.isEmpty() && calendar.peekTime() <= endTime) {
            now = calendar.peekTime();
            eventsFired++;
            calendar.fireFirst();
        }
        if (!stopRequested) now = endTime;
    }

    /**
     * Fires exactly the next event, if any, and returns whether one fired; for single-stepping.
     */
    public boolean step() {
        if (calendar.isEmpty()) return false;
        now = calendar.peekTime();
        eventsFired++;
        calendar.fireFirst();
        return true;
    }

    /** The event firing now was a stale one that did nothing: it does not count as fired. */
    void notFired() {
        eventsFired--;
    }

    /** The event firing now stood for {@code more} events besides itself (see {@link TimerSet}). */
    void alsoFired(int more) {
        eventsFired += more;
    }

    /** Makes {@link #runUntil} return after the event that is firing now. */
    public void stop() {
        stopRequested = true;
    }
}
