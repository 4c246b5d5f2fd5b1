package org.lbsim.cluster;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.Moment;

/**
 * The run's moments for the charts, in time order, as the parts of the cluster record them
 * where they happen: impairments in {@link ServerImpairments}, the balancer's verdicts in its
 * checks, membership and configuration in {@link Cluster}'s control methods, so that a moment is
 * the same whether the timeline, a click or the autoscaler caused it.
 *
 * <p>Moments are rare (nothing here runs per request), but a flapping check in a long run could
 * make many: the log keeps the first {@value #CAPACITY} and only counts the rest, so its memory
 * has a bound. It only grows, so {@link #upToNow()} hands observers on other threads a view of
 * what is there now without copying: the entries it shows are never written again.
 */
final class MomentLog {

    /** Moments kept at most; later ones are counted in {@link #dropped()}. */
    static final int CAPACITY = 10_000;

    private final Simulation simulation;
    private final int capacity;
    private Moment[] moments = new Moment[16];
    private int size;
    private long dropped;

    MomentLog(Simulation simulation) {
        this(simulation, CAPACITY);
    }

    /** A log with a smaller capacity, for tests of the bound. */
    MomentLog(Simulation simulation, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.simulation = simulation;
        this.capacity = capacity;
    }

    /** Records that {@code kind} happened to {@code subject} now. */
    void record(Moment.Kind kind, String subject) {
        record(kind, subject, "");
    }

    /** Records that {@code kind} happened to {@code subject} now, with a detail for its label. */
    void record(Moment.Kind kind, String subject, String detail) {
        if (size == capacity) {
            dropped++;
            return;
        }
        // A new array when full: views handed out keep the old one, whose entries stay as they were.
        if (size == moments.length) moments = Arrays.copyOf(moments, Math.min(capacity, 2 * moments.length));
        moments[size++] = new Moment(simulation.now(), kind, subject, detail);
    }

    /** The moments recorded so far, in time order: an unmodifiable view that later records do not change. */
    List<Moment> upToNow() {
        return new Prefix(moments, size);
    }

    /** Moments that came after the log was full and were not kept. */
    long dropped() {
        return dropped;
    }

    /** The first {@code size} entries of an array whose first {@code size} entries are never written again. */
    private static final class Prefix extends AbstractList<Moment> implements RandomAccess {
        private final Moment[] moments;
        private final int size;

        Prefix(Moment[] moments, int size) {
            this.moments = moments;
            this.size = size;
        }

        @Override
        public Moment get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            return moments[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
