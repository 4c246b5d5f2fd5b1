package org.lbsim.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.TimeWeightedValue;
import org.lbsim.scenario.Protocol;
import org.lbsim.scenario.ServerSpec;

/**
 * An instance: {@code workers} requests in service at once, first come first served, a
 * waiting room of {@code queueCapacity}, and a speed that divides each request's work.
 *
 * <p>It fails stop: a crash loses every request it holds and it answers nothing until it
 * recovers. Outages nest: a server is up when every outage that began has ended.
 */
final class Server {

    private final String name;
    private final int address;
    private final SecurityGroup group;
    private final int workers;
    private final int queueCapacity;
    private final double speed;
    private final Simulation simulation;
    private final RequestLedger ledger;

    private final Request[] inService;
    private final int[] freeSlots;
    private int freeCount;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final EventHandler<Request> onServiceDone = this::serviceDone;

    private int openOutages;
    private Outage outage;
    private final List<Outage> outages = new ArrayList<>();

    private final TimeWeightedValue busy = new TimeWeightedValue(0);
    private final TimeWeightedValue held = new TimeWeightedValue(0);
    private final TimeWeightedValue upState = new TimeWeightedValue(1);
    /** Worker-seconds of service since time 0 up to {@link #busyCountedTo}; unlike {@link #busy}, never reset at the warm-up. */
    private double busySeconds;
    private double busyCountedTo;
    private long completed;
    private long completedAll;
    private long lostAll;

    Server(ServerSpec spec, int address, SecurityGroup group, Simulation simulation, RequestLedger ledger) {
        this.name = spec.name();
        this.address = address;
        this.group = group;
        this.workers = spec.workers();
        this.queueCapacity = spec.queueCapacity();
        this.speed = spec.speed();
        this.simulation = simulation;
        this.ledger = ledger;
        this.inService = new Request[workers];
        this.freeSlots = new int[workers];
        for (int i = 0; i < workers; i++) freeSlots[i] = workers - 1 - i;
        this.freeCount = workers;
    }

    String name() {
        return name;
    }

    int address() {
        return address;
    }

    SecurityGroup group() {
        return group;
    }

    boolean isUp() {
        return openOutages == 0;
    }

    /**
     * A connection for {@code request} reaches the server: its security group (if it has one)
     * denies it or lets it in to be served.
     */
    void receive(Request request, Protocol protocol, int port, int sourceAddress, SecurityGroup sourceGroup) {
        if (group != null && !group.admits(protocol, port, sourceAddress, sourceGroup)) {
            ledger.deny(request);
        } else {
            receive(request);
        }
    }

    /** Health checks use this: reachability without counting the probe as traffic. */
    boolean reachable(Protocol protocol, int port, int sourceAddress, SecurityGroup sourceGroup) {
        return group == null || group.wouldAdmit(protocol, port, sourceAddress, sourceGroup);
    }

    private void receive(Request request) {
        if (!isUp()) {
            lostAll++;
            if (outage != null) outage.lostOne();
            ledger.fail(request);
        } else if (freeCount > 0) {
            held.add(simulation.now(), 1);
            startService(request);
        } else if (queue.size() < queueCapacity) {
            held.add(simulation.now(), 1);
            queue.addLast(request);
        } else {
            ledger.reject(request);
        }
    }

    private void startService(Request request) {
        int slot = freeSlots[--freeCount];
        inService[slot] = request;
        request.slot = slot;
        countBusy(simulation.now());
        busy.add(simulation.now(), 1);
        simulation.schedule(request.work / speed, onServiceDone, request);
    }

    private void serviceDone(Request request) {
        if (request.lost) {
            ledger.releaseLost(request);
            return;
        }
        double now = simulation.now();
        inService[request.slot] = null;
        freeSlots[freeCount++] = request.slot;
        request.slot = -1;
        countBusy(now);
        busy.add(now, -1);
        held.add(now, -1);
        if (request.counted) completed++;
        completedAll++;
        ledger.answer(request);
        Request next = queue.pollFirst();
        if (next != null) startService(next);
    }

    /** A crash: everything held is lost; the balancer finds out through its checks. */
    void fail() {
        if (openOutages++ > 0) return;
        double now = simulation.now();
        outage = new Outage(name, now);
        outages.add(outage);
        upState.set(now, 0);
        for (int slot = 0; slot < workers; slot++) {
            Request request = inService[slot];
            if (request == null) continue;
            inService[slot] = null;
            request.slot = -1;
            request.lost = true; // its completion event is still pending and will only release it
            outage.lostOne();
            lostAll++;
            ledger.fail(request);
        }
        freeCount = 0;
        for (int slot = workers - 1; slot >= 0; slot--) freeSlots[freeCount++] = slot;
        for (Request request = queue.pollFirst(); request != null; request = queue.pollFirst()) {
            outage.lostOne();
            lostAll++;
            ledger.fail(request);
        }
        countBusy(now);
        busy.set(now, 0);
        held.set(now, 0);
    }

    /** Ends one outage; the server is up again when none is left. */
    void recover() {
        if (openOutages == 0 || --openOutages > 0) return;
        double now = simulation.now();
        upState.set(now, 1);
        outage.recovered(now);
        outage = null;
    }

    /** The balancer has just marked this server down. */
    void noticedDown(double now) {
        if (outage != null) outage.detected(now);
    }

    /** Outages that the balancer noticed, for the mean detection time. */
    List<Outage> outages() {
        return outages;
    }

    /** Counted requests it still holds whose clients have given up by {@code now}. */
    long heldExpired(double now) {
        long expired = 0;
        for (Request request : inService) if (request != null && request.counted && request.expiredBy(now)) expired++;
        for (Request request : queue) if (request.counted && request.expiredBy(now)) expired++;
        return expired;
    }

    private void countBusy(double now) {
        busySeconds += busy.value() * (now - busyCountedTo);
        busyCountedTo = now;
    }

    /** Worker-seconds spent serving since time 0, for the load reports its agent sends. */
    double busyWorkerSeconds(double now) {
        return busySeconds + busy.value() * (now - busyCountedTo);
    }

    int workers() {
        return workers;
    }

    void startWindow(double now) {
        busy.startWindow(now);
        held.startWindow(now);
        upState.startWindow(now);
    }

    int busyWorkers() {
        return (int) busy.value();
    }

    int queueLength() {
        return queue.size();
    }

    ClusterSnapshot.ServerState state(boolean healthyAtBalancer, int outstanding, double now) {
        return new ClusterSnapshot.ServerState(name, isUp(), healthyAtBalancer, workers, busyWorkers(), queue.size(),
                outstanding, completedAll, lostAll, busy.integral(now));
    }

    ServerResult result(double now) {
        return new ServerResult(name, busy.mean(now) / workers, completed, held.mean(now), upState.mean(now));
    }

    List<FailureRecord> failureRecords() {
        return outages.stream().map(Outage::record).toList();
    }
}
