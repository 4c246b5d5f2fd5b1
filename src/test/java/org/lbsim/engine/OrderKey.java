package org.lbsim.engine;

/**
 * An event as the calendar tests' oracle (a {@link java.util.PriorityQueue}) sees it: its time
 * and the order it was added in, compared as the calendar must order them.
 */
record OrderKey(double time, long order) implements Comparable<OrderKey> {
    @Override
    public int compareTo(OrderKey other) {
        int byTime = Double.compare(time, other.time);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}
