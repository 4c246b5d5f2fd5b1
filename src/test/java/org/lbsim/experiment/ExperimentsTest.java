package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.report.JsonReport;
import org.lbsim.support.TestScenarios;

class ExperimentsTest {

    private static Scenario twoServers(double rate, double duration, double warmup) {
        return TestScenarios.scenario().duration(duration, warmup).poissonClient("users", rate, 1.0)
                .server("s1", 1, 50).server("s2", 1, 50).build();
    }

    private static Experiments experiments(int threads) {
        return new Experiments(Algorithms.standard(), threads, Progress.NONE);
    }

    @Test
    void resultsAreIdenticalWithOneThreadOrSeveral() throws Exception {
        Scenario scenario = twoServers(1.6, 300, 30);
        List<String> algorithms = List.of("round-robin", "random", "least-connections");
        String one = JsonReport.toJson(experiments(1).compare(scenario, algorithms, 4));
        String several = JsonReport.toJson(experiments(3).compare(scenario, algorithms, 4));
        assertThat(withoutEngine(several)).isEqualTo(withoutEngine(one));
    }

    @Test
    void replicationIZeroIsThePlainRun() {
        Scenario scenario = twoServers(1.0, 200, 20);
        Replicated result = experiments(2).replicate(scenario, 3);
        assertThat(result.replications()).isEqualTo(3);
        assertThat(result.runs().get(0).requests()).isEqualTo(new Runner(Algorithms.standard()).run(scenario).requests());
        assertThat(result.runs().stream().map(run -> run.seed()).distinct()).hasSize(3);
        assertThat(result.summary().keySet()).containsExactlyElementsOf(Metric.names());
    }

    @Test
    void precisionAddsReplicationsUntilTheHalfWidthIsSmallEnough() {
        Metric latency = Metric.find("latency.mean").orElseThrow();
        Replicated result = experiments(2).replicate(twoServers(1.0, 300, 30), 3, new Precision(latency, 0.05, 60));
        assertThat(result.estimate(latency).relativeHalfWidth()).isLessThanOrEqualTo(0.05);
        assertThat(result.replications()).isBetween(4, 60);
        assertThat(result.warnings()).noneMatch(w -> w.startsWith("precision"));

        Replicated capped = experiments(2).replicate(twoServers(1.0, 300, 30), 3, new Precision(latency, 0.001, 5));
        assertThat(capped.replications()).isEqualTo(5);
        assertThat(capped.warnings()).anyMatch(w -> w.startsWith("precision not reached"));
    }

    @Test
    void sweepRunsEveryPointWithEveryAlgorithm() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("clients.users.arrivals.rate", List.of("0.5/s", "1/s", "1.5/s"));
        values.put("servers.s1.workers", List.of("1", "2"));
        List<Map<String, String>> sets = Experiments.cartesian(values);
        assertThat(sets).hasSize(6);
        assertThat(sets.get(0)).containsExactly(Map.entry("clients.users.arrivals.rate", "0.5/s"),
                Map.entry("servers.s1.workers", "1"));
        assertThat(sets.get(1)).containsEntry("servers.s1.workers", "2");

        List<Experiments.Point> points = List.of(
                new Experiments.Point(Map.of("rate", "0.5"), twoServers(0.5, 200, 20)),
                new Experiments.Point(Map.of("rate", "1.5"), twoServers(1.5, 200, 20)));
        List<Replicated> results = experiments(2).sweep(points, List.of("round-robin", "least-connections"), 2);
        assertThat(results).extracting(Replicated::algorithm)
                .containsExactly("round-robin", "least-connections", "round-robin", "least-connections");
        assertThat(results.get(3).set()).containsEntry("rate", "1.5");
        Metric latency = Metric.find("latency.mean").orElseThrow();
        assertThat(results.get(2).estimate(latency).mean()).isGreaterThan(results.get(0).estimate(latency).mean());
    }

    @Test
    void warnsWhenTheWarmupIsShorterThanTheTransient() {
        // At a quarter of its speed for 200 s the server piles up 50 s of work, drained near 300 s.
        FailureSpec slow = new FailureSpec.Scheduled(FailureKind.SLOWDOWN, 0.25, true, 0, 200);
        Scenario noWarmup = TestScenarios.scenario().duration(2000, 0).poissonClient("users", 0.5, 1.0)
                .server("s1", 1, ServerSpec.UNLIMITED_QUEUE, List.of(slow)).build();
        Replicated result = experiments(2).replicate(noWarmup, 5);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("warm-up too short"));

        Replicated light = experiments(2).replicate(twoServers(0.5, 2000, 200), 5);
        assertThat(light.warnings()).isEmpty();
    }

    private static JsonNode withoutEngine(String json) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);
        tree.findParents("engine").forEach(parent -> ((ObjectNode) parent).remove("engine"));
        return tree;
    }
}
