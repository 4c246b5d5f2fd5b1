package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.Moment;
import org.lbsim.metrics.RunResult;

/**
 * A scenario brought to life on a simulation: the clients, security groups, balancer, health
 * checks and servers, wired together, with the scripted timeline scheduled. It is also the
 * {@link ClusterControl} through which the timeline and the UI act on it.
 *
 * <p>Addresses are those of a VPC: the balancer is {@value #BALANCER_ADDRESS} in the subnet
 * 10.0.0.0/24, servers are 10.0.1.10 onwards in 10.0.1.0/24, so security-group and network-ACL
 * rules may name them by CIDR (and security-group rules by group too).
 */
public final class Cluster implements ClusterControl {

    static final String BALANCER_ADDRESS = "10.0.0.10";
    private static final int FIRST_SERVER_ADDRESS = Cidr.parseAddress("10.0.1.10", "server address");

    private final Scenario scenario;
    private final Simulation simulation;
    private final RequestLedger ledger;
    private final ClassLatencies classes;
    private final List<SecurityGroup> groups;
    private final Network network;
    private final Balancer balancer;
    private final HealthChecker healthChecker;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, TrafficSource> sources = new LinkedHashMap<>();
    private final AlgorithmInstaller algorithmInstaller;
    /** Notes for the run's results, in the order they arose: from the timeline and from installing algorithms. */
    private final List<String> warnings = new ArrayList<>();
    private final InstanceCount instances;
    private final RunResults results;
    /** What happened when, for the charts: recorded by the parts where it happens, and here for membership and configuration. */
    private final MomentLog moments;

    public Cluster(Scenario scenario, Algorithms algorithms, Simulation simulation) {
        this.scenario = scenario;
        this.simulation = simulation;
        RandomStreams streams = new RandomStreams(scenario.seed());
        this.classes = new ClassLatencies(scenario.clients());
        this.ledger = new RequestLedger(simulation, scenario.warmup(), scenario.maxRequestsInSystem(), classes);
        this.groups = SecurityGroup.build(scenario.securityGroups());
        this.moments = new MomentLog(simulation);

        Address balancerAddress = Address.ipv4(BALANCER_ADDRESS);
        this.network = new Network(scenario.networkAcls(), balancerAddress, streams);

        var balancerSpec = scenario.balancer();
        this.balancer = new Balancer(SecurityGroup.find(groups, balancerSpec.securityGroup()),
                balancerAddress, balancerSpec.listeners(), ledger, simulation,
                balancerSpec.policies(), network, moments);
        ledger.attach(balancer);
        for (ServerSpec spec : scenario.servers()) {
            Server server = launch(spec, 0);
            network.place(server);
            balancer.register(server, spec.weight(), true);
            FailureInjector.schedule(server, spec.failures(), simulation, streams);
        }
        this.algorithmInstaller = new AlgorithmInstaller(balancer, algorithms, balancerSpec, simulation, streams, warnings);
        algorithmInstaller.installFirst();
        this.healthChecker = new HealthChecker(balancerSpec.healthCheck(), simulation, balancer,
                streams.stream("balancer.healthChecks"));
        this.instances = new InstanceCount(servers.size());

        for (ClientSpec spec : scenario.clients()) {
            Server direct = spec.targetsBalancer() ? null : server(spec.target());
            sources.put(spec.name(), new TrafficSource(spec, sources.size(), simulation, streams, ledger, balancer, direct,
                    network, classes));
        }
        this.results = new RunResults(scenario, ledger, classes, balancer, healthChecker, network, groups,
                servers.values(), sources.values(), instances, warnings, moments);
    }

    /**
     * Draws every request's source address when it arrives, instead of when something first
     * looks at it. Two clusters compared request by request need this: with lazy draws, a side
     * that starts looking late (a switch to {@code ip-hash}) or skips a request (rejected before
     * any look) would give the same request another address than the other side. Costs one draw
     * per request; call before {@link #start}.
     */
    public void drawEveryAddressOnArrival() {
        sources.values().forEach(TrafficSource::drawAddressOnArrival);
    }

    /** Schedules arrivals, checks, the warm-up's end and the timeline; call once before running. */
    public void start() {
        sources.values().forEach(TrafficSource::start);
        healthChecker.start();
        if (scenario.autoscaling() != null) {
            new Autoscaler(scenario.autoscaling(), simulation, this, balancer).start();
            instances.restart(balancer.backends().size()); // the group as it starts
        }
        simulation.scheduleAt(scenario.warmup(), Cluster::startMeasuring, this);
        new Timeline(simulation, this, warnings).schedule(scenario.events());
    }

    private void startMeasuring() {
        double now = simulation.now();
        servers.values().forEach(server -> server.startWindow(now));
        groups.forEach(SecurityGroup::startCounting);
        network.startCounting();
        healthChecker.startCounting();
        balancer.startWindow(now);
    }

    private Server launch(ServerSpec spec, double at) {
        Address address = new Address();
        address.setIpv4(FIRST_SERVER_ADDRESS + servers.size());
        Server server = new Server(spec, address,
                SecurityGroup.find(groups, spec.securityGroup()), simulation, ledger, at, moments);
        servers.put(spec.name(), server);
        return server;
    }

    @Override
    public void fail(String server) {
        server(server).impair(FailureKind.CRASH, 1, false);
    }

    @Override
    public void recover(String server) {
        server(server).recoverAll();
    }

    @Override
    public void slow(String server, double factor) {
        if (!(factor > 0) || factor > 1) throw new IllegalArgumentException("factor must be in (0, 1], was " + factor);
        server(server).impair(FailureKind.SLOWDOWN, factor, true);
    }

    @Override
    public void blackHole(String server) {
        server(server).impair(FailureKind.BLACK_HOLE, 1, true);
    }

    @Override
    public void cutOff(String server) {
        server(server).impair(FailureKind.UNREACHABLE, 1, false);
    }

    @Override
    public void addServer(String name, String template) {
        if (servers.containsKey(name)) throw new IllegalArgumentException("there is already a server " + name);
        Server like = server(template);
        Server server = launch(like.instance().spec().named(name), simulation.now());
        network.placeLike(server, like);
        instances.added();
        Backend backend = balancer.register(server, server.instance().spec().weight(), false);
        healthChecker.add(backend);
        algorithmInstaller.added(backend);
        countInstances();
        moments.record(Moment.Kind.ADDED, name);
    }

    @Override
    public void removeServer(String name) {
        Server server = server(name);
        for (Backend backend : balancer.backends()) {
            if (backend.server == server && !backend.draining && !backend.deregistered) {
                instances.removed();
                balancer.deregister(backend);
                moments.record(Moment.Kind.REMOVED, name);
            }
        }
        countInstances();
    }

    @Override
    public void setWeight(String name, int weight) {
        if (weight < 0) throw new IllegalArgumentException("weight must be at least 0, was " + weight);
        Server server = server(name);
        for (Backend backend : balancer.backends()) if (backend.server == server) balancer.setWeight(backend, weight);
        moments.record(Moment.Kind.WEIGHT_CHANGED, name, Integer.toString(weight));
    }

    /** Instances launched and not deregistered: what scaling counts. */
    private void countInstances() {
        instances.running((int) balancer.backends().stream().filter(b -> !b.draining && !b.deregistered).count());
    }

    @Override
    public void setSecurityRules(String group, List<RuleSpec> inbound) {
        SecurityGroup.find(groups, group).replaceRules(inbound, groups);
        moments.record(Moment.Kind.RULES_CHANGED, group);
    }

    @Override
    public void setRate(String client, double rate) {
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive, was " + rate);
        TrafficSource source = sources.get(client);
        if (source == null) throw new IllegalArgumentException("no client " + client + "; clients: " + sources.keySet());
        source.setRate(rate);
        moments.record(Moment.Kind.RATE_CHANGED, client, Moment.rate(rate));
    }

    @Override
    public void setAlgorithm(String name) {
        algorithmInstaller.switchTo(name);
        moments.record(Moment.Kind.ALGORITHM_CHANGED, balancer.algorithmName());
    }

    private Server server(String name) {
        Server server = servers.get(name);
        if (server == null) throw new IllegalArgumentException("no server " + name + "; servers: " + servers.keySet());
        return server;
    }

    Balancer balancer() {
        return balancer;
    }

    /**
     * The state now, for observers. The first call starts tracking the latency of recent
     * completions, which each later call returns and resets.
     */
    public ClusterSnapshot snapshot() {
        return snapshot(true);
    }

    /**
     * The state now. With {@code startNewLatencyWindow} false, the recent latency keeps
     * accumulating, so that a slower observer (a chart) can take one window over several snapshots.
     */
    public ClusterSnapshot snapshot(boolean startNewLatencyWindow) {
        double now = simulation.now();
        List<ClusterSnapshot.ServerState> states = new ArrayList<>();
        for (Backend backend : balancer.backends()) {
            states.add(backend.server.state(balancer.usable(backend), backend.outstanding(), now));
        }
        return new ClusterSnapshot(now, balancer.algorithmName(), ledger.totals(), ledger.recentLatency(startNewLatencyWindow), states,
                groups.stream().map(SecurityGroup::state).toList(), moments.upToNow());
    }

    /** The scenario this cluster was built from. */
    public Scenario scenario() {
        return scenario;
    }

    /** The names of the client populations, in scenario order. */
    public List<String> clientNames() {
        return List.copyOf(sources.keySet());
    }

    /** A client population's current mean arrival rate, in requests per second. */
    public double rate(String client) {
        TrafficSource source = sources.get(client);
        if (source == null) throw new IllegalArgumentException("no client " + client + "; clients: " + sources.keySet());
        return source.rate();
    }

    /** Requests held anywhere in the model right now. */
    public long requestsInSystem() {
        return ledger.requestsInSystem();
    }

    /** Moments that came after the log was full and are on no chart. */
    public long momentsDropped() {
        return moments.dropped();
    }

    /** What the run measured up to now; call when it has ended. */
    public RunResult results(EngineStats engine) {
        return results.at(simulation.now(), engine);
    }
}
