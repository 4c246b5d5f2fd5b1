package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.Moment;
import org.lbsim.metrics.Moment.Kind;
import org.lbsim.support.YamlScenarios;

/**
 * The moments a run's charts mark are recorded where they happen, at the simulated time they
 * happen, and the same whoever caused them: a scripted event, a call on the control interface
 * (the window's clicks), a server's own {@code failures:}, the autoscaler.
 */
class MomentsTest {

    private static final double INTERVAL = 10;
    private static final double TIMEOUT = 5;
    private static final int HEALTHY = 3;
    private static final int UNHEALTHY = 2;

    private static final String CLUSTER = """
            name: moments
            seed: 7
            duration: 400s
            warmup: 30s
            clients:
              - name: users
                arrivals: {process: poisson, rate: 20/s}
                service: {distribution: exponential, mean: 10ms}
            securityGroups:
              - name: web-sg
                inbound: [{protocol: tcp, ports: 80, from: 0.0.0.0/0}]
            balancer:
              algorithm: round-robin
              healthCheck: {interval: 10s, timeout: 5s, healthyThreshold: 3, unhealthyThreshold: 2}
            servers:
              - {name: a, workers: 1, securityGroup: web-sg}
              - {name: b, workers: 1, securityGroup: web-sg}
            """;

    /** Every kind of scripted event, the first before the warm-up's end. */
    private static final String EVENTS = """
            events:
              - {at: 10s, action: fail, server: b}
              - {at: 100s, action: recover, server: b}
              - {at: 150s, action: set-rate, client: users, rate: 30/s}
              - {at: 160s, action: set-algorithm, algorithm: random}
              - {at: 170s, action: slow, server: a, factor: 0.5}
              - {at: 180s, action: recover, server: a}
              - {at: 190s, action: black-hole, server: a}
              - {at: 200s, action: recover, server: a}
              - {at: 210s, action: add-server, server: c, template: a}
              - {at: 220s, action: set-weight, server: c, weight: 3}
              - {at: 300s, action: remove-server, server: c}
              - {at: 310s, action: set-security-rule, group: web-sg, inbound: [{protocol: tcp, ports: 80, from: 10.0.0.0/8}]}
            """;

    @Test
    void scriptedEventsAreRecordedAtTheirTimesWithTheBalancersVerdictsBetween() {
        List<Moment> moments = run(YamlScenarios.parse(CLUSTER + EVENTS), new Clicks());

        assertThat(scripted(moments)).extracting(Moment::time, Moment::label).containsExactly(
                tuple(10, "b failed"), tuple(100, "b recovered"), tuple(150, "users 30/s"), tuple(160, "→ random"),
                tuple(170, "a slow ×0.5"), tuple(180, "a recovered"), tuple(190, "a black hole"),
                tuple(200, "a recovered"), tuple(210, "+c"), tuple(220, "c weight 3"), tuple(300, "−c"),
                tuple(310, "SG web-sg changed"));
        assertThat(moments).extracting(Moment::time).isSorted();
    }

    @Test
    void detectionShowsAsTheGapBetweenFailedAndDownAndRecoveryAsTheGapBetweenRecoveredAndUp() {
        List<Moment> moments = run(YamlScenarios.parse(CLUSTER + EVENTS), new Clicks());

        double down = first(moments, Kind.MARKED_DOWN, "b").time();
        // The failure falls anywhere within a probe interval; then UNHEALTHY probes fail, each after TIMEOUT.
        assertThat(down - 10).isBetween((UNHEALTHY - 1) * INTERVAL + TIMEOUT, UNHEALTHY * INTERVAL + TIMEOUT);
        double up = first(moments, Kind.MARKED_UP, "b").time();
        assertThat(up - 100).isBetween((HEALTHY - 1) * INTERVAL, HEALTHY * INTERVAL);
        // An instance launched during the run must pass its checks before the balancer uses it.
        double cUp = first(moments, Kind.MARKED_UP, "c").time();
        assertThat(cUp - 210).isBetween((HEALTHY - 1) * INTERVAL, HEALTHY * INTERVAL + 1);
        // A shallow check passes through a slowdown and a black hole: no verdict on a.
        assertThat(moments).noneMatch(m -> m.subject().equals("a") && m.kind() == Kind.MARKED_DOWN);
    }

    @Test
    void theControlInterfaceRecordsExactlyWhatTheScriptedEventsDo() {
        Scenario withEvents = YamlScenarios.parse(CLUSTER + EVENTS);
        List<Moment> scripted = run(withEvents, new Clicks());
        List<RuleSpec> rules = ((EventSpec.SetSecurityRule) withEvents.events().get(11)).inbound();
        Scenario plain = YamlScenarios.parse(CLUSTER);
        List<Moment> clicked = run(plain, new Clicks()
                .at(10, c -> c.fail("b"))
                .at(100, c -> c.recover("b"))
                .at(150, c -> c.setRate("users", 30))
                .at(160, c -> c.setAlgorithm("random"))
                .at(170, c -> c.slow("a", 0.5))
                .at(180, c -> c.recover("a"))
                .at(190, c -> c.blackHole("a"))
                .at(200, c -> c.recover("a"))
                .at(210, c -> c.addServer("c", "a"))
                .at(220, c -> c.setWeight("c", 3))
                .at(300, c -> c.removeServer("c"))
                .at(310, c -> c.setSecurityRules("web-sg", rules)));
        assertThat(clicked).isEqualTo(scripted);
    }

    @Test
    void aCutOffAndAServersOwnFailuresAreRecordedToo() {
        String failures = CLUSTER.replace("- {name: b, workers: 1, securityGroup: web-sg}",
                "- {name: b, workers: 1, securityGroup: web-sg, failures: [{at: 50s, for: 40s}]}");
        List<Moment> moments = run(YamlScenarios.parse(failures), new Clicks().at(200, c -> c.cutOff("a")).at(260, c -> c.recover("a")));
        assertThat(moments).filteredOn(m -> m.kind().impairs() || m.kind() == Kind.RECOVERED)
                .extracting(Moment::time, Moment::label)
                .containsExactly(tuple(50, "b failed"), tuple(90, "b recovered"), tuple(200, "a cut off"), tuple(260, "a recovered"));
        // A cut-off instance fails its checks: the balancer marks it down.
        assertThat(first(moments, Kind.MARKED_DOWN, "a").time()).isBetween(200 + TIMEOUT, 200 + UNHEALTHY * INTERVAL + TIMEOUT);
    }

    @Test
    void outlierDetectionsEjectionAndReturnAreRecorded() {
        String gray = CLUSTER.replace("  algorithm: round-robin\n",
                "  algorithm: round-robin\n  outlierDetection: {consecutive5xx: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 50}\n")
                + "events:\n  - {at: 100s, action: black-hole, server: b}\n";
        List<Moment> moments = run(YamlScenarios.parse(gray), new Clicks());
        Moment ejected = first(moments, Kind.EJECTED, "b");
        assertThat(ejected.time()).as("five errors in a row, at about 10 requests/s to b").isBetween(100.0, 105.0);
        assertThat(first(moments, Kind.RETURNED, "b").time()).isCloseTo(ejected.time() + 30, within(1e-9));
    }

    @Test
    void theAutoscalersInstancesAreRecordedAsTheyAreAddedAndRemoved() {
        String scaling = CLUSTER.replace("rate: 20/s", "rate: 180/s")
                + """
                autoscaling: {template: a, metric: utilization, target: 0.5, min: 2, max: 6, cooldown: 30s, evaluationPeriod: 10s}
                events:
                  - {at: 250s, action: set-rate, client: users, rate: 5/s}
                """;
        Scenario scenario = YamlScenarios.parse(scaling.replace("duration: 400s", "duration: 600s"));
        List<Moment> moments = run(scenario, new Clicks());
        assertThat(moments).filteredOn(m -> m.kind() == Kind.ADDED).isNotEmpty()
                .allSatisfy(m -> assertThat(m.subject()).startsWith("a-as-"));
        assertThat(moments).filteredOn(m -> m.kind() == Kind.REMOVED).isNotEmpty();
    }

    @Test
    void theLogKeepsItsFirstMomentsAndCountsTheRestAndAViewDoesNotChangeAfterwards() {
        Simulation simulation = new Simulation();
        MomentLog log = new MomentLog(simulation, 20);
        for (int i = 0; i < 7; i++) log.record(Kind.MARKED_DOWN, "s" + i);
        List<Moment> early = log.upToNow();
        for (int i = 7; i < 50; i++) log.record(Kind.MARKED_UP, "s" + i);
        assertThat(early).hasSize(7).extracting(Moment::subject).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(log.upToNow()).hasSize(20).extracting(Moment::subject).endsWith("s19");
        assertThat(log.dropped()).isEqualTo(30);
    }

    @Test
    void aFlappingHealthCheckInALongRunStaysWithinTheLogsBound() {
        // Both instances crash for 10 s every 20 s or so, over and over, for a day: some 30,000 moments.
        String flapping = CLUSTER.replace("duration: 400s", "duration: 24h").replace("rate: 20/s", "rate: 1/s")
                .replace("securityGroup: web-sg}", "securityGroup: web-sg, failures: [{mtbf: 10s, mttr: 10s}]}");
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(YamlScenarios.parse(flapping), Algorithms.standard(), simulation);
        cluster.start();
        simulation.runUntil(24 * 3600);
        assertThat(cluster.snapshot(false).moments()).hasSize(MomentLog.CAPACITY);
        assertThat(cluster.momentsDropped()).isPositive();
        assertThat(cluster.results(new EngineStats(0, 0, 0)).moments()).hasSize(MomentLog.CAPACITY);
    }

    private static org.assertj.core.groups.Tuple tuple(double time, String label) {
        return org.assertj.core.groups.Tuple.tuple(time, label);
    }

    /** The moments that actions cause directly, leaving out the balancer's verdicts. */
    private static List<Moment> scripted(List<Moment> moments) {
        return moments.stream().filter(m -> switch (m.kind()) {
            case MARKED_DOWN, MARKED_UP, EJECTED, RETURNED -> false;
            default -> true;
        }).toList();
    }

    private static Moment first(List<Moment> moments, Kind kind, String subject) {
        return moments.stream().filter(m -> m.kind() == kind && m.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + subject + " in " + moments));
    }

    /** Runs the scenario to its end, clicking on the way; the moments its results carry. */
    private static List<Moment> run(Scenario scenario, Clicks clicks) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        clicks.apply(cluster, simulation);
        simulation.runUntil(scenario.duration());
        List<Moment> moments = cluster.results(new EngineStats(0, 0, 0)).moments();
        assertThat(cluster.snapshot(false).moments()).as("the window sees what the results carry").isEqualTo(moments);
        return moments;
    }

    /** Calls on the control interface at given simulated times, as a teacher clicks in the window. */
    private static final class Clicks {
        private final java.util.TreeMap<Double, Consumer<ClusterControl>> byTime = new java.util.TreeMap<>();

        Clicks at(double time, Consumer<ClusterControl> action) {
            byTime.put(time, action);
            return this;
        }

        void apply(Cluster cluster, Simulation simulation) {
            byTime.forEach((time, action) -> {
                simulation.runUntil(time);
                action.accept(cluster);
            });
        }
    }
}
