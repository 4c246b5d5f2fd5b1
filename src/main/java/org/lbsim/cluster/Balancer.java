package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.BackendView;
import org.lbsim.balancing.BalancingAlgorithm;
import org.lbsim.balancing.Pick;
import org.lbsim.scenario.Protocol;

/**
 * The load balancer: admits requests through its security group on its listener ports, asks
 * the algorithm for a backend among those its health checks say are healthy, forwards the
 * request from its own address and group, and counts what each backend has outstanding.
 *
 * <p>It knows only what a real balancer knows: its own counts, its checks' verdicts, and the
 * configured weights. A backend that crashed stays in use until the checks mark it down.
 */
final class Balancer {

    private final SecurityGroup group;
    private final int address;
    private final int[] listeners;
    private final RequestLedger ledger;
    private final List<Backend> backends = new ArrayList<>();
    private BalancingAlgorithm algorithm;
    private String algorithmName;

    Balancer(SecurityGroup group, int address, List<Integer> listeners, RequestLedger ledger) {
        this.group = group;
        this.address = address;
        this.listeners = listeners.stream().mapToInt(Integer::intValue).toArray();
        this.ledger = ledger;
    }

    Backend register(Server server, int weight) {
        Backend backend = new Backend(backends.size(), server, weight);
        backends.add(backend);
        return backend;
    }

    List<Backend> backends() {
        return backends;
    }

    SecurityGroup group() {
        return group;
    }

    int address() {
        return address;
    }

    String algorithmName() {
        return algorithmName;
    }

    BalancingAlgorithm algorithm() {
        return algorithm;
    }

    /** Installs an algorithm; nothing else changes, so this is also the live switch. */
    void use(String name, BalancingAlgorithm newAlgorithm) {
        algorithmName = name;
        algorithm = newAlgorithm;
        algorithm.updateBackends(usable());
    }

    /** A client's request reaches the balancer. */
    void receive(Request request, Protocol protocol, int port) {
        if (group != null && !group.admits(protocol, port, request.sourceAddress, null)) {
            ledger.deny(request);
            return;
        }
        if (protocol != Protocol.TCP || !listensOn(port)) {
            ledger.reject(request); // connection refused: nothing listens there
            return;
        }
        Pick pick = algorithm.pick(request);
        if (pick instanceof Backend backend) {
            request.backend = backend;
            backend.outstanding++;
            algorithm.onDispatched(backend);
            backend.server.receive(request, Protocol.TCP, port, address, group);
        } else {
            ledger.reject(request); // no healthy backend: 503
        }
    }

    /** A request this balancer dispatched has ended, answered or not. */
    void finished(Request request, double latency) {
        Backend backend = request.backend;
        request.backend = null;
        backend.outstanding--;
        algorithm.onFinished(backend, latency);
    }

    /** A backend's agent reported its utilization; see {@link LoadReporter}. */
    void loadReport(Backend backend, double utilization) {
        algorithm.onLoadReport(backend, utilization);
    }

    /** The health checks changed their verdict on a backend. */
    void healthChanged() {
        algorithm.updateBackends(usable());
    }

    private List<Backend> usable() {
        List<Backend> usable = new ArrayList<>();
        for (Backend backend : backends) if (backend.healthy) usable.add(backend);
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
        private final int weight;
        int outstanding;
        /** What the balancer believes; the server's truth is {@link Server#isUp()}. */
        boolean healthy = true;
        int passStreak;
        int failStreak;

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
    }
}
