package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.ClassResult;
import org.lbsim.metrics.RunResult;

/** A client's mix: classes in the proportions of their weights, each with its own service and latency. */
class RequestMixTest {

    private static ClientSpec mixed(String name, double rate, List<RequestClassSpec> mix) {
        return new ClientSpec(name, new ArrivalSpec.Poisson(rate), null, mix, Protocol.TCP, 80,
                List.of(Cidr.parse("0.0.0.0/0")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
    }

    @Test
    void classesComeInTheirWeightsAndReportTheirOwnLatency() {
        // Many workers and little load: nobody waits, so each class's latency is its service time.
        var page = new RequestClassSpec("page", 0.9, new DistributionSpec.Constant(0.010));
        var report = new RequestClassSpec("report", 0.1, new DistributionSpec.Constant(0.400));
        var scenario = scenario().duration(1000, 0)
                .client(mixed("users", 20, List.of(page, report)))
                .server("a", 100, ServerSpec.UNLIMITED_QUEUE)
                .build();
        RunResult result = new Runner(Algorithms.standard()).run(scenario);
        List<ClassResult> classes = result.workload().classes();
        assertThat(classes).extracting(ClassResult::name).containsExactly("page", "report");
        long total = classes.get(0).completed() + classes.get(1).completed();
        assertThat(total).isEqualTo(result.requests().completed());
        // Binomial: the report share's standard deviation is sqrt(0.09 / n) ≈ 0.0015 for n = 20,000.
        assertThat((double) classes.get(1).completed() / total).isCloseTo(0.1, offset(4 * Math.sqrt(0.09 / total)));
        assertThat(classes.get(0).latency().mean()).isCloseTo(0.010, offset(1e-4));
        assertThat(classes.get(1).latency().p99()).isCloseTo(0.400, offset(4e-3)); // HdrHistogram's 3 digits
        double overall = result.latency().mean();
        double weighted = (classes.get(0).completed() * classes.get(0).latency().mean()
                + classes.get(1).completed() * classes.get(1).latency().mean()) / total;
        assertThat(overall).isCloseTo(weighted, offset(1e-3));
    }

    @Test
    void twoClientsNamingAClassAlikeShareIt() {
        var cheap = new DistributionSpec.Exponential(0.01);
        var scenario = scenario().duration(200, 0)
                .client(mixed("web", 10, List.of(new RequestClassSpec("page", 1, cheap), new RequestClassSpec("api", 1, cheap))))
                .client(mixed("mobile", 10, List.of(new RequestClassSpec("api", 1, cheap))))
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE)
                .build();
        RunResult result = new Runner(Algorithms.standard()).run(scenario);
        assertThat(result.workload().classes()).extracting(ClassResult::name).containsExactly("page", "api");
        // api gets web's half and all of mobile's: about three times page's count.
        long page = result.workload().classes().get(0).completed();
        long api = result.workload().classes().get(1).completed();
        assertThat((double) api / page).isBetween(2.6, 3.4);
    }

    @Test
    void aClientWithoutAMixAddsNoClasses() {
        var scenario = scenario().duration(100, 0).poissonClient("users", 10, 0.01)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE).build();
        assertThat(new Runner(Algorithms.standard()).run(scenario).workload().classes()).isEmpty();
    }

    @Test
    void replicationsEstimateEachClassLikeAnyMetric() {
        var page = new RequestClassSpec("page", 0.9, new DistributionSpec.Exponential(0.010));
        var report = new RequestClassSpec("report", 0.1, new DistributionSpec.Exponential(0.200));
        var scenario = scenario().duration(300, 30)
                .client(mixed("users", 20, List.of(page, report)))
                .server("a", 2, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Runner runner = new Runner(Algorithms.standard());
        List<RunResult> runs = List.of(runner.run(scenario.withSeed(1)), runner.run(scenario.withSeed(2)),
                runner.run(scenario.withSeed(3)));
        var replicated = org.lbsim.metrics.Replicated.of("round-robin", java.util.Map.of(), runs, List.of());
        assertThat(replicated.summary()).containsKeys("classes.page.latency.mean", "classes.page.latency.p99",
                "classes.report.latency.mean", "classes.report.latency.p99").doesNotContainKey("sessions.broken");
        double mean = runs.stream().mapToDouble(r -> r.workload().classes().get(1).latency().mean()).average().orElseThrow();
        assertThat(replicated.summary().get("classes.report.latency.mean").mean()).isCloseTo(mean, offset(1e-12));
    }
}
