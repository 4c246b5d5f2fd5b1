package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.engine.RandomStreams;

/**
 * A balancer's side of the contract, for unit tests of one algorithm: backends with weights,
 * outstanding counts and a slow-start factor, a health switch per backend, and pick, dispatch
 * and answer in the order the real balancer keeps (pick, commit, count, then the algorithm's
 * callback).
 */
final class FakeBalancer {

    /** A backend as the algorithm sees it. */
    static final class Backend implements BackendView {
        private final int id;
        private final int weight;
        int outstanding;
        boolean healthy = true;
        /** Its slow-start factor; tests set it, then call {@link #health()} as the balancer would. */
        double slowStartFactor = 1;

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
        public double slowStartFactor() {
            return slowStartFactor;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** A request from one source address, avoiding a backend (a retry) or not. */
    record Source(int sourceAddress, int avoid) implements RequestInfo {

        Source(int sourceAddress) {
            this(sourceAddress, NO_BACKEND);
        }
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
        this(algorithm, parameters, new RandomStreams(7).stream("test"), weights);
    }

    /** Default parameters, and a random generator the test holds (to rewind it, say). */
    FakeBalancer(String algorithm, UniformRandomProvider random, int... weights) {
        this(algorithm, Map.of(), random, weights);
    }

    private FakeBalancer(String algorithm, Map<String, String> parameters, UniformRandomProvider random, int... weights) {
        for (int i = 0; i < weights.length; i++) backends.add(new Backend(i, weights[i]));
        this.algorithm = Algorithms.standard().get(algorithm).create(new AlgorithmContext(random, parameters, () -> now));
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

    /** Picks, commits the pick and dispatches, as the balancer does; the backend chosen. */
    Backend dispatch(RequestInfo request) {
        Backend backend = (Backend) algorithm.pick(request);
        algorithm.onPicked(backend);
        send(backend);
        return backend;
    }

    /** A retry of a request from {@code sourceAddress} whose attempt on {@code failed} just failed. */
    Pick retryPick(int sourceAddress, Backend failed) {
        return algorithm.pick(new Source(sourceAddress, failed.id()));
    }

    /** A request sent to {@code backend} without the algorithm's pick (a sticky session's). */
    void send(Backend backend) {
        backend.outstanding++;
        algorithm.onDispatched(backend);
    }

    Backend dispatch() {
        return dispatch(new Source(0));
    }

    void finish(Backend backend, double latency) {
        backend.outstanding--;
        algorithm.onFinished(backend, latency);
    }
}
