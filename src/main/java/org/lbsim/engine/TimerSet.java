package org.lbsim.engine;

/**
 * Many timers that fire rarely (a health check per backend every 30 s, a load report per
 * backend every second), kept in a calendar of their own and represented in the simulation's
 * calendar by one event: the earliest of them.
 *
 * <p>Why: every operation on the simulation's calendar costs in proportion to the logarithm of
 * what is pending and, more, to the memory it spans. With 10,000 backends a timer each doubled
 * the pending events (8,000 service completions, 10,000 checks) and pushed the calendar out of
 * the L2 cache, for events that fire a few hundred times a second against thousands of
 * requests (docs/performance.md).
 *
 * <p>Timers fire at their times, in the order they were set among equal times. Against the
 * simulation's other events at the very same instant, they fire in the order their proxy event
 * was scheduled, which may differ from the order in which the timers themselves were set; a
 * timer at a random phase never meets that case.
 */
public final class TimerSet {

    private final Simulation simulation;
    private final EventCalendar timers = new EventCalendar();
    private final EventHandler<TimerSet> onDue = TimerSet::fireDue;
    /** Time of the one proxy event in the simulation's calendar that is valid; others are stale. */
    private double proxyAt = Double.POSITIVE_INFINITY;
    /** Timers are firing: the proxy is posted after they have, for whichever is then earliest. */
    private boolean firing;

    public TimerSet(Simulation simulation) {
        this.simulation = simulation;
    }

    /** Sets a timer: {@code handler.handle(payload)} after {@code delay} seconds. */
    public <T> void schedule(double delay, EventHandler<T> handler, T payload) {
        if (!(delay >= 0)) throw new IllegalArgumentException("delay must be a non-negative number, was " + delay);
        double time = simulation.now() + delay;
        timers.add(time, handler, payload);
        if (!firing && time < proxyAt) postProxy(time);
    }

    private void postProxy(double time) {
        proxyAt = time;
        simulation.scheduleAt(time, onDue, this);
    }

    private void fireDue() {
        double now = simulation.now();
        if (now != proxyAt) { // an earlier timer was set after this proxy: it was superseded
            simulation.notFired();
            return;
        }
        proxyAt = Double.POSITIVE_INFINITY;
        firing = true;
        int fired = 0;
        try {
            while (!timers.isEmpty() && timers.peekTime() <= now) {
                fired++;
                timers.fireFirst();
            }
        } finally {
            firing = false;
        }
        simulation.alsoFired(fired - 1);
        if (!timers.isEmpty()) postProxy(timers.peekTime());
    }
}
