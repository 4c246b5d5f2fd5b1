package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.TimeWeightedValue;

/**
 * An instance: {@code workers} requests in service at once, first come first served, a
 * waiting room of {@code queueCapacity}, and a speed that divides each request's work.
 *
 * <p>Impairments overlap and each ends on its own: a crash (fail-stop: it loses what it holds
 * and refuses connections), a slowdown (speed × factor for services that start meanwhile), a
 * black hole (every request answered at once with an error) and a cut-off (connections time
 * out). It is fully up when none is active. It also has a life cycle: launched (booting for
 * {@code bootTime} when added during a run), in service, terminated.
 *
 * <p>With thousands of servers their state no longer fits in the caches, and every request
 * touches its server twice (arrival, completion). So what a request touches is kept in this one
 * object as primitives: the waiting room is a list threaded through the requests themselves,
 * and the time averages of busy workers and requests held are kept here rather than in
 * {@link TimeWeightedValue}s, while what no request reads (identity, impairments, availability)
 * is in a companion object (see docs/performance.md, "Algorithms at 2, 100 and 10,000
 * backends").
 */
final class Server implements EventHandler<Request> {

    /** What a server does with a connection that reached it. */
    enum Answer {
        /** Taken into service or into the queue: an answer will come. */
        ACCEPTED,
        /** Queue full: answered at once with 503. */
        FULL,
        /** Crashed, booting or terminated: connection refused at once. */
        REFUSED,
        /** Cut off: the connection attempt times out. */
        UNREACHABLE,
        /** A black hole: answered at once with an error. */
        ERROR
    }

    /** What requests never read; see {@link Seldom}. */
    private final Seldom seldom;
    private final SecurityGroup group;
    private final int workers;
    private final int queueCapacity;
    private final Simulation simulation;
    private final RequestLedger ledger;

    /*
     * The requests in service by worker slot, and the free slots as a stack. A single-worker
     * server (the common case, and the one run by the thousand) has no arrays: its one request
     * is in soloRequest, which saves two cache misses per start and per completion when the
     * servers' state no longer fits in the caches.
     */
    private final Request[] inService;
    private final int[] freeSlots;
    private Request soloRequest;
    private int freeCount;
    /** The waiting room, first come first served, linked through {@link Request#nextInQueue}. */
    private Request queueHead;
    private Request queueTail;
    private int queueLength;

    private int crashes;
    private int blackHoles;
    private int cutOffs;
    private double speed;

    private final double bootedAt;
    private double terminatedAt = Double.NaN;
    /**
     * Booted, not terminated and no impairment active: what {@link #offer} tests first, one
     * field instead of three counters, the clock and two times. Conservative: at the instant of
     * its boot, before the boot event fires, it is still false and the full test decides.
     */
    private boolean fullyUp;

    /*
     * Time integrals of the busy workers (workers - freeCount) and of the requests held (busy
     * plus queueLength), as TimeWeightedValue keeps them: each value's area grows by value ×
     * the time since it last changed, just before it changes. Only the busy workers' integral
     * since time 0 is read (load reports, snapshots). Up or down changes rarely, so it keeps
     * its own object.
     */
    private double busyChangedAt;
    private double busyArea;
    private double busyAreaSinceStart;
    private double heldChangedAt;
    private double heldArea;
    private long completed;
    private long completedAll;

    /**
     * @param launchedAt when the instance was launched; an instance launched after time 0
     *                   boots for its {@code bootTime} before it can answer anything
     */
    Server(ServerSpec spec, Address address, SecurityGroup group, Simulation simulation, RequestLedger ledger, double launchedAt) {
        this.seldom = new Seldom(spec, address, launchedAt);
        this.group = group;
        this.workers = spec.workers();
        this.queueCapacity = spec.queueCapacity();
        this.speed = spec.speed();
        this.simulation = simulation;
        this.ledger = ledger;
        this.bootedAt = launchedAt == 0 ? 0 : launchedAt + spec.bootTime();
        this.inService = workers == 1 ? null : new Request[workers];
        this.freeSlots = workers == 1 ? null : new int[workers];
        this.freeCount = workers;
        if (freeSlots != null) for (int i = 0; i < workers; i++) freeSlots[i] = workers - 1 - i;
        if (launchedAt > 0) {
            startWindow(launchedAt); // measured over its own life (the warm-up's end resets it if later)
            simulation.scheduleAt(bootedAt, Server::booted, this);
        }
        updateFullyUp();
    }

    private void booted() {
        updateFullyUp();
        if (isUp()) seldom.upState.set(simulation.now(), 1);
    }

    /**
     * Call whenever an impairment, the boot or the termination changes what {@link #offer} would
     * answer. Being up also depends on the clock (booting until {@code bootedAt}), but only
     * becomes true then, when {@link #booted} calls this.
     */
    private void updateFullyUp() {
        fullyUp = isUp() && blackHoles == 0;
    }

    String name() {
        return seldom.name;
    }

    ServerSpec spec() {
        return seldom.spec;
    }

    Address address() {
        return seldom.address;
    }

    SecurityGroup group() {
        return group;
    }

    double launchedAt() {
        return seldom.launchedAt;
    }

    /** The simulated time, for state that expires (NGINX's fail_timeout). */
    double now() {
        return simulation.now();
    }

    /** Not crashed, cut off, booting or terminated: it would take a connection. */
    boolean isUp() {
        return crashes == 0 && cutOffs == 0 && isRunning();
    }

    /** Booted and not terminated. */
    boolean isRunning() {
        return simulation.now() >= bootedAt && Double.isNaN(terminatedAt);
    }

    boolean isTerminated() {
        return !Double.isNaN(terminatedAt);
    }

    /** Whether a health check that reached it would pass: up, and no black hole that fails checks. */
    boolean passesHealthCheck() {
        if (!isUp()) return false;
        for (Impairment impairment : seldom.active) {
            if (impairment.kind() == FailureKind.BLACK_HOLE && !impairment.passesHealthChecks()) return false;
        }
        return true;
    }

    /** The worst thing true of it now, for observers: up, crashed, unreachable, black-hole, slowdown, booting, terminated. */
    String condition() {
        if (isTerminated()) return "terminated";
        if (!isRunning()) return "booting";
        if (crashes > 0) return FailureKind.CRASH.yamlName();
        if (cutOffs > 0) return FailureKind.UNREACHABLE.yamlName();
        if (blackHoles > 0) return FailureKind.BLACK_HOLE.yamlName();
        if (speed < seldom.spec.speed()) return FailureKind.SLOWDOWN.yamlName();
        return "up";
    }

    /**
     * A connection for {@code request} from {@code source} (a member of
     * {@code sourceGroup}, or none) reaches the server: false when its security group drops it.
     */
    boolean admits(Protocol protocol, int port, Address source, SecurityGroup sourceGroup) {
        return group == null || group.admits(protocol, port, source, sourceGroup);
    }

    /** Health checks use this: reachability without counting the probe as traffic. */
    boolean reachable(Protocol protocol, int port, Address source, SecurityGroup sourceGroup) {
        return group == null || group.wouldAdmit(protocol, port, source, sourceGroup);
    }

    /** A request that got past the security group arrives; what the server does with it. */
    Answer offer(Request request) {
        if (!fullyUp) {
            if (crashes > 0 || !isRunning()) return Answer.REFUSED;
            if (cutOffs > 0) return Answer.UNREACHABLE;
            if (blackHoles > 0) return Answer.ERROR;
        }
        if (freeCount > 0) {
            heldChanging(simulation.now());
            startService(request);
            return Answer.ACCEPTED;
        }
        if (queueLength < queueCapacity) {
            heldChanging(simulation.now());
            enqueue(request);
            return Answer.ACCEPTED;
        }
        return Answer.FULL;
    }

    /** A request it refused, timed out or answered with an error ended as a failure: count it against the impairment. */
    void lostOne() {
        seldom.lostAll++;
        if (!seldom.active.isEmpty()) seldom.active.get(seldom.active.size() - 1).lostOne();
    }

    private void startService(Request request) {
        int slot;
        if (freeSlots == null) {
            slot = 0;
            soloRequest = request;
        } else {
            slot = freeSlots[freeCount - 1];
            inService[slot] = request;
        }
        request.slot = slot;
        busyChanging(simulation.now());
        freeCount--;
        // At full speed the work is the service time: no division (13 cycles' latency before the
        // completion's time is known), and the same number, as x / 1.0 is x.
        simulation.schedule(speed == 1 ? request.work : request.work / speed, this, request);
    }

    /**
     * A service completes. The server is its own completion handler, rather than holding a
     * {@code this::serviceDone}: with thousands of servers a separate handler object is one more
     * cache miss per completion, while the server's own fields are read anyway.
     */
    @Override
    public void handle(Request request) {
        if (request.lost) {
            if (request.probe == null) ledger.releaseLost(request);
            return;
        }
        double now = simulation.now();
        busyChanging(now);
        heldChanging(now);
        freeSlot(request.slot);
        request.slot = -1;
        if (request.probe != null) {
            request.probe.answered();
        } else {
            if (request.counted) completed++;
            completedAll++;
            ledger.answer(request);
        }
        Request next = dequeue();
        if (next != null) startService(next);
    }

    /** The request in service in {@code slot}, or null. */
    private Request inServiceAt(int slot) {
        return inService == null ? soloRequest : inService[slot];
    }

    /** The request in {@code slot} leaves service: the slot goes back on the free stack. */
    private void freeSlot(int slot) {
        if (inService == null) {
            soloRequest = null;
        } else {
            inService[slot] = null;
            freeSlots[freeCount] = slot;
        }
        freeCount++;
    }

    private void enqueue(Request request) {
        if (queueTail == null) queueHead = request;
        else queueTail.nextInQueue = request;
        queueTail = request;
        queueLength++;
    }

    /** The first request waiting, taken out of the queue; null when none waits. */
    private Request dequeue() {
        Request first = queueHead;
        if (first == null) return null;
        queueHead = first.nextInQueue;
        first.nextInQueue = null;
        if (queueHead == null) queueTail = null;
        queueLength--;
        return first;
    }

    /** Call just before the number of busy workers changes: accumulates its integral up to {@code now}. */
    private void busyChanging(double now) {
        double increment = (workers - freeCount) * (now - busyChangedAt);
        busyArea += increment;
        busyAreaSinceStart += increment;
        busyChangedAt = now;
    }

    /** Call just before the number of requests held changes: accumulates its integral up to {@code now}. */
    private void heldChanging(double now) {
        heldArea += holding() * (now - heldChangedAt);
        heldChangedAt = now;
    }

    /** Starts an impairment; it lasts until {@link #end} (or {@link #recoverAll}). */
    Impairment impair(FailureKind kind, double factor, boolean passesHealthChecks) {
        double now = simulation.now();
        boolean wasUp = isUp();
        Impairment impairment = new Impairment(seldom.name, kind, factor, passesHealthChecks, now);
        seldom.active.add(impairment);
        seldom.history.add(impairment);
        switch (kind) {
            case CRASH -> crashes++;
            case SLOWDOWN -> speed *= factor;
            case BLACK_HOLE -> blackHoles++;
            case UNREACHABLE -> cutOffs++;
        }
        updateFullyUp();
        if (kind == FailureKind.CRASH) dropEverything(impairment);
        if (wasUp && !isUp()) seldom.upState.set(now, 0);
        return impairment;
    }

    /** Ends one impairment; ending one that already ended changes nothing. */
    void end(Impairment impairment) {
        if (!seldom.active.remove(impairment)) return;
        double now = simulation.now();
        boolean wasUp = isUp();
        switch (impairment.kind()) {
            case CRASH -> crashes--;
            case SLOWDOWN -> speed = recomputedSpeed();
            case BLACK_HOLE -> blackHoles--;
            case UNREACHABLE -> cutOffs--;
        }
        updateFullyUp();
        impairment.ended(now);
        if (!wasUp && isUp()) seldom.upState.set(now, 1);
    }

    void recoverAll() {
        for (Impairment impairment : List.copyOf(seldom.active)) end(impairment);
    }

    private double recomputedSpeed() {
        double value = seldom.spec.speed();
        for (Impairment impairment : seldom.active) if (impairment.kind() == FailureKind.SLOWDOWN) value *= impairment.factor();
        return value;
    }

    /** A crash or termination: everything held is lost. */
    private void dropEverything(Impairment cause) {
        double now = simulation.now();
        busyChanging(now);
        heldChanging(now);
        for (int slot = 0; slot < workers; slot++) {
            Request request = inServiceAt(slot);
            if (request == null) continue;
            if (inService == null) soloRequest = null; else inService[slot] = null;
            request.slot = -1;
            request.lost = true; // its completion event is still pending and will only release it
            if (request.probe != null) continue; // a probe is simply never answered
            lost(cause);
            ledger.fail(request);
        }
        freeCount = workers;
        if (freeSlots != null) for (int slot = 0; slot < workers; slot++) freeSlots[slot] = workers - 1 - slot;
        for (Request request = dequeue(); request != null; request = dequeue()) {
            if (request.probe != null) continue;
            lost(cause);
            ledger.fail(request);
        }
    }

    private void lost(Impairment cause) {
        seldom.lostAll++;
        if (cause != null) cause.lostOne();
    }

    /** Deregistered and drained (or out of time): it stops, losing whatever it still holds. */
    void terminate() {
        if (isTerminated()) return;
        dropEverything(null);
        terminatedAt = simulation.now();
        updateFullyUp();
        seldom.upState.set(terminatedAt, 0);
    }

    /** Requests in service or waiting. */
    int holding() {
        return workers - freeCount + queueLength;
    }

    /** The balancer has just marked this server down or ejected it. */
    void noticedDown(double now) {
        for (Impairment impairment : seldom.active) impairment.detected(now);
    }

    /** Impairments so far, for detection times and the failures report. */
    List<Impairment> impairments() {
        return seldom.history;
    }

    /** Counted requests it still holds whose clients have given up by {@code now}. */
    long heldExpired(double now) {
        long expired = 0;
        for (int slot = 0; slot < workers; slot++) {
            Request request = inServiceAt(slot);
            if (request != null && request.counted && request.expiredBy(now)) expired++;
        }
        for (Request request = queueHead; request != null; request = request.nextInQueue) {
            if (request.counted && request.expiredBy(now)) expired++;
        }
        return expired;
    }

    /** Worker-seconds spent serving since time 0, for the load reports its agent sends. */
    double busyWorkerSeconds(double now) {
        return busyAreaSinceStart + (workers - freeCount) * (now - busyChangedAt);
    }

    int workers() {
        return workers;
    }

    void startWindow(double now) {
        // The window's means start afresh; the integral since time 0 keeps the span since the last change.
        busyAreaSinceStart += (workers - freeCount) * (now - busyChangedAt);
        busyArea = 0;
        busyChangedAt = now;
        heldArea = 0;
        heldChangedAt = now;
        seldom.windowStart = now;
        seldom.upState.startWindow(now);
    }

    int busyWorkers() {
        return workers - freeCount;
    }


    /** Hours it ran (launched, not yet terminated) within [from, to]. */
    double instanceHours(double from, double to) {
        double start = Math.max(from, seldom.launchedAt);
        double end = Math.min(to, isTerminated() ? terminatedAt : to);
        return Math.max(0, end - start) / 3600;
    }

    ClusterSnapshot.ServerState state(boolean healthyAtBalancer, int outstanding, double now) {
        return new ClusterSnapshot.ServerState(seldom.name, condition(), healthyAtBalancer, workers, busyWorkers(), queueLength,
                outstanding, completedAll, seldom.lostAll, busyWorkerSeconds(now));
    }

    /** The measured window's figures; an instance launched during it is measured over its own life in it. */
    ServerResult result(double now) {
        return new ServerResult(seldom.name, mean(busyArea, busyWorkers(), busyChangedAt, now) / workers, completed,
                mean(heldArea, holding(), heldChangedAt, now), seldom.upState.mean(now));
    }

    /** As {@link TimeWeightedValue#mean}: the time average since the window's start; the current value if no time passed. */
    private double mean(double area, int value, double changedAt, double now) {
        double span = now - seldom.windowStart;
        if (span <= 0) return value;
        return (area + value * (now - changedAt)) / span;
    }

    List<FailureRecord> failureRecords() {
        return seldom.history.stream().map(Impairment::record).toList();
    }

    /**
     * What a request never reads: the server's identity, its impairments and availability, and
     * the bookkeeping of its results. Kept apart so that the fields every request touches fill
     * fewer cache lines: with 10,000 servers each request misses the caches on its server
     * (docs/performance.md).
     */
    private static final class Seldom {
        final ServerSpec spec;
        final String name;
        final Address address;
        final double launchedAt;
        final List<Impairment> active = new ArrayList<>();
        final List<Impairment> history = new ArrayList<>();
        /** 1 while up, else 0: its mean is the fraction of the window the server was up. */
        final TimeWeightedValue upState;
        /** Where the busy and held averages' window starts: time 0 or the warm-up's end. */
        double windowStart;
        long lostAll;

        Seldom(ServerSpec spec, Address address, double launchedAt) {
            this.spec = spec;
            this.name = spec.name();
            this.address = address;
            this.launchedAt = launchedAt;
            // Up from time 0, or from the end of its boot when launched during the run.
            this.upState = new TimeWeightedValue(launchedAt == 0 ? 1 : 0);
        }
    }
}
