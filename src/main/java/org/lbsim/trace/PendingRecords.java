package org.lbsim.trace;

import java.util.Arrays;

/**
 * Records waiting to be replayed, the earliest second first and, within a second, in the order
 * they were added: a binary min-heap keyed by (second, order added). Its arrays grow to the most
 * records ever pending and never shrink, so a steady trace allocates nothing.
 */
final class PendingRecords {

    private TraceRecord[] records = new TraceRecord[16];
    private double[] seconds = new double[16];
    private long[] order = new long[16];
    private int size;
    private long added;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The second of the first record; only when not empty. */
    double firstSecond() {
        return seconds[0];
    }

    /** Adds {@code record} (the heap keeps the object) to be replayed within {@code second}. */
    void add(TraceRecord record, double second) {
        if (size == records.length) {
            int grown = 2 * size;
            records = Arrays.copyOf(records, grown);
            seconds = Arrays.copyOf(seconds, grown);
            order = Arrays.copyOf(order, grown);
        }
        int i = size++;
        long o = added++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(second, o, seconds[parent], order[parent])) break;
            move(parent, i);
            i = parent;
        }
        put(i, record, second, o);
    }

    /** Removes and returns the first record; only when not empty. */
    TraceRecord removeFirst() {
        TraceRecord first = records[0];
        int last = --size;
        TraceRecord record = records[last];
        double second = seconds[last];
        long o = order[last];
        records[last] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && before(seconds[child + 1], order[child + 1], seconds[child], order[child])) child++;
            if (!before(seconds[child], order[child], second, o)) break;
            move(child, i);
            i = child;
        }
        if (size > 0) put(i, record, second, o);
        return first;
    }

    private static boolean before(double second, long order, double otherSecond, long otherOrder) {
        return second < otherSecond || (second == otherSecond && order < otherOrder);
    }

    private void move(int from, int to) {
        put(to, records[from], seconds[from], order[from]);
    }

    private void put(int i, TraceRecord record, double second, long o) {
        records[i] = record;
        seconds[i] = second;
        order[i] = o;
    }
}
