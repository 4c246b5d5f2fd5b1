package org.lbsim.engine;

/**
 * The simulated clock and its event calendar.
 *
 * <p>Events fire in order of time and, at equal times, in the order they were scheduled.
 * Scheduling in the past is an error. A simulation is driven by one thread at a time.
 *
 * <p>The calendar has two lanes that share that one order: the model's frequent events (a
 * request's arrival, its completion, ...) and <em>timers</em> (periodic checks, reports and
 * samples; scripted events), which {@link #scheduleTimer} keeps apart. Why: the frequent events
 * are fired from one call whose handler classes the JIT compiler profiles; with only arrivals
 * and completions there it inlines both, and one more class (a health-check timer firing once in
 * 30 seconds) made that call megamorphic, 7% of the reference workload (docs/performance.md).
 */
public final class Simulation {

    /** The frequent events: the small form, replaced by the large one if it fills up (see {@link PendingEvents}). */
    private PendingEvents calendar;
    /** The timers, in a calendar of their own: one per backend of a big cluster, firing rarely. */
    private final EventCalendar timers = new EventCalendar();
    /** Time of the earliest timer, or +infinity when there is none: compared with the frequent events' at every step. */
    private double nextTimerAt = Double.POSITIVE_INFINITY;
    /** The scheduling order, shared by both lanes. */
    private long nextSequence;
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
     * A simulation for a model that keeps about {@code expectedPending} frequent events pending
     * (a completion per busy worker, an arrival per client, ...). Above half the small form's
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
        add(timeAfter(delay), handler, payload);
    }

    /** Schedules {@code handler.handle(payload)} at the absolute time {@code time}. */
    public <T> void scheduleAt(double time, EventHandler<T> handler, T payload) {
        add(notBeforeNow(time), handler, payload);
    }

    /** Schedules an action that may be cancelled before it fires. */
    public EventHandle scheduleCancellable(double delay, Runnable action) {
        double time = timeAfter(delay);
        EventHandle handle = new EventHandle(action, time);
        add(time, fireHandle, handle);
        return handle;
    }

    private <T> void add(double time, EventHandler<T> handler, T payload) {
        long sequence = nextSequence++;
        if (!calendar.add(time, sequence, handler, payload)) {
            calendar = calendar.grown();
            calendar.add(time, sequence, handler, payload);
        }
    }

    /**
     * Schedules a timer: {@code handler.handle(payload)} after {@code delay} seconds, in the same
     * order as any event, but in the timers' lane. For what fires rarely next to requests:
     * periodic checks, reports and samples, scripted changes.
     */
    public <T> void scheduleTimer(double delay, EventHandler<T> handler, T payload) {
        addTimer(timeAfter(delay), handler, payload);
    }

    /** Schedules a timer (see {@link #scheduleTimer}) at the absolute time {@code time}. */
    public <T> void scheduleTimerAt(double time, EventHandler<T> handler, T payload) {
        addTimer(notBeforeNow(time), handler, payload);
    }

    /** The time {@code delay} seconds from now; a negative (or NaN) delay is a mistake. */
    private double timeAfter(double delay) {
        if (!(delay >= 0)) throw new IllegalArgumentException("delay must be a non-negative number, was " + delay);
        return now + delay;
    }

    /** {@code time}, which must not be in the past. */
    private double notBeforeNow(double time) {
        if (!(time >= now)) throw new IllegalArgumentException("cannot schedule at " + time + ", before now (" + now + ")");
        return time;
    }

    private <T> void addTimer(double time, EventHandler<T> handler, T payload) {
        timers.add(time, nextSequence++, handler, payload);
        // An equal time is not earlier: the pending one was scheduled first.
        if (time < nextTimerAt) nextTimerAt = time;
    }

    /**
     * Fires events in order until the next one lies beyond {@code endTime}, the calendar is
     * empty or {@link #stop()} is called; then the clock stands at {@code endTime} (or where it
     * stopped).
     */
    public void runUntil(double endTime) {
        if (endTime < now) throw new IllegalArgumentException("cannot run back to " + endTime + " from " + now);
        stopRequested = false;
        fire(endTime, Long.MAX_VALUE);
        if (!stopRequested) now = endTime;
    }

    /**
     * Fires exactly the next event, if any, and returns whether one fired; for single-stepping.
     */
    public boolean step() {
        return fire(Double.POSITIVE_INFINITY, 1) == 1;
    }

    /**
     * Fires the earliest event of either lane, again and again, until {@code maxEvents} have
     * fired, the next one lies beyond {@code endTime}, none is left or {@link #stop()} was
     * called during the last one; returns how many fired.
     *
     * <p>The loop and the choice of lane are here, in the method a run enters once, rather than
     * in a method called for each event, because of how the JIT compiler warms up. The method
     * called for each event is then the lane's {@code fireFirst}, which C2 compiles first, with
     * the handlers inlined: the large compilation, and it holds no test of the timers. The timer
     * test is only in the loop's own compilation, which is small. A timer comes only after
     * thousands of events, so C2 compiles the timer test as never true, and the first timer
     * throws that compilation away: when the per-event method held the timer test, that threw
     * away the large one, and the run went back to profiled C1 code for ~50 ms
     * (docs/performance.md).
     */
    private long fire(double endTime, long maxEvents) {
        long fired = 0;
        while (fired < maxEvents) {
            boolean timer;
            double time;
            if (!calendar.isEmpty()) {
                time = calendar.peekTime();
                timer = nextTimerAt < time || nextTimerAt == time && !timers.isEmpty()
                        && timers.peekSequence() < calendar.peekSequence();
                if (timer) time = nextTimerAt;
            } else if (!timers.isEmpty()) {
                time = timers.peekTime();
                timer = true;
            } else {
                break;
            }
            if (time > endTime) break;
            now = time;
            eventsFired++;
            fired++;
            if (timer) {
                timers.fireFirst();
                nextTimerAt = timers.isEmpty() ? Double.POSITIVE_INFINITY : timers.peekTime();
            } else {
                calendar.fireFirst();
            }
            if (stopRequested) break;
        }
        return fired;
    }

    /** Makes {@link #runUntil} return after the event that is firing now. */
    public void stop() {
        stopRequested = true;
    }
}
