package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.balancing.AlgorithmContext;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.BalancerResult;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.scenario.ClientSpec;
import org.lbsim.scenario.Cidr;
import org.lbsim.scenario.EventSpec;
import org.lbsim.scenario.Scenario;
import org.lbsim.scenario.ServerSpec;

/**
 * A scenario brought to life on a simulation: the clients, security groups, balancer, health
 * checks and servers, wired together, with the scripted timeline scheduled. It is also the
 * {@link ClusterControl} through which the timeline and the UI act on it.
 *
 * <p>Addresses are those of a VPC: the balancer is {@value #BALANCER_ADDRESS}, servers are
 * 10.0.1.10 onwards, so security-group rules may name them by CIDR as well as by group.
 */
public final class Cluster implements ClusterControl {

    static final String BALANCER_ADDRESS = "10.0.0.10";
    private static final int FIRST_SERVER_ADDRESS = Cidr.parseAddress("10.0.1.10", "server address");

    private final Scenario scenario;
    private final Simulation simulation;
    private final RandomStreams streams;
    private final Algorithms algorithms;
    private final RequestLedger ledger;
    private final List<SecurityGroup> groups;
    private final Balancer balancer;
    private final HealthChecker healthChecker;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, TrafficSource> sources = new LinkedHashMap<>();
    private int algorithmSwitches;
    private LoadReporter loadReporter;

    public Cluster(Scenario scenario, Algorithms algorithms, Simulation simulation) {
        this.scenario = scenario;
        this.simulation = simulation;
        this.algorithms = algorithms;
        this.streams = new RandomStreams(scenario.seed());
        this.ledger = new RequestLedger(simulation, scenario.warmup(), scenario.maxRequestsInSystem());
        this.groups = SecurityGroup.build(scenario.securityGroups());

        var balancerSpec = scenario.balancer();
        this.balancer = new Balancer(SecurityGroup.find(groups, balancerSpec.securityGroup()),
                Cidr.parseAddress(BALANCER_ADDRESS, "balancer address"), balancerSpec.listeners(), ledger);
        ledger.attach(balancer);
        for (ServerSpec spec : scenario.servers()) {
            Server server = new Server(spec, FIRST_SERVER_ADDRESS + servers.size(),
                    SecurityGroup.find(groups, spec.securityGroup()), simulation, ledger);
            servers.put(spec.name(), server);
            balancer.register(server, spec.weight());
            FailureInjector.schedule(server, spec.failures(), simulation, streams);
        }
        install(algorithms.get(balancerSpec.algorithm()), "balancer.algorithm");
        this.healthChecker = new HealthChecker(balancerSpec.healthCheck(), simulation, balancer,
                streams.stream("balancer.healthChecks"));

        for (ClientSpec spec : scenario.clients()) {
            Server direct = spec.targetsBalancer() ? null : server(spec.target());
            sources.put(spec.name(), new TrafficSource(spec, simulation, streams, ledger, balancer, direct));
        }
    }

    /** Schedules arrivals, checks, the warm-up's end and the timeline; call once before running. */
    public void start() {
        sources.values().forEach(TrafficSource::start);
        healthChecker.start();
        simulation.scheduleAt(scenario.warmup(), cluster -> cluster.startMeasuring(), this);
        for (EventSpec event : scenario.events()) simulation.scheduleAt(event.at(), this::apply, event);
    }

    private void startMeasuring() {
        double now = simulation.now();
        servers.values().forEach(server -> server.startWindow(now));
        groups.forEach(SecurityGroup::startCounting);
        healthChecker.startCounting();
    }

    private void apply(EventSpec event) {
        if (event instanceof EventSpec.Fail fail) {
            fail(fail.server());
        } else if (event instanceof EventSpec.Recover recover) {
            recover(recover.server());
        } else if (event instanceof EventSpec.SetRate setRate) {
            setRate(setRate.client(), setRate.rate());
        } else if (event instanceof EventSpec.SetAlgorithm setAlgorithm) {
            setAlgorithm(setAlgorithm.algorithm());
        }
    }

    @Override
    public void fail(String server) {
        server(server).fail();
    }

    @Override
    public void recover(String server) {
        server(server).recover();
    }

    @Override
    public void setRate(String client, double rate) {
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive, was " + rate);
        TrafficSource source = sources.get(client);
        if (source == null) throw new IllegalArgumentException("no client " + client + "; clients: " + sources.keySet());
        source.setRate(rate);
    }

    @Override
    public void setAlgorithm(String name) {
        install(algorithms.get(name), "balancer.algorithm." + (++algorithmSwitches) + "." + name);
    }

    /** Builds and installs an algorithm, with the load reports it asks for. */
    private void install(AlgorithmInfo info, String stream) {
        balancer.use(info.name(), info.create(new AlgorithmContext(streams.stream(stream),
                scenario.balancer().algorithmParameters(), simulation::now)));
        if (loadReporter != null) loadReporter.stop();
        double interval = balancer.algorithm().loadReportInterval();
        loadReporter = interval > 0
                ? new LoadReporter(balancer, simulation, interval, streams.stream(stream + ".loadReports")) : null;
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
        for (Balancer.Backend backend : balancer.backends()) {
            states.add(backend.server.state(backend.healthy(), backend.outstanding(), now));
        }
        return new ClusterSnapshot(now, balancer.algorithmName(), ledger.totals(), ledger.recentLatency(startNewLatencyWindow), states,
                groups.stream().map(SecurityGroup::state).toList());
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

    /** What the run measured up to now; call when it has ended. */
    public RunResult results(EngineStats engine) {
        double now = simulation.now();
        long heldExpired = servers.values().stream().mapToLong(server -> server.heldExpired(now)).sum();
        var counts = ledger.counts(heldExpired);
        double window = now - scenario.warmup();
        List<ServerResult> serverResults = servers.values().stream().map(server -> server.result(now)).toList();
        List<SecurityGroupResult> groupResults = groups.stream().map(SecurityGroup::result).toList();
        List<FailureRecord> failures = new ArrayList<>();
        double detectionSum = 0;
        int detected = 0;
        for (Server server : servers.values()) {
            failures.addAll(server.failureRecords());
            for (Outage outage : server.outages()) {
                if (outage.isDetected()) {
                    detectionSum += outage.detectionDelay();
                    detected++;
                }
            }
        }
        var balancerResult = new BalancerResult(healthChecker.checks(), healthChecker.markedDown(),
                healthChecker.markedUp(), detected == 0 ? Double.NaN : detectionSum / detected);
        return new RunResult(scenario.name(), balancer.algorithmName(), scenario.seed(), now,
                counts, ledger.latency().summary(), counts.completed() / window, counts.availability(),
                serverResults, groupResults, balancerResult, failures, engine, List.of());
    }
}
