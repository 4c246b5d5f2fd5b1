package org.lbsim.metrics;

/**
 * A piecewise-constant quantity (busy workers, requests in system, up or down) and its time
 * average over a window that starts at the warm-up and ends when the mean is read.
 */
public final class TimeWeightedValue {

    private double value;
    private double lastChange;
    private double area;
    private double windowStart;
    /** The integral since time 0, never reset: for sampling any interval by differences. */
    private double lifetimeArea;

    public TimeWeightedValue(double initialValue) {
        this.value = initialValue;
    }

    public double value() {
        return value;
    }

    public void set(double now, double newValue) {
        double increment = value * (now - lastChange);
        area += increment;
        lifetimeArea += increment;
        lastChange = now;
        value = newValue;
    }

    public void add(double now, double delta) {
        set(now, value + delta);
    }

    /** Forgets everything before {@code now} in the window's mean (the end of the warm-up); the lifetime integral goes on. */
    public void startWindow(double now) {
        lifetimeArea += value * (now - lastChange); // the span since the last change still counts from time 0
        area = 0;
        lastChange = now;
        windowStart = now;
    }

    /** Where the measured window starts: time 0, or the last {@link #startWindow}. */
    public double windowStart() {
        return windowStart;
    }

    /** The integral of the value from time 0 to {@code now}. */
    public double integral(double now) {
        return lifetimeArea + value * (now - lastChange);
    }

    /** The time average from the window's start to {@code now}; the current value if no time passed. */
    public double mean(double now) {
        double span = now - windowStart;
        if (span <= 0) return value;
        return (area + value * (now - lastChange)) / span;
    }
}
