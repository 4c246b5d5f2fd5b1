package org.lbsim.cluster;

import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.LatencyRecorder;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.LatencyWindow;
import org.lbsim.metrics.Outcome;
import org.lbsim.metrics.RequestCounts;

/**
 * Opens requests and closes them with their outcome: counts outcomes of requests sent after
 * the warm-up, records latencies, tells the balancer that a request it dispatched has ended,
 * and returns requests to the pool.
 *
 * <p>Client timeouts are settled lazily: a client that waits {@code timeout} and then gives up
 * has the same outcome as one whose answer or loss is noticed to have come too late, so no
 * timeout event is scheduled per request. The server goes on working on a request whose client
 * left, as real servers do.
 */
final class RequestLedger {

    /**
     * Seconds after which Linux's {@code connect()} gives up on a SYN that gets no answer: the
     * first try and 6 retransmissions ({@code tcp_syn_retries}), 1 + 2 + 4 + ... + 64 s.
     */
    static final double CONNECT_GIVE_UP = 127;

    private final Simulation simulation;
    private final RequestPool pool = new RequestPool();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final long[] counts = new long[Outcome.values().length];
    /** Outcomes of every request since time 0, warm-up included: what live observers see. */
    private final long[] allCounts = new long[Outcome.values().length];
    private long sent;
    /**
     * Latency of every completion since the window started, the warm-up's included, in front of
     * {@link #latency}; null unless an observer asked for windows.
     */
    private LatencyWindow window;
    private final double warmup;
    private final long maxRequestsInSystem;
    private long offered;
    /** Latency per request class, for clients that send a mix. */
    private final ClassLatencies classes;
    private Balancer balancer;
    private final EventHandler<Request> onGaveUp = this::gaveUp;

    RequestLedger(Simulation simulation, double warmup, long maxRequestsInSystem, ClassLatencies classes) {
        this.simulation = simulation;
        this.classes = classes;
        this.warmup = warmup;
        this.maxRequestsInSystem = maxRequestsInSystem;
    }

    void attach(Balancer balancer) {
        this.balancer = balancer;
    }

    /** A new request from {@code source}, sent now. */
    Request open(TrafficSource source) {
        if (pool.live() >= maxRequestsInSystem) throw new SystemFullException(maxRequestsInSystem, simulation.now());
        Request request = pool.acquire();
        double now = simulation.now();
        request.source = source;
        request.sentAt = now;
        request.timeout = source.timeout();
        request.counted = now >= warmup;
        if (request.counted) offered++;
        request.sequence = sent++;
        return request;
    }

    void deny(Request request) {
        end(request, Outcome.DENIED, Double.NaN);
    }

    void reject(Request request) {
        end(request, Outcome.REJECTED, Double.NaN);
    }

    /** Lost to a failure: the client sees an error, unless it had already given up. */
    void fail(Request request) {
        end(request, request.expiredBy(simulation.now()) ? Outcome.TIMED_OUT : Outcome.FAILED, Double.NaN);
    }

    /**
     * A network ACL dropped the answer (the SYN-ACK, so the connection never opens): the client
     * waits for nothing. It gives up at its timeout (timed out) or, without one shorter than
     * {@link #CONNECT_GIVE_UP}, when its TCP stack stops retrying (failed: a connection error).
     */
    void unanswered(Request request) {
        simulation.schedule(Math.min(request.timeout, CONNECT_GIVE_UP), onGaveUp, request);
    }

    private void gaveUp(Request request) {
        end(request, request.timeout <= CONNECT_GIVE_UP ? Outcome.TIMED_OUT : Outcome.FAILED, Double.NaN);
    }

    /** The server answered. */
    void answer(Request request) {
        double responseTime = simulation.now() - request.sentAt;
        if (request.expiredBy(simulation.now())) {
            end(request, Outcome.TIMED_OUT, responseTime);
        } else {
            if (request.counted && request.requestClass >= 0) classes.completed(request.requestClass, responseTime);
            if (window != null) {
                window.record(responseTime, request.counted);
            } else if (request.counted) {
                latency.record(responseTime);
            }
            end(request, Outcome.COMPLETED, responseTime);
        }
    }

    /** A request whose outcome was recorded earlier; its last pending event has now fired. */
    void releaseLost(Request request) {
        pool.release(request);
    }

    private void end(Request request, Outcome outcome, double measuredLatency) {
        if (request.atBalancer) balancer.finished(request, measuredLatency);
        if (request.counted) counts[outcome.ordinal()]++;
        allCounts[outcome.ordinal()]++;
        if (request.user >= 0) request.source.ended(request);
        if (!request.lost) pool.release(request);
    }

    /** Totals since time 0; {@code inSystem} is what is held right now. */
    ClusterSnapshot.Totals totals() {
        return new ClusterSnapshot.Totals(sent, allCounts[Outcome.DENIED.ordinal()], allCounts[Outcome.REJECTED.ordinal()],
                allCounts[Outcome.FAILED.ordinal()], allCounts[Outcome.TIMED_OUT.ordinal()],
                allCounts[Outcome.COMPLETED.ordinal()], pool.live());
    }

    /**
     * The latency of completions since the window last started; starts tracking on the first
     * call. With {@code startNewWindow}, the next call covers only what completes after this one.
     */
    LatencySummary recentLatency(boolean startNewWindow) {
        if (window == null) {
            window = new LatencyWindow(latency);
            return LatencySummary.EMPTY;
        }
        LatencySummary summary = window.summary();
        if (startNewWindow) window.clear();
        return summary;
    }

    /** The latency of every counted completion so far. */
    LatencySummary latency() {
        return window == null ? latency.summary() : window.runSummary();
    }

    long requestsInSystem() {
        return pool.live();
    }

    /**
     * The counts at the end of the run. Requests still held whose client has given up count as
     * timed out; the others are in flight.
     */
    RequestCounts counts(long heldCountedExpired, long retried) {
        long ended = 0;
        for (long count : counts) ended += count;
        long timedOut = counts[Outcome.TIMED_OUT.ordinal()] + heldCountedExpired;
        return new RequestCounts(offered,
                counts[Outcome.DENIED.ordinal()],
                counts[Outcome.REJECTED.ordinal()],
                counts[Outcome.FAILED.ordinal()],
                timedOut,
                counts[Outcome.COMPLETED.ordinal()],
                offered - ended - heldCountedExpired,
                retried);
    }
}
