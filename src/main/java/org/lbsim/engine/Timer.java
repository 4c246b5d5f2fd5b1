package org.lbsim.engine;

/**
 * Something that recurs (a health check, a load report, a sample): at each firing it does its
 * work and says when it fires next. Started with {@link Simulation#startTimer}.
 */
@FunctionalInterface
public interface Timer<T> {

    /** What {@link #fire} returns when the timer is done. */
    double STOP = Double.POSITIVE_INFINITY;

    /**
     * Does the work of one firing and returns the simulated time of the next, not before now,
     * or {@link #STOP}.
     */
    double fire(T payload);
}
