package org.lbsim.cluster;

import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.engine.Simulation;
import org.lbsim.engine.Timer;

/**
 * The instances' periodic load reports to the balancer, for algorithms that decide by reported
 * load ({@code least-utilization}): every {@code interval}, each backend's agent reports the busy
 * fraction of its workers since its previous report. Each agent starts at a random phase within
 * the first interval, as independent agents would; a crashed instance reports nothing until it
 * recovers.
 */
final class LoadReporter {

    private final Balancer balancer;
    private final Simulation simulation;
    private final double interval;
    private final UniformRandomProvider phases;
    private double[] lastBusySeconds;
    private double[] lastReportAt;
    private final Timer<Backend> onReport = this::report;
    private boolean stopped;

    LoadReporter(Balancer balancer, Simulation simulation, double interval, UniformRandomProvider phases) {
        this.balancer = balancer;
        this.simulation = simulation;
        this.interval = interval;
        this.phases = phases;
        this.lastBusySeconds = new double[balancer.backends().size()];
        this.lastReportAt = new double[balancer.backends().size()];
        for (Backend backend : balancer.backends()) add(backend);
    }

    /** Starts the reports of a backend's agent, at a random phase within the first interval. */
    void add(Backend backend) {
        int id = backend.id();
        lastBusySeconds = PerBackend.withRoomFor(lastBusySeconds, id, 0);
        lastReportAt = PerBackend.withRoomFor(lastReportAt, id, 0);
        double now = simulation.now();
        lastBusySeconds[id] = backend.server.busyWorkerSeconds(now);
        lastReportAt[id] = now;
        simulation.startTimer(now + phases.nextDouble() * interval, onReport, backend);
    }

    /** No more reports from this reporter: the algorithm that wanted them was replaced. */
    void stop() {
        stopped = true;
    }

    private double report(Backend backend) {
        if (stopped || backend.deregistered) return Timer.STOP;
        double now = simulation.now();
        int id = backend.id();
        Server server = backend.server;
        double busySeconds = server.busyWorkerSeconds(now);
        double span = now - lastReportAt[id];
        if (server.isUp() && span > 0) {
            balancer.loadReport(backend, (busySeconds - lastBusySeconds[id]) / (server.workers() * span));
        }
        lastBusySeconds[id] = busySeconds;
        lastReportAt[id] = now;
        return now + interval;
    }
}
