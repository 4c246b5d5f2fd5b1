package org.lbsim.cluster;

import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.engine.EventHandler;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;

/**
 * One client population: sends requests at its arrival process's times (or, closed-loop, when
 * each of its users has thought), each with a class and service demand and a source address
 * (and, when network ACLs exist, a source port) drawn from its own streams, to the balancer or
 * straight to a server (a direct attempt at an instance, which security groups should stop).
 */
final class TrafficSource {

    private final ClientSpec spec;
    private final int index;
    private final Simulation simulation;
    /** The arrival process's draws (an MMPP's state changes apart), kept across {@code set-rate}. */
    private final org.apache.commons.rng.UniformRandomProvider arrivalRandom;
    private final org.apache.commons.rng.UniformRandomProvider modulationRandom;
    private final RequestLedger ledger;
    private final Balancer balancer;
    private final Server directTarget;
    private final RequestMix mix;
    private final AddressSampler addresses;
    /** Source ports, only when a network ACL exists; null otherwise. */
    private final org.apache.commons.rng.UniformRandomProvider ports;
    /** The network ACL of the direct target's subnet, or null. */
    private final NetworkAcl directAcl;
    private final Protocol protocol;
    private final int port;
    private final double timeout;
    /** The users of a closed-loop client; null for an open one. */
    private final ClosedUsers users;
    /** The replayed trace of a trace client; null otherwise. */
    private final TraceArrivals trace;
    private final EventHandler<TrafficSource> onArrival = TrafficSource::arrive;
    /** An open client's process and its spec, which {@code set-rate} replaces. */
    private ArrivalSpec.Open arrivals;
    private ArrivalProcess process;
    /** Draw every request's address as it arrives, looked at or not (see {@link Cluster#drawEveryAddressOnArrival}). */
    private boolean drawAddressOnArrival;
    /** Time of the one valid pending arrival; an arrival event at another time is stale. */
    private double nextArrivalAt = Double.NaN;

    TrafficSource(ClientSpec spec, int index, Simulation simulation, RandomStreams streams, RequestLedger ledger,
                  Balancer balancer, Server directTarget, Network network, ClassLatencies classes) {
        this.spec = spec;
        this.index = index;
        this.simulation = simulation;
        this.ledger = ledger;
        this.balancer = balancer;
        this.directTarget = directTarget;
        String prefix = "clients." + spec.name() + ".";
        this.arrivalRandom = streams.stream(prefix + "arrivals");
        this.modulationRandom = streams.stream(prefix + "arrivals.modulation");
        this.mix = new RequestMix(spec, streams, classes);
        this.addresses = new AddressSampler(spec.sources(), streams.stream(prefix + "sources"));
        this.ports = network.hasAcls() ? streams.stream(prefix + "ports") : null;
        this.directAcl = directTarget == null ? null : network.aclOf(directTarget);
        this.protocol = spec.protocol();
        this.port = spec.port();
        this.timeout = spec.timeout();
        if (spec.arrivals() instanceof ArrivalSpec.Closed closed) {
            RandomVariate think = RandomVariates.of(closed.thinkTime(), streams.stream(prefix + "thinkTime"));
            this.users = new ClosedUsers(closed.users(), simulation, think, timeout, addresses, this::sendFor);
            this.trace = null;
        } else if (spec.arrivals() instanceof ArrivalSpec.Trace replay) {
            this.users = null;
            boolean hasOwnService = spec.service() != null || !spec.mix().isEmpty();
            this.trace = new TraceArrivals(replay, arrivalRandom, hasOwnService ? mix::draw : null);
            this.process = trace;
        } else {
            this.users = null;
            this.trace = null;
            this.arrivals = (ArrivalSpec.Open) spec.arrivals();
            this.process = openProcess(arrivals);
        }
    }

    /** An open process on the client's arrival streams, which go on where they are after a {@code set-rate}. */
    private ArrivalProcess openProcess(ArrivalSpec.Open spec) {
        return ArrivalProcesses.of(spec, arrivalRandom, modulationRandom);
    }

    String name() {
        return spec.name();
    }

    /** The client's position in the scenario, which keeps closed-loop users' sessions apart. */
    int index() {
        return index;
    }

    double timeout() {
        return timeout;
    }

    /** What the replay of this client's trace read, or null when it replays none. */
    org.lbsim.metrics.TraceResult traceResult() {
        return trace == null ? null : trace.result();
    }

    /** The long-run mean rate of an open client; NaN for closed-loop users and traces, whose rate is not set. */
    double rate() {
        return arrivals == null ? Double.NaN : arrivals.rate();
    }

    void start() {
        if (users != null) {
            users.start();
        } else {
            scheduleNextArrival();
        }
    }

    /**
     * Changes an open client's mean arrival rate from now on. The pending arrival is redrawn at
     * the new rate; for a Poisson process that is exact, since it has no memory. The new process
     * draws on from where the old one's streams stopped.
     */
    void setRate(double rate) {
        if (arrivals == null) {
            throw new IllegalArgumentException("client " + spec.name() + " is closed-loop or a trace: it has no rate to set");
        }
        arrivals = arrivals.withRate(rate);
        process = openProcess(arrivals);
        scheduleNextArrival();
    }

    private void scheduleNextArrival() {
        nextArrivalAt = process.next(simulation.now());
        if (nextArrivalAt != Double.POSITIVE_INFINITY) simulation.scheduleAt(nextArrivalAt, onArrival, this);
    }

    private void arrive() {
        if (simulation.now() != nextArrivalAt) return; // superseded by a rate change
        scheduleNextArrival(); // a trace moves the line that arrives now aside, and reads the next
        Request request = ledger.open(this);
        request.addressUnknown(); // drawn when first looked at, if ever
        if (drawAddressOnArrival) request.from();
        if (trace == null) {
            request.port = port;
            mix.draw(request);
        } else {
            trace.fill(request, port);
        }
        send(request);
    }

    /** A closed-loop user has thought: it sends its next request from its own address. */
    private void sendFor(ClosedUsers.User user) {
        Request request = ledger.open(this);
        request.user = user.index;
        Address address = user.address;
        Address from = request.addressToSet();
        if (address.ipv6) from.setIpv6(address.high, address.low); else from.setIpv4(address.ipv4);
        request.port = port;
        mix.draw(request);
        users.sending(user, request);
        send(request);
    }

    void drawAddressOnArrival() {
        drawAddressOnArrival = true;
    }

    /** Draws a request's source address from the client's blocks, on its own stream. */
    void drawAddress(Address into) {
        addresses.sample(into);
    }

    /** A closed-loop request of this client has ended. */
    void ended(Request request) {
        users.ended(request);
    }

    /** Sends a request whose address, port, class and work are set. */
    private void send(Request request) {
        request.clientPort = Network.clientPort(ports);
        int port = request.port;
        if (directTarget == null) {
            balancer.receive(request, protocol, port);
        } else if (directAcl != null && !directAcl.allowsIn(protocol, port, request.from(), true)
                || directTarget.group() != null && !directTarget.admits(protocol, port, request.from(), null)) {
            ledger.deny(request);
        } else if (directAcl != null && !directAcl.allowsOut(protocol, request.clientPort, request.from(), true)) {
            ledger.unanswered(request);
        } else {
            switch (directTarget.offer(request)) {
                case ACCEPTED -> { }
                case FULL -> ledger.reject(request);
                default -> {
                    directTarget.impairments().lostOne();
                    ledger.fail(request);
                }
            }
        }
    }
}
