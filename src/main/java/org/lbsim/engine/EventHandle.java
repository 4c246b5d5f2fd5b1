package org.lbsim.engine;

/**
 * A scheduled action that can be cancelled before it fires. A cancelled event stays in the
 * calendar and is skipped, uncounted, when its time comes.
 */
public final class EventHandle {

    private final Runnable action;
    private final double time;
    private boolean cancelled;
    private boolean fired;

    EventHandle(Runnable action, double time) {
        this.action = action;
        this.time = time;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** True once the action ran; a cancelled event never fires. */
    public boolean hasFired() {
        return fired;
    }

    /** The simulated time it was scheduled for. */
    public double time() {
        return time;
    }

    /** Runs the action unless cancelled; returns whether it ran. */
    boolean fire() {
        if (cancelled) return false;
        fired = true;
        action.run();
        return true;
    }
}
