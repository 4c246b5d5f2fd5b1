package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.BackendView;
import org.lbsim.balancing.BalancingAlgorithm;
import org.lbsim.balancing.Pick;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;

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
 *
 * <p>The algorithm makes each decision once: the balancer tells it what to avoid (a retry's
 * failed backend, through {@link Request#avoid()}) and which backends ramp up in slow start
 * ({@link Backend#slowStartFactor()}), and acts on whatever it picks.
 */
final class Balancer {

    private final SecurityGroup group;
    private final Address address;
    private final Network network;
    /** The network ACL of the balancer's subnet, or null for the default (allow all). */
    private final NetworkAcl acl;
    private final int[] listeners;
    private final RequestLedger ledger;
    private final Simulation simulation;
    private final BalancerPolicies policies;
    /** The policies' slow start in seconds, 0 for none. */
    private final double slowStart;
    private final OutlierDetector outliers;
    private final MaxFails maxFails;
    /** Sticky sessions, or null when the balancer is not sticky. */
    private final StickySessions sessions;
    private final StickySessions.Chooser algorithmChoice = this::choose;
    private final EventHandler<Backend> onRampEnded = this::rampEnded;
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
             BalancerPolicies policies, Network network) {
        this.group = group;
        this.address = address;
        this.listeners = listeners.stream().mapToInt(Integer::intValue).toArray();
        this.ledger = ledger;
        this.simulation = simulation;
        this.policies = policies;
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
        Backend backend = new Backend(backends.size(), server, weight, slowStart);
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
        dispatch(request);
    }

    /** Sends a request's first attempt where the algorithm (or its session's cookie) says, or answers 503. */
    private void dispatch(Request request) {
        Pick pick = route(request);
        if (pick instanceof Backend backend) send(request, backend);
        else ledger.reject(request); // no usable backend: 503
    }

    /** Where the request goes: its sticky session's backend, or the algorithm's pick. */
    private Pick route(Request request) {
        return sessions == null ? choose(request) : sessions.route(request, simulation.now(), algorithmChoice);
    }

    /** The algorithm's decision, committed when it names a backend: the balancer acts on every pick it asks for. */
    private Pick choose(Request request) {
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

    private void connectTimedOut(Request request) {
        connectionFailed(request);
    }

    /**
     * The backend refused the connection or let it time out: retry on another backend if the
     * retries and the budget allow, else fail. The retry avoids the backend that failed; when it
     * is the only usable one, no retry is made and the request fails (NGINX's
     * {@code proxy_next_upstream} with no server left to try); when none is usable, 503.
     */
    private void connectionFailed(Request request) {
        Backend backend = request.backend;
        if (outliers != null) outliers.failed(backend);
        if (maxFails != null) maxFails.failed(backend);
        boolean budget = retriesInFlight < Math.max(policies.retryMinConcurrency(),
                policies.retryBudgetPercent() / 100 * requestsInFlight);
        if (request.tries < policies.retries() && budget) {
            release(request, Double.NaN);
            request.avoid = backend.id();
            Pick pick = route(request);
            if (pick instanceof Backend other) {
                request.tries++;
                if (!request.retrying) {
                    request.retrying = true;
                    retriesInFlight++;
                }
                retried++;
                if (request.counted) retriedCounted++;
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

    /** The health checks changed their verdict on a backend: one that becomes healthy starts its slow start. */
    void healthChanged(Backend backend) {
        if (backend.healthy && slowStart > 0) {
            backend.rampStart = simulation.now();
            simulation.schedule(slowStart, onRampEnded, backend);
        }
        usableChanged();
    }

    /** A slow start may have ended: its backend joins the others in the algorithm's structures. */
    private void rampEnded(Backend backend) {
        if (backend.rampStart + slowStart == simulation.now() && backend.usable()) usableChanged();
    }

    /** Something changed which backends may be used, or how: membership, health, ejection, weight, a slow start's end. */
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

    /**
     * The least fraction of its weight slow start gives a backend, at the instant it becomes
     * healthy: a ramp from exactly 0 would leave an algorithm that divides by the weight with
     * nothing to compare. HAProxy's {@code slowstart} likewise starts from its smallest weight
     * step, and Envoy's from {@code min_weight_percent} (10% by default).
     */
    static final double MIN_SLOW_START_FACTOR = 0.01;

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
        /** When it last became healthy: slow start ramps its weight from here. */
        double rampStart = Double.NEGATIVE_INFINITY;
        /** The balancer's slow start in seconds, 0 for none. */
        private final double slowStart;

        private Backend(int id, Server server, int weight, double slowStart) {
            this.id = id;
            this.server = server;
            this.weight = weight;
            this.slowStart = slowStart;
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

        /**
         * Linear from {@link #MIN_SLOW_START_FACTOR} to 1 over the slow start that began when it
         * last became healthy: (time since then) ÷ {@code slowStart}; 1 once that is over.
         */
        @Override
        public double slowStartFactor() {
            double elapsed = server.now() - rampStart;
            if (!(elapsed < slowStart)) return 1;
            return Math.max(MIN_SLOW_START_FACTOR, elapsed / slowStart);
        }

        boolean healthy() {
            return healthy;
        }

        boolean usable() {
            return healthy && !ejected && !draining && !deregistered && unavailableUntil <= server.now();
        }
    }
}
