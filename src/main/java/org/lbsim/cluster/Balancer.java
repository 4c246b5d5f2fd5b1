package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.BalancingAlgorithm;
import org.lbsim.balancing.Pick;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.SessionResult;

/**
 * The load balancer: takes the requests its {@link Admission} lets in, asks the algorithm for a
 * backend among the usable ones, forwards the request from its own address and group, and
 * counts what each backend has outstanding.
 *
 * <p>A backend is usable when its health checks say healthy, passive checks (outlier detection,
 * {@code max_fails}) have not taken it out, and it is registered and not draining. The balancer
 * knows only what a real balancer knows: its own counts, its checks' verdicts, the answers it
 * got, and the configured weights. A connection failure (refused, or timed out after
 * {@code connectTimeout}) may be retried on another backend, as its {@link RetryPolicy} says;
 * error answers and full queues are not retried, as with NGINX's default
 * {@code proxy_next_upstream error timeout}.
 *
 * <p>The algorithm makes each decision once: the balancer tells it what to avoid (a retry's
 * failed backend, through {@link Request#avoid()}) and which backends ramp up in
 * {@link SlowStart}, and acts on whatever it picks.
 */
final class Balancer implements StickySessions.Chooser {

    private final SecurityGroup group;
    private final Address address;
    private final Network network;
    private final Admission admission;
    private final RequestLedger ledger;
    private final Simulation simulation;
    private final BalancerPolicies policies;
    private final MomentLog moments;
    private final RetryPolicy retries;
    private final HealthyMinimum healthyMinimum;
    /** Each policy below, or null when the balancer does not have it. */
    private final SlowStart slowStart;
    private final OutlierDetector outliers;
    private final MaxFails maxFails;
    private final StickySessions sessions;
    /** Sees every dispatch, for tests that check routing properties from outside; null otherwise. */
    private DispatchObserver observer;
    private final List<Backend> backends = new ArrayList<>();
    private final EventHandler<Request> onConnectTimeout = this::connectionFailed;
    private BalancingAlgorithm algorithm;
    private String algorithmName;
    private int requestsInFlight;
    private long dispatched;

    Balancer(SecurityGroup group, Address address, List<Integer> listeners, RequestLedger ledger, Simulation simulation,
             BalancerPolicies policies, Network network, MomentLog moments) {
        this.group = group;
        this.address = address;
        this.ledger = ledger;
        this.simulation = simulation;
        this.policies = policies;
        this.network = network;
        this.moments = moments;
        this.admission = new Admission(network.balancerAcl(), group, listeners, ledger);
        this.retries = new RetryPolicy(policies);
        this.healthyMinimum = new HealthyMinimum(policies.minimumHealthyTargets());
        this.slowStart = policies.slowStart() > 0 ? new SlowStart(policies.slowStart(), simulation, this) : null;
        this.outliers = policies.outlierDetection() == null ? null
                : new OutlierDetector(policies.outlierDetection(), simulation, this);
        this.maxFails = policies.maxFails() == null ? null : new MaxFails(policies.maxFails(), simulation, this);
        this.sessions = policies.stickiness() == null ? null : new StickySessions(policies.stickiness());
    }

    /** Registers a server; one registered at time 0 starts healthy, a later one must pass its checks first. */
    Backend register(Server server, int weight, boolean healthy) {
        Backend backend = new Backend(backends.size(), server, weight, healthy, slowStart);
        backends.add(backend);
        if (slowStart != null) slowStart.added(backend);
        if (outliers != null) outliers.added(backend);
        if (maxFails != null) maxFails.added(backend);
        if (algorithm != null) usableChanged();
        return backend;
    }

    List<Backend> backends() {
        return backends;
    }

    String algorithmName() {
        return algorithmName;
    }

    BalancingAlgorithm algorithm() {
        return algorithm;
    }

    BalancerPolicies policies() {
        return policies;
    }

    /** Where its checks record marking a backend down or up, for the charts. */
    MomentLog moments() {
        return moments;
    }

    /** Retries made (all, and those of requests counted in the statistics). */
    long retried(boolean countedOnly) {
        return retries.retried(countedOnly);
    }

    /** Watches where each request goes (for tests). */
    interface DispatchObserver {
        /** {@code request} is about to go to {@code backend}; the balancer's state is as it decided. */
        void dispatched(Request request, Backend backend);
    }

    void observe(DispatchObserver newObserver) {
        observer = newObserver;
    }

    /** The sticky sessions, or null (for tests). */
    StickySessions stickySessions() {
        return sessions;
    }

    /** Sticky sessions started and broken, or null when the balancer is not sticky. */
    SessionResult sessions() {
        return sessions == null ? null : sessions.result();
    }

    /** Requests sent to backends since time 0, retries included. */
    long dispatched() {
        return dispatched;
    }

    /** Installs an algorithm; nothing else changes, so this is also the live switch. */
    void use(String name, BalancingAlgorithm newAlgorithm) {
        algorithmName = name;
        algorithm = newAlgorithm;
        usableChanged();
    }

    /** A client's request reaches the balancer's subnet. */
    void receive(Request request, Protocol protocol, int port) {
        if (!admission.admits(request, protocol, port)) return;
        requestsInFlight++;
        request.atBalancer = true;
        Pick pick = route(request);
        if (pick instanceof Backend backend) send(request, backend);
        else ledger.reject(request); // no usable backend: 503
    }

    /** Where the request goes: its sticky session's backend, or the algorithm's pick. */
    private Pick route(Request request) {
        return sessions == null ? choose(request) : sessions.route(request, simulation.now(), this);
    }

    /** The algorithm's decision, committed when it names a backend: the balancer acts on every pick it asks for. */
    @Override
    public Pick choose(Request request) {
        Pick pick = algorithm.pick(request);
        if (pick instanceof Backend backend) algorithm.onPicked(backend);
        return pick;
    }

    private void send(Request request, Backend backend) {
        if (observer != null) observer.dispatched(request, backend);
        request.backend = backend;
        backend.outstanding++;
        dispatched++;
        algorithm.onDispatched(backend);
        Server server = backend.server;
        int port = request.port;
        int balancerPort = network.balancerPort(false);
        if (!network.synReaches(server, port, true)) {
            simulation.schedule(policies.connectTimeout(), onConnectTimeout, request);
            return;
        }
        if (!server.admits(Protocol.TCP, port, address, group)) {
            ledger.deny(request); // the instance's group drops it
            return;
        }
        if (!network.answerReaches(server, balancerPort, true)) {
            // A network ACL drops the SYN-ACK: to the balancer the connection times out.
            simulation.schedule(policies.connectTimeout(), onConnectTimeout, request);
            return;
        }
        switch (server.offer(request)) {
            case ACCEPTED -> { }
            case FULL -> {
                if (outliers != null) outliers.failed(backend);
                ledger.reject(request);
            }
            case ERROR -> {
                if (outliers != null) outliers.failed(backend);
                server.impairments().lostOne();
                ledger.fail(request);
            }
            case REFUSED -> connectionFailed(request);
            case UNREACHABLE -> simulation.schedule(policies.connectTimeout(), onConnectTimeout, request);
        }
    }

    /**
     * The backend refused the connection or let it time out: retry on another backend if the
     * retry policy allows, else fail. When the failed backend is the only usable one, no retry is
     * made and the request fails (NGINX's {@code proxy_next_upstream} with no server left to
     * try); when none is usable, 503.
     */
    private void connectionFailed(Request request) {
        Backend backend = request.backend;
        if (outliers != null) outliers.failed(backend);
        if (maxFails != null) maxFails.failed(backend);
        if (retries.mayRetry(request, backend, requestsInFlight)) {
            release(request, Double.NaN);
            Pick pick = route(request);
            if (pick instanceof Backend other) {
                retries.retrying(request);
                send(request, other);
                return;
            }
            if (pick == Pick.NoHealthyBackend.INSTANCE) {
                ledger.reject(request);
                return;
            }
        }
        backend.server.impairments().lostOne();
        ledger.fail(request);
    }

    /** A request this balancer took has ended, answered or not; {@code latency} is NaN without an answer. */
    void finished(Request request, double latency) {
        if (request.backend != null) release(request, latency);
        if (request.atBalancer) {
            request.atBalancer = false;
            requestsInFlight--;
            retries.finished(request);
        }
    }

    private void release(Request request, double latency) {
        Backend backend = request.backend;
        request.backend = null;
        backend.outstanding--;
        algorithm.onFinished(backend, latency);
        if (outliers != null && !Double.isNaN(latency)) outliers.succeeded(backend);
        if (backend.draining && backend.outstanding == 0) deregistered(backend);
    }

    /**
     * Whether a health check to the server's {@code port} gets through: through both subnets'
     * network ACLs both ways and the server's security group, without counting as traffic.
     */
    boolean probeReaches(Server server, int port) {
        int balancerPort = network.balancerPort(true);
        return network.synReaches(server, port, false) && server.reachable(Protocol.TCP, port, address, group)
                && network.answerReaches(server, balancerPort, false);
    }

    /** A backend's agent reported its utilization; see {@link LoadReporter}. */
    void loadReport(Backend backend, double utilization) {
        algorithm.onLoadReport(backend, utilization);
    }

    /** The health checks changed their verdict on a backend: one that becomes healthy starts its slow start. */
    void healthChanged(Backend backend) {
        if (backend.healthy && slowStart != null) slowStart.began(backend);
        usableChanged();
    }

    /** Whether the balancer may send the backend requests now. */
    @Override
    public boolean usable(Backend backend) {
        return backend.inService() && (maxFails == null || maxFails.available(backend));
    }

    /** Something changed which backends may be used, or how: membership, health, ejection, weight, a slow start's end. */
    void usableChanged() {
        List<Backend> usable = new ArrayList<>();
        for (Backend backend : backends) if (usable(backend)) usable.add(backend);
        algorithm.updateBackends(usable);
        healthyMinimum.usable(simulation.now(), usable.size());
    }

    void startWindow(double now) {
        healthyMinimum.startWindow(now);
    }

    /** Seconds of the measured window spent below the healthy minimum, up to {@code now}. */
    double secondsBelowMinimum(double now) {
        return healthyMinimum.secondsBelow(now);
    }

    /**
     * Starts deregistration: no new requests; it terminates when the balancer has no request
     * outstanding there (by its own count: whatever else the instance holds, such as direct
     * attempts that never went through the balancer, is not the balancer's to wait for) or when
     * the delay runs out.
     */
    void deregister(Backend backend) {
        if (backend.draining || backend.deregistered) return;
        backend.draining = true;
        usableChanged();
        if (backend.outstanding == 0) {
            deregistered(backend);
        } else {
            simulation.schedule(policies.deregistrationDelay(), this::deregistered, backend);
        }
    }

    private void deregistered(Backend backend) {
        if (backend.deregistered) return;
        backend.deregistered = true;
        backend.draining = false;
        backend.server.terminate();
    }

    void setWeight(Backend backend, int weight) {
        backend.setWeight(weight);
        usableChanged();
    }
}
