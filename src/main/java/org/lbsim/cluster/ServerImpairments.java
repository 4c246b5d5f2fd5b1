package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.Moment;

/**
 * A server's impairments and what they add up to. Crashes, slowdowns, black holes and cut-offs
 * overlap and each ends on its own: the server is crashed while any crash is active, and so on,
 * and its speed is its configured speed × the factors of the active slowdowns. Every impairment
 * is kept for the results, with the requests it cost, and each start, and the end of the last
 * active one, is a moment for the charts, whoever caused it.
 */
final class ServerImpairments {

    private final String server;
    private final double fullSpeed;
    private final MomentLog moments;
    private final List<Impairment> active = new ArrayList<>();
    private final List<Impairment> history = new ArrayList<>();
    private int crashes;
    private int blackHoles;
    private int cutOffs;
    private double speed;
    /** Requests lost at the server, whether or not an impairment was active. */
    private long lost;

    ServerImpairments(String server, double fullSpeed, MomentLog moments) {
        this.server = server;
        this.fullSpeed = fullSpeed;
        this.moments = moments;
        this.speed = fullSpeed;
    }

    /** Starts an impairment; it lasts until {@link #end}. */
    Impairment start(FailureKind kind, double factor, boolean passesHealthChecks, double now) {
        Impairment impairment = new Impairment(server, kind, factor, passesHealthChecks, now);
        active.add(impairment);
        history.add(impairment);
        switch (kind) {
            case CRASH -> crashes++;
            case SLOWDOWN -> speed *= factor;
            case BLACK_HOLE -> blackHoles++;
            case UNREACHABLE -> cutOffs++;
        }
        switch (kind) {
            case CRASH -> moments.record(Moment.Kind.FAILED, server);
            case SLOWDOWN -> moments.record(Moment.Kind.SLOWED, server, Moment.factor(factor));
            case BLACK_HOLE -> moments.record(Moment.Kind.BLACK_HOLED, server);
            case UNREACHABLE -> moments.record(Moment.Kind.CUT_OFF, server);
        }
        return impairment;
    }

    /** Ends one impairment; false, changing nothing, when it already ended. */
    boolean end(Impairment impairment, double now) {
        if (!active.remove(impairment)) return false;
        switch (impairment.kind()) {
            case CRASH -> crashes--;
            case SLOWDOWN -> speed = slowedSpeed();
            case BLACK_HOLE -> blackHoles--;
            case UNREACHABLE -> cutOffs--;
        }
        impairment.ended(now);
        if (active.isEmpty()) moments.record(Moment.Kind.RECOVERED, server);
        return true;
    }

    /** The impairments active now, in the order they began. */
    List<Impairment> active() {
        return List.copyOf(active);
    }

    private double slowedSpeed() {
        double value = fullSpeed;
        for (Impairment impairment : active) if (impairment.kind() == FailureKind.SLOWDOWN) value *= impairment.factor();
        return value;
    }

    /** The configured speed × the factors of the active slowdowns. */
    double speed() {
        return speed;
    }

    boolean slowed() {
        return speed < fullSpeed;
    }

    boolean crashed() {
        return crashes > 0;
    }

    boolean blackHoled() {
        return blackHoles > 0;
    }

    boolean cutOff() {
        return cutOffs > 0;
    }

    /** No active black hole fails health checks (some answer them while failing everything else). */
    boolean passHealthChecks() {
        for (Impairment impairment : active) {
            if (impairment.kind() == FailureKind.BLACK_HOLE && !impairment.passesHealthChecks()) return false;
        }
        return true;
    }

    /** A request ended as a failure at the server: counted against the latest active impairment, if any. */
    void lostOne() {
        lost++;
        if (!active.isEmpty()) active.get(active.size() - 1).lostOne();
    }

    /** A request the server held was lost to {@code cause} (null: its termination). */
    void lostTo(Impairment cause) {
        lost++;
        if (cause != null) cause.lostOne();
    }

    long lost() {
        return lost;
    }

    /** The balancer has just marked the server down or ejected it: the active impairments are detected. */
    void noticed(double now) {
        for (Impairment impairment : active) impairment.detected(now);
    }

    /** Every impairment so far, for detection times. */
    List<Impairment> history() {
        return history;
    }

    List<FailureRecord> records() {
        return history.stream().map(Impairment::record).toList();
    }
}
