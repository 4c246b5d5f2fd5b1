package org.lbsim.cluster;

import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;
import org.lbsim.engine.Timer;
import org.lbsim.metrics.Moment;

/**
 * Active health checks as AWS target groups do them: every {@code interval} a probe to each
 * backend on the check port, from the balancer's address and group, so it must pass the
 * server's security group and the network ACLs of both subnets, both ways. An up, reachable server answers at once; otherwise the probe fails
 * when its {@code timeout} expires. {@code unhealthyThreshold} consecutive failures mark a
 * healthy backend down; {@code healthyThreshold} consecutive passes mark an unhealthy one up.
 *
 * <p>Each backend's probes start at a random phase within the first interval, as independent
 * checkers do, so detection times vary from one failure to the next.
 */
final class HealthChecker {

    private final HealthCheckSpec spec;
    private final Simulation simulation;
    private final Balancer balancer;
    private final UniformRandomProvider phases;
    private final Timer<Backend> onProbe = this::probe;
    private final EventHandler<Backend> onProbeTimeout = this::failed;
    /** Consecutive passes and failures, by backend id. */
    private int[] passStreak = new int[0];
    private int[] failStreak = new int[0];
    private boolean counting;
    private long checks;
    private long markedDown;
    private long markedUp;

    HealthChecker(HealthCheckSpec spec, Simulation simulation, Balancer balancer, UniformRandomProvider phases) {
        this.spec = spec;
        this.simulation = simulation;
        this.balancer = balancer;
        this.phases = phases;
    }

    void start() {
        for (Backend backend : balancer.backends()) add(backend);
    }

    /** Starts probing a backend, at a random phase within the first interval. */
    void add(Backend backend) {
        passStreak = PerBackend.withRoomFor(passStreak, backend.id(), 0);
        failStreak = PerBackend.withRoomFor(failStreak, backend.id(), 0);
        simulation.startTimer(simulation.now() + phases.nextDouble() * spec.interval(), onProbe, backend);
    }

    void startCounting() {
        counting = true;
    }

    private double probe(Backend backend) {
        if (backend.deregistered) return Timer.STOP; // no longer a target: probing stops
        if (counting) checks++;
        Server server = backend.server;
        boolean answers = server.passesHealthCheck()
                && balancer.probeReaches(server, spec.port());
        if (!answers) {
            simulation.schedule(spec.timeout(), onProbeTimeout, backend);
        } else if (!spec.inBand()) {
            passed(backend);
        } else {
            Probe probe = new Probe(backend);
            if (server.offer(probe.request) != ServerAnswer.ACCEPTED) {
                failed(backend); // a full queue answers 503 at once
            } else {
                simulation.schedule(spec.timeout(), Probe::timedOut, probe);
            }
        }
        return simulation.now() + spec.interval();
    }

    /**
     * One in-band probe: a small request in the instance's queue. Whichever comes first, its
     * answer or its timeout, decides it; the other is ignored.
     */
    final class Probe {
        private final Backend backend;
        private final Request request = new Request();
        private boolean decided;

        private Probe(Backend backend) {
            this.backend = backend;
            request.probe = this;
            request.work = spec.probeWork();
            request.sentAt = simulation.now();
        }

        void answered() {
            if (decided) return;
            decided = true;
            passed(backend);
        }

        private void timedOut() {
            if (decided) return;
            decided = true;
            failed(backend);
        }
    }

    private void passed(Backend backend) {
        int id = backend.id();
        failStreak[id] = 0;
        passStreak[id]++;
        if (!backend.healthy && passStreak[id] >= spec.healthyThreshold()) {
            backend.healthy = true;
            if (counting) markedUp++;
            balancer.moments().record(Moment.Kind.MARKED_UP, backend.name());
            balancer.healthChanged(backend);
        }
    }

    private void failed(Backend backend) {
        int id = backend.id();
        passStreak[id] = 0;
        failStreak[id]++;
        if (backend.healthy && failStreak[id] >= spec.unhealthyThreshold()) {
            backend.healthy = false;
            if (counting) markedDown++;
            balancer.moments().record(Moment.Kind.MARKED_DOWN, backend.name());
            backend.server.impairments().noticed(simulation.now());
            balancer.healthChanged(backend);
        }
    }

    long checks() {
        return checks;
    }

    long markedDown() {
        return markedDown;
    }

    long markedUp() {
        return markedUp;
    }
}
