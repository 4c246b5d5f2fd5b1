package org.lbsim.cluster;

import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;

/**
 * An instance: {@code workers} requests in service at once, first come first served, a
 * waiting room of {@code queueCapacity}, and a speed that divides each request's work.
 *
 * <p>What it does with a request depends on its {@link ServerImpairments} (a crash refuses
 * and loses what it holds, a slowdown divides the speed of services that start meanwhile, a
 * black hole answers with an error, a cut-off lets connections time out) and on its
 * {@link Instance}'s life cycle (booting, running, terminated). What it measures of itself is
 * in {@link ServerStatistics}, which it extends.
 *
 * <p>With thousands of servers their state no longer fits in the caches, and every request
 * touches its server twice (arrival, completion). So what a request touches is kept in this one
 * object as primitives: the waiting room is a list threaded through the requests themselves,
 * the statistics' integrals are fields of this object, and what no request reads (the
 * instance, the impairments) is in companion objects.
 */
final class Server extends ServerStatistics implements EventHandler<Request> {

    /** Its configuration, address and life cycle, which no request reads. */
    private final Instance instance;
    /** Its impairments, which a request reads only when the server is not fully up. */
    private final ServerImpairments impairments;
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

    /** Its speed now: {@link ServerImpairments#speed()}, kept here for every service's start. */
    private double speed;

    /**
     * Booted, not terminated and no impairment active: what {@link #offer} tests first, one
     * field instead of three counters, the clock and two times. Conservative: at the instant of
     * its boot, before the boot event fires, it is still false and the full test decides.
     */
    private boolean fullyUp;

    /**
     * @param launchedAt when the instance was launched; an instance launched after time 0
     *                   boots for its {@code bootTime} before it can answer anything
     */
    Server(ServerSpec spec, Address address, SecurityGroup group, Simulation simulation, RequestLedger ledger, double launchedAt,
           MomentLog moments) {
        super(launchedAt == 0); // up from time 0, or from the end of its boot when launched during the run
        this.instance = new Instance(spec, address, launchedAt);
        this.impairments = new ServerImpairments(spec.name(), spec.speed(), moments);
        this.group = group;
        this.workers = spec.workers();
        this.queueCapacity = spec.queueCapacity();
        this.speed = spec.speed();
        this.simulation = simulation;
        this.ledger = ledger;
        this.inService = workers == 1 ? null : new Request[workers];
        this.freeSlots = workers == 1 ? null : new int[workers];
        this.freeCount = workers;
        if (freeSlots != null) for (int i = 0; i < workers; i++) freeSlots[i] = workers - 1 - i;
        if (launchedAt > 0) {
            startWindow(launchedAt); // measured over its own life (the warm-up's end resets it if later)
            simulation.scheduleAt(instance.bootedAt(), Server::booted, this);
        }
        updateFullyUp();
    }

    private void booted() {
        updateFullyUp();
        if (isUp()) upChanged(simulation.now(), true);
    }

    /**
     * Call whenever an impairment, the boot or the termination changes what {@link #offer} would
     * answer. Being up also depends on the clock (booting until the instance has booted), but only
     * becomes true then, when {@link #booted} calls this.
     */
    private void updateFullyUp() {
        fullyUp = isUp() && !impairments.blackHoled();
    }

    @Override
    String name() {
        return instance.name();
    }

    Address address() {
        return instance.address();
    }

    Instance instance() {
        return instance;
    }

    ServerImpairments impairments() {
        return impairments;
    }

    SecurityGroup group() {
        return group;
    }

    /** Not crashed, cut off, booting or terminated: it would take a connection. */
    boolean isUp() {
        return !impairments.crashed() && !impairments.cutOff() && isRunning();
    }

    /** Booted and not terminated. */
    boolean isRunning() {
        return instance.isRunning(simulation.now());
    }

    /** Whether a health check that reached it would pass: up, and no black hole that fails checks. */
    boolean passesHealthCheck() {
        return isUp() && impairments.passHealthChecks();
    }

    /** The worst thing true of it now, for observers: up, crashed, unreachable, black-hole, slowdown, booting, terminated. */
    String condition() {
        if (instance.isTerminated()) return "terminated";
        if (!isRunning()) return "booting";
        if (impairments.crashed()) return FailureKind.CRASH.yamlName();
        if (impairments.cutOff()) return FailureKind.UNREACHABLE.yamlName();
        if (impairments.blackHoled()) return FailureKind.BLACK_HOLE.yamlName();
        if (impairments.slowed()) return FailureKind.SLOWDOWN.yamlName();
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
    ServerAnswer offer(Request request) {
        if (!fullyUp) {
            if (impairments.crashed() || !isRunning()) return ServerAnswer.REFUSED;
            if (impairments.cutOff()) return ServerAnswer.UNREACHABLE;
            if (impairments.blackHoled()) return ServerAnswer.ERROR;
        }
        if (freeCount > 0) {
            heldChanging(simulation.now());
            startService(request);
            return ServerAnswer.ACCEPTED;
        }
        if (queueLength < queueCapacity) {
            heldChanging(simulation.now());
            enqueue(request);
            return ServerAnswer.ACCEPTED;
        }
        return ServerAnswer.FULL;
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
            countCompletion(request.counted);
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

    /** Starts an impairment; it lasts until {@link #end} (or {@link #recoverAll}). */
    Impairment impair(FailureKind kind, double factor, boolean passesHealthChecks) {
        double now = simulation.now();
        boolean wasUp = isUp();
        Impairment impairment = impairments.start(kind, factor, passesHealthChecks, now);
        speed = impairments.speed();
        updateFullyUp();
        if (kind == FailureKind.CRASH) dropEverything(impairment);
        if (wasUp && !isUp()) upChanged(now, false);
        return impairment;
    }

    /** Ends one impairment; ending one that already ended changes nothing. */
    void end(Impairment impairment) {
        double now = simulation.now();
        boolean wasUp = isUp();
        if (!impairments.end(impairment, now)) return;
        speed = impairments.speed();
        updateFullyUp();
        if (!wasUp && isUp()) upChanged(now, true);
    }

    void recoverAll() {
        for (Impairment impairment : impairments.active()) end(impairment);
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
            impairments.lostTo(cause);
            ledger.fail(request);
        }
        freeCount = workers;
        if (freeSlots != null) for (int slot = 0; slot < workers; slot++) freeSlots[slot] = workers - 1 - slot;
        for (Request request = dequeue(); request != null; request = dequeue()) {
            if (request.probe != null) continue;
            impairments.lostTo(cause);
            ledger.fail(request);
        }
    }

    /** Deregistered and drained (or out of time): it stops, losing whatever it still holds. */
    void terminate() {
        if (instance.isTerminated()) return;
        dropEverything(null);
        double now = simulation.now();
        instance.terminate(now);
        updateFullyUp();
        upChanged(now, false);
    }

    @Override
    int holding() {
        return workers - freeCount + queueLength;
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

    @Override
    int workers() {
        return workers;
    }

    @Override
    int busyWorkers() {
        return workers - freeCount;
    }

    ClusterSnapshot.ServerState state(boolean healthyAtBalancer, int outstanding, double now) {
        return new ClusterSnapshot.ServerState(name(), condition(), healthyAtBalancer, workers, busyWorkers(), queueLength,
                outstanding, completedAll(), impairments.lost(), busyWorkerSeconds(now));
    }
}
