package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lbsim.engine.RandomStreams;

/**
 * A balancer's side of the contract, for unit tests of one algorithm: backends with weights and
 * outstanding counts, a health switch per backend, and dispatch and answer in the order the real
 * balancer keeps (count first, then the algorithm's callback).
 */
final class FakeBalancer {

    /** A backend as the algorithm sees it. */
    static final class Backend implements BackendView {
        private final int id;
        private final int weight;
        int outstanding;
        boolean healthy = true;

        Backend(int id, int weight) {
            this.id = id;
            this.weight = weight;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public String name() {
            return "b" + id;
        }

        @Override
        public int weight() {
            return weight;
        }

        @Override
        public int outstanding() {
            return outstanding;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A request from one source address. */
    record Source(int sourceAddress) implements RequestInfo {
    }

    final List<Backend> backends = new ArrayList<>();
    final BalancingAlgorithm algorithm;
    double now;

    /** Equal weights of 1. */
    FakeBalancer(String algorithm, int backends) {
        this(algorithm, Map.of(), new int[backends]);
        for (int i = 0; i < backends; i++) this.backends.set(i, new Backend(i, 1));
        health();
    }

    FakeBalancer(String algorithm, Map<String, String> parameters, int... weights) {
        for (int i = 0; i < weights.length; i++) backends.add(new Backend(i, weights[i]));
        this.algorithm = Algorithms.standard().get(algorithm).create(
                new AlgorithmContext(new RandomStreams(7).stream("test"), parameters, () -> now));
        health();
    }

    /** Tells the algorithm the usable set, as the balancer does after a health check's verdict. */
    void health() {
        algorithm.updateBackends(backends.stream().filter(b -> b.healthy).toList());
    }

    void markDown(int id) {
        backends.get(id).healthy = false;
        health();
    }

    Pick pick() {
        return algorithm.pick(new Source(0));
    }

    /** Picks and dispatches; the backend chosen. */
    Backend dispatch(RequestInfo request) {
        Backend backend = (Backend) algorithm.pick(request);
        backend.outstanding++;
        algorithm.onDispatched(backend);
        return backend;
    }

    Backend dispatch() {
        return dispatch(new Source(0));
    }

    void finish(Backend backend, double latency) {
        backend.outstanding--;
        algorithm.onFinished(backend, latency);
    }
}
