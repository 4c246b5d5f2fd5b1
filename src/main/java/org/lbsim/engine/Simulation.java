package org.lbsim.engine;

/**
 * The simulated clock and its pending events.
 *
 * <p>Events fire in order of time and, at equal times, in the order they were scheduled.
 * Scheduling in the past is an error. A simulation is driven by one thread at a time.
 *
 * <p>The model schedules events ({@link #schedule}) and starts timers ({@link #startTimer}) for
 * what recurs; how they are held is the engine's business. Both share one order, but timers wait
 * in a calendar of their own: the requests' events are then fired from a call that sees only
 * the model's few frequent handlers, which the JIT compiler can inline (docs/design-notes.md).
 */
public final class Simulation {

    /** The requests' events: few at first, in a form that grows when it fills up. */
    private Calendar events = new FewEvents();
    private final PlainCalendar timers = new PlainCalendar();
    /** Time of the earliest timer, or +infinity when there is none: compared with the events' at every step. */
    private double nextTimerAt = Double.POSITIVE_INFINITY;
    /** Fires a timer and puts it back for its next firing. */
    private final EventHandler<StartedTimer<?>> fireTimer = this::fireTimer;
    /** The scheduling order, shared by events and timers. */
    private long nextSequence;
    private double now;
    private long eventsFired;
    private boolean stopRequested;

    /** A timer with the payload it was started with. */
    private record StartedTimer<T>(Timer<T> timer, T payload) {
    }

    /** The current simulated time in seconds. */
    public double now() {
        return now;
    }

    /** Events (and timer firings) that have fired so far. */
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
        add(notBeforeNow(time), handler, payload);
    }

    /**
     * Starts a timer that first fires at the absolute time {@code firstTime} and then whenever
     * it says, until it returns {@link Timer#STOP}. Each firing takes its place in the order of
     * events before the timer runs, so it comes before anything the timer schedules for the same time.
     */
    public <T> void startTimer(double firstTime, Timer<T> timer, T payload) {
        timers.add(notBeforeNow(firstTime), nextSequence++, fireTimer, new StartedTimer<>(timer, payload));
        nextTimerAt = timers.peekTime();
    }

    private <T> void fireTimer(StartedTimer<T> started) {
        long sequence = nextSequence++;
        double next = started.timer().fire(started.payload());
        if (next != Timer.STOP) timers.add(notBeforeNow(next), sequence, fireTimer, started);
    }

    private <T> void add(double time, EventHandler<T> handler, T payload) {
        long sequence = nextSequence++;
        if (!events.add(time, sequence, handler, payload)) {
            events = events.grown();
            events.add(time, sequence, handler, payload);
        }
    }

    /** {@code time}, which must not be in the past. */
    private double notBeforeNow(double time) {
        if (!(time >= now)) throw new IllegalArgumentException("cannot schedule at " + time + ", before now (" + now + ")");
        return time;
    }

    /**
     * Fires events in order until the next one lies beyond {@code endTime}, none is left or
     * {@link #stop()} is called; then the clock stands at {@code endTime} (or where it stopped).
     */
    public void runUntil(double endTime) {
        if (endTime < now) throw new IllegalArgumentException("cannot run back to " + endTime + " from " + now);
        stopRequested = false;
        fire(endTime, Long.MAX_VALUE);
        if (!stopRequested) now = endTime;
    }

    /** Fires exactly the next event, if any, and returns whether one fired; for single-stepping. */
    public boolean step() {
        return fire(Double.POSITIVE_INFINITY, 1) == 1;
    }

    /** Makes {@link #runUntil} return after the event that is firing now. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Fires the earliest event or timer, again and again, until {@code maxEvents} have fired, the
     * next one lies beyond {@code endTime}, none is left or {@link #stop()} was called during the
     * last one; returns how many fired.
     *
     * <p>The choice between the two calendars is made here, in the loop a run enters once, and
     * not in a method called for each event: the JIT compiler then compiles the events' firing,
     * with its handlers inlined, apart from the test for timers, and a timer's first firing
     * cannot invalidate that large compilation.
     */
    private long fire(double endTime, long maxEvents) {
        long fired = 0;
        while (fired < maxEvents) {
            boolean timer;
            double time;
            if (!events.isEmpty()) {
                time = events.peekTime();
                timer = nextTimerAt < time || nextTimerAt == time && !timers.isEmpty()
                        && timers.peekSequence() < events.peekSequence();
                if (timer) time = nextTimerAt;
            } else if (!timers.isEmpty()) {
                time = nextTimerAt;
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
                events.fireFirst();
            }
            if (stopRequested) break;
        }
        return fired;
    }
}
