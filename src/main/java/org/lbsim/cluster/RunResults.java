package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.BalancerResult;
import org.lbsim.metrics.CostResult;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.TraceResult;
import org.lbsim.metrics.WorkloadResult;

/**
 * The assembly of a run's {@link RunResult} from what the cluster's parts counted: the
 * ledger's outcomes and latencies, each server's figures, failures and cost, the security
 * groups and network ACLs, the health checks, scaling, and the trace clients' replay.
 */
final class RunResults {

    /** The trace lines skipped that a result quotes, at most. */
    private static final int SKIPPED_QUOTED = 5;

    private final Scenario scenario;
    private final RequestLedger ledger;
    private final ClassLatencies classes;
    private final Balancer balancer;
    private final HealthChecker healthChecker;
    private final Network network;
    private final List<SecurityGroup> groups;
    private final Collection<Server> servers;
    private final Collection<TrafficSource> sources;
    private final InstanceCount instances;
    private final List<String> warnings;
    private final MomentLog moments;

    /** The collections are read when the results are assembled, as they are then. */
    RunResults(Scenario scenario, RequestLedger ledger, ClassLatencies classes, Balancer balancer,
               HealthChecker healthChecker, Network network, List<SecurityGroup> groups, Collection<Server> servers,
               Collection<TrafficSource> sources, InstanceCount instances, List<String> warnings, MomentLog moments) {
        this.scenario = scenario;
        this.ledger = ledger;
        this.classes = classes;
        this.balancer = balancer;
        this.healthChecker = healthChecker;
        this.network = network;
        this.groups = groups;
        this.servers = servers;
        this.sources = sources;
        this.instances = instances;
        this.warnings = warnings;
        this.moments = moments;
    }

    /** What the run measured from the warm-up's end up to {@code now}. */
    RunResult at(double now, EngineStats engine) {
        long heldExpired = servers.stream().mapToLong(server -> server.heldExpired(now)).sum();
        var counts = ledger.counts(heldExpired, balancer.retried(true));
        double window = now - scenario.warmup();
        List<ServerResult> serverResults = servers.stream().map(server -> server.result(now)).toList();
        List<SecurityGroupResult> groupResults = groups.stream().map(SecurityGroup::result).toList();
        List<FailureRecord> failures = new ArrayList<>();
        for (Server server : servers) failures.addAll(server.impairments().records());
        return new RunResult(scenario.name(), balancer.algorithmName(), scenario.seed(), now,
                counts, ledger.latency(), counts.completed() / window, counts.availability(),
                serverResults, groupResults, network.results(), balancerResult(now), failures,
                instances.result(), cost(now, counts.completed()),
                new WorkloadResult(classes.results(), balancer.sessions(), traceResult()), engine, warnings,
                moments.upToNow());
    }

    /** The health checks' counts and the mean time from an impairment's start to the balancer noticing. */
    private BalancerResult balancerResult(double now) {
        double detectionSum = 0;
        int detected = 0;
        for (Server server : servers) {
            for (Impairment impairment : server.impairments().history()) {
                if (impairment.isDetected()) {
                    detectionSum += impairment.detectionDelay();
                    detected++;
                }
            }
        }
        return new BalancerResult(healthChecker.checks(), healthChecker.markedDown(),
                healthChecker.markedUp(), detected == 0 ? Double.NaN : detectionSum / detected,
                balancer.secondsBelowMinimum(now));
    }

    /** The instance-hours run within the window, their price, and the price per million answers. */
    private CostResult cost(double now, long completed) {
        double instanceHours = 0;
        double cost = 0;
        for (Server server : servers) {
            double hours = server.instance().hoursWithin(scenario.warmup(), now);
            instanceHours += hours;
            cost += hours * server.instance().spec().costPerHour();
        }
        return new CostResult(instanceHours, cost, completed == 0 ? Double.NaN : cost / completed * 1e6);
    }

    /** What the trace clients replayed, summed; null when no client replays a trace. */
    private TraceResult traceResult() {
        TraceResult total = null;
        for (TrafficSource source : sources) {
            TraceResult one = source.traceResult();
            if (one == null) continue;
            if (total == null) {
                total = one;
                continue;
            }
            List<String> skipped = new ArrayList<>(total.firstSkipped());
            skipped.addAll(one.firstSkipped());
            total = new TraceResult(total.lines() + one.lines(), total.replayed() + one.replayed(),
                    total.skipped() + one.skipped(), total.reordered() + one.reordered(),
                    skipped.subList(0, Math.min(skipped.size(), SKIPPED_QUOTED)));
        }
        return total;
    }
}
