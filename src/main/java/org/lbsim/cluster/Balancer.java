package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.BackendView;
import org.lbsim.balancing.BalancingAlgorithm;
import org.lbsim.balancing.Pick;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.RandomStream;
import org.lbsim.engine.Simulation;
import org.lbsim.scenario.BalancerPolicies;
import org.lbsim.scenario.Protocol;

/**
 * The load balancer: admits requests through its security group on its listener ports, asks
 * the algorithm for a backend among the usable ones, forwards the request from its own address
 * and group, and counts what each backend has outstanding.
 *
 * <p>A backend is usable when its health checks say healthy, passive checks have not ejected
 * it, and it is registered and not draining. The balancer knows only what a real balancer
 * knows: its own counts, its checks' verdicts, the answers it got, and the configured weights.
 * A connection failure (refused, or timed out after {@code connectTimeout}) may be retried on
 * another backend within the retry budget; error answers and full queues are not retried, as
 * with NGINX's default {@code proxy_next_upstream error timeout}.
 */
final class Balancer {

    /** Picks tried before giving up on finding a backend other than the one that just failed, or past slow start. */
    private static final int PICK_ATTEMPTS = 4;

    private final SecurityGroup group;
    private final Address address;
    private final Network network;
    /** The network ACL of the balancer's subnet, or null for the default (allow all). */
    private final NetworkAcl acl;
    private final int[] listeners;
    private final RequestLedger ledger;
    private final Simulation simulation;
    private final BalancerPolicies policies;
    private final RandomStream slowStartRandom;
    /** The policies' slow start in seconds, 0 for none: tested first at every pick, before the backend is loaded. */
    private final double slowStart;
    private final OutlierDetector outliers;
    private final MaxFails maxFails;
    /** Sticky sessions, or null when the balancer is not sticky. */
    private final StickySessions sessions;
    private final StickySessions.Chooser algorithmChoice = this::choose;
    /** Sees every dispatch, for tests that check routing properties from outside; null otherwise. */
    private DispatchObserver observer;
    private final List<Backend> backends = new ArrayList<>();
    private final EventHandler<Request> onConnectTimeout = this::connectTimedOut;
    private BalancingAlgorithm algorithm;
    private String algorithmName;
    private int requestsInFlight;
    private int retriesInFlight;
    private long retried;
    private long retriedCounted;
    private long dispatched;
    /** 1 while fewer backends are usable than the healthy minimum, else 0: its integral is the time below. */
    private final org.lbsim.metrics.TimeWeightedValue belowMinimum = new org.lbsim.metrics.TimeWeightedValue(0);

    Balancer(SecurityGroup group, Address address, List<Integer> listeners, RequestLedger ledger, Simulation simulation,
             BalancerPolicies policies, RandomStream slowStartRandom, Network network) {
        this.group = group;
        this.address = address;
        this.listeners = listeners.stream().mapToInt(Integer::intValue).toArray();
        this.ledger = ledger;
        this.simulation = simulation;
        this.policies = policies;
        this.slowStartRandom = slowStartRandom;
        this.slowStart = policies.slowStart();
        this.network = network;
        this.acl = network.balancerAcl();
        this.outliers = policies.outlierDetection() == null ? null
                : new OutlierDetector(policies.outlierDetection(), simulation, this);
        this.maxFails = policies.maxFails() == null ? null : new MaxFails(policies.maxFails(), simulation, this);
        this.sessions = policies.stickiness() == null ? null : new StickySessions(policies.stickiness());
    }

    /** Registers a server; one registered at time 0 starts healthy, a later one must pass its checks first. */
    Backend register(Server server, int weight, boolean healthy) {
        Backend backend = new Backend(backends.size(), server, weight);
        backend.healthy = healthy;
        backends.add(backend);
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

    /** Retries made (all, and those of requests counted in the statistics). */
    long retried(boolean countedOnly) {
        return countedOnly ? retriedCounted : retried;
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
    org.lbsim.metrics.SessionResult sessions() {
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

    /**
     * A client's request reaches the balancer's subnet: its network ACL and then its security
     * group must let it in, and the ACL must let the answer out to the client's port.
     */
    void receive(Request request, Protocol protocol, int port) {
        if (acl != null && !acl.allowsIn(protocol, port, request.from(), true)
                || group != null && !group.admits(protocol, port, request.from(), null)) {
            ledger.deny(request);
            return;
        }
        if (acl != null && !acl.allowsOut(protocol, request.clientPort, request.from(), true)) {
            ledger.unanswered(request);
            return;
        }
        if (protocol != Protocol.TCP || !listensOn(port)) {
            ledger.reject(request); // connection refused: nothing listens there
            return;
        }
        requestsInFlight++;
        request.atBalancer = true;
        dispatch(request, null);
    }

    /** Sends the request to a backend other than {@code avoid} (a retry), or answers 503. */
    private void dispatch(Request request, Backend avoid) {
        Backend backend = sessions == null ? choose(request, avoid)
                : sessions.route(request, avoid, simulation.now(), algorithmChoice);
        if (backend == null) {
            ledger.reject(request); // no usable backend: 503
            return;
        }
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
                server.lostOne();
                ledger.fail(request);
            }
            case REFUSED -> connectionFailed(request);
            case UNREACHABLE -> simulation.schedule(policies.connectTimeout(), onConnectTimeout, request);
        }
    }

    private Backend choose(Request request, Backend avoid) {
        double now = simulation.now();
        Backend candidate = null;
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            Pick pick = algorithm.pick(request);
            if (!(pick instanceof Backend backend)) return null;
            candidate = backend;
            if (backend == avoid) continue;
            if (slowStart > 0 && backend.rampStart + slowStart > now
                    && slowStartRandom.nextDouble() * slowStart >= now - backend.rampStart) {
                continue; // in slow start: its share grows linearly with the time since it became healthy
            }
            return backend;
        }
        return candidate == avoid ? null : candidate;
    }

    private void connectTimedOut(Request request) {
        connectionFailed(request);
    }

    /** The backend refused the connection or let it time out: retry elsewhere if allowed, else fail. */
    private void connectionFailed(Request request) {
        Backend backend = request.backend;
        if (outliers != null) outliers.failed(backend);
        if (maxFails != null) maxFails.failed(backend);
        boolean budget = retriesInFlight < Math.max(policies.retryMinConcurrency(),
                policies.retryBudgetPercent() / 100 * requestsInFlight);
        if (request.tries < policies.retries() && budget) {
            release(request, Double.NaN);
            request.tries++;
            if (!request.retrying) {
                request.retrying = true;
                retriesInFlight++;
            }
            retried++;
            if (request.counted) retriedCounted++;
            dispatch(request, backend);
        } else {
            backend.server.lostOne();
            ledger.fail(request);
        }
    }

    /** A request this balancer took has ended, answered or not; {@code latency} is NaN without an answer. */
    void finished(Request request, double latency) {
        if (request.backend != null) release(request, latency);
        if (request.atBalancer) {
            request.atBalancer = false;
            requestsInFlight--;
            if (request.retrying) {
                request.retrying = false;
                retriesInFlight--;
            }
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

    /** The health checks changed their verdict on a backend. */
    void healthChanged(Backend backend) {
        if (backend.healthy) backend.rampStart = simulation.now();
        usableChanged();
    }

    /** Something changed which backends may be used: membership, health, ejection, weight. */
    void usableChanged() {
        List<Backend> usable = usable();
        algorithm.updateBackends(usable);
        belowMinimum.set(simulation.now(), usable.size() < policies.minimumHealthyTargets() ? 1 : 0);
    }

    void startWindow(double now) {
        belowMinimum.startWindow(now);
    }

    /** Seconds of the measured window spent below the healthy minimum, up to {@code now}. */
    double secondsBelowMinimum(double now) {
        return belowMinimum.mean(now) * (now - belowMinimum.windowStart());
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
        backend.weight = weight;
        usableChanged();
    }

    private List<Backend> usable() {
        List<Backend> usable = new ArrayList<>();
        for (Backend backend : backends) if (backend.usable()) usable.add(backend);
        return usable;
    }

    private boolean listensOn(int port) {
        for (int listener : listeners) if (listener == port) return true;
        return false;
    }

    /** The balancer's record of one registered server: what the algorithm may see, and the checks' state. */
    static final class Backend implements BackendView {
        private final int id;
        final Server server;
        private int weight;
        int outstanding;
        /** What the active checks believe; the server's truth is {@link Server#isUp()}. */
        boolean healthy = true;
        /** Taken out by passive checks (outlier detection). */
        boolean ejected;
        boolean draining;
        boolean deregistered;
        int passStreak;
        int failStreak;
        int consecutiveErrors;
        int timesEjected;
        /** NGINX max_fails: failures counted since the window's first one, and the end of unavailability. */
        int failsInWindow;
        double firstFailInWindow = Double.NEGATIVE_INFINITY;
        double unavailableUntil = Double.NEGATIVE_INFINITY;
        /** When it last became healthy: slow start ramps its share from here. */
        double rampStart = Double.NEGATIVE_INFINITY;

        private Backend(int id, Server server, int weight) {
            this.id = id;
            this.server = server;
            this.weight = weight;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public String name() {
            return server.name();
        }

        @Override
        public int weight() {
            return weight;
        }

        @Override
        public int outstanding() {
            return outstanding;
        }

        boolean healthy() {
            return healthy;
        }

        boolean usable() {
            return healthy && !ejected && !draining && !deregistered && unavailableUntil <= server.now();
        }
    }
}
