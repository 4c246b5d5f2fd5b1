package org.lbsim.cluster;

import org.lbsim.engine.EventHandler;
import org.lbsim.engine.RandomStream;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;
import org.lbsim.scenario.ArrivalSpec;
import org.lbsim.scenario.ClientSpec;
import org.lbsim.scenario.Protocol;

/**
 * One client population: sends requests at its arrival process's times, each with a service
 * demand and a source address (and, when network ACLs exist, a source port) drawn from its own
 * streams, to the balancer or straight to a server (a direct attempt at an instance, which
 * security groups should stop).
 */
final class TrafficSource {

    private final ClientSpec spec;
    private final Simulation simulation;
    private final RequestLedger ledger;
    private final Balancer balancer;
    private final Server directTarget;
    private final RandomStream arrivalRandom;
    private final Sampler service;
    private final AddressSampler addresses;
    /** Source ports, only when a network ACL exists; null otherwise. */
    private final RandomStream ports;
    /** The network ACL of the direct target's subnet, or null. */
    private final NetworkAcl directAcl;
    private final Protocol protocol;
    private final int port;
    private final double timeout;
    private final EventHandler<TrafficSource> onArrival = TrafficSource::arrive;
    private ArrivalSpec arrivals;
    private Sampler interarrivals;
    /** Time of the one valid pending arrival; an arrival event at another time is stale. */
    private double nextArrivalAt = Double.NaN;

    TrafficSource(ClientSpec spec, Simulation simulation, RandomStreams streams, RequestLedger ledger,
                  Balancer balancer, Server directTarget, Network network) {
        this.spec = spec;
        this.simulation = simulation;
        this.ledger = ledger;
        this.balancer = balancer;
        this.directTarget = directTarget;
        String prefix = "clients." + spec.name() + ".";
        this.arrivalRandom = streams.stream(prefix + "arrivals");
        this.service = Samplers.of(spec.service(), streams.stream(prefix + "service"));
        this.addresses = new AddressSampler(spec.sources(), streams.stream(prefix + "sources"));
        this.ports = network.hasAcls() ? streams.stream(prefix + "ports") : null;
        this.directAcl = directTarget == null ? null : network.aclOf(directTarget);
        this.protocol = spec.protocol();
        this.port = spec.port();
        this.timeout = spec.timeout();
        this.arrivals = spec.arrivals();
        this.interarrivals = Samplers.interarrivals(arrivals, arrivalRandom);
    }

    String name() {
        return spec.name();
    }

    double timeout() {
        return timeout;
    }

    int port() {
        return port;
    }

    double rate() {
        return arrivals.rate();
    }

    void start() {
        scheduleNextArrival();
    }

    /**
     * Changes the mean arrival rate from now on. The pending arrival is redrawn at the new rate;
     * for a Poisson process that is exact, since it has no memory.
     */
    void setRate(double rate) {
        arrivals = arrivals.withRate(rate);
        interarrivals = Samplers.interarrivals(arrivals, arrivalRandom);
        scheduleNextArrival();
    }

    private void scheduleNextArrival() {
        double gap = interarrivals.sample();
        nextArrivalAt = simulation.now() + gap;
        simulation.scheduleAt(nextArrivalAt, onArrival, this);
    }

    private void arrive() {
        if (simulation.now() != nextArrivalAt) return; // superseded by a rate change
        scheduleNextArrival();
        Request request = ledger.open(this);
        request.work = service.sample();
        addresses.sample(request.from);
        request.clientPort = Network.clientPort(ports);
        if (directTarget == null) {
            balancer.receive(request, protocol, port);
        } else if (directAcl != null && !directAcl.allowsIn(protocol, port, request.from, true)
                || !directTarget.admits(protocol, port, request.from, null)) {
            ledger.deny(request);
        } else if (directAcl != null && !directAcl.allowsOut(protocol, request.clientPort, request.from, true)) {
            ledger.unanswered(request);
        } else {
            switch (directTarget.offer(request)) {
                case ACCEPTED -> { }
                case FULL -> ledger.reject(request);
                default -> {
                    directTarget.lostOne();
                    ledger.fail(request);
                }
            }
        }
    }
}
