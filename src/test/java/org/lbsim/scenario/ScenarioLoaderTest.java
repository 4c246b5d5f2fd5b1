package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;

class ScenarioLoaderTest {

    @Test
    void fullScenario_bindsEveryPartToTheExpectedRecords() throws ScenarioException {
        Scenario s = Fixtures.load("good/full.yaml");

        assertThat(s.name()).isEqualTo("Two instances behind a load balancer");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.duration()).isEqualTo(600);
        assertThat(s.warmup()).isEqualTo(60);
        assertThat(s.maxRequestsInSystem()).isEqualTo(Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM);

        List<Cidr> anywhere = List.of(Cidr.ANY_IPV4);
        assertThat(s.clients()).containsExactly(
                new ClientSpec("users", new ArrivalSpec.Poisson(150), new DistributionSpec.Exponential(0.02),
                        Protocol.TCP, 80, anywhere, "balancer", 5),
                new ClientSpec("prober", new ArrivalSpec.Constant(1), new DistributionSpec.Lognormal(0.4, 2),
                        Protocol.TCP, 80, anywhere, "web-1", Double.POSITIVE_INFINITY));

        assertThat(s.securityGroups()).containsExactly(
                new SecurityGroupSpec("lb-sg", List.of(
                        new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.ANY_IPV4)))),
                new SecurityGroupSpec("web-sg", List.of(
                        new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromGroup("lb-sg")),
                        new RuleSpec(Protocol.TCP, 1024, 65535, new RuleSpec.FromCidr(Cidr.parse("10.0.0.5/32"))),
                        new RuleSpec(Protocol.ICMP, 0, 65535, new RuleSpec.FromCidr(Cidr.parse("10.0.0.0/8"))))));

        assertThat(s.balancer()).isEqualTo(new BalancerSpec("lb-sg", List.of(80), "least-connections", Map.of(),
                new HealthCheckSpec(80, 10, 5, 3, HealthCheckSpec.DEFAULT_UNHEALTHY_THRESHOLD)));

        assertThat(s.servers()).containsExactly(
                new ServerSpec("web-1", "web-sg", 2, 100, 1.0, 1, List.of(
                        new FailureSpec.Scheduled(300, 60), new FailureSpec.Random(7200, 300))),
                new ServerSpec("app-1", "web-sg", 1, ServerSpec.UNLIMITED_QUEUE, 1.0, 1, List.of()),
                new ServerSpec("app-2", "web-sg", 1, ServerSpec.UNLIMITED_QUEUE, 1.0, 1, List.of()));

        assertThat(s.events()).containsExactly(
                new EventSpec.Fail(180, "app-2"),
                new EventSpec.Recover(240, "app-2"),
                new EventSpec.SetRate(360, "users", 300),
                new EventSpec.SetAlgorithm(420, "random"));
    }

    @Test
    void minimalScenario_getsTheDocumentedDefaults() throws ScenarioException {
        Scenario s = Fixtures.load("good/minimal.yaml");

        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.warmup()).isZero();
        assertThat(s.securityGroups()).isEmpty();
        assertThat(s.events()).isEmpty();
        assertThat(s.clients().get(0)).isEqualTo(new ClientSpec("users", new ArrivalSpec.Poisson(10),
                new DistributionSpec.Constant(0.01), Protocol.TCP, 80, List.of(Cidr.ANY_IPV4), "balancer",
                Double.POSITIVE_INFINITY));
        assertThat(s.balancer()).isEqualTo(new BalancerSpec(null, List.of(80), "round-robin", Map.of(),
                new HealthCheckSpec(80, 30, 5, 5, 2)));
        assertThat(s.servers()).containsExactly(
                new ServerSpec("web", null, 1, ServerSpec.UNLIMITED_QUEUE, 1.0, 1, List.of()));
    }

    @Test
    void everyDistribution_bindsWithItsOwnKeys() throws ScenarioException {
        String[][] cases = {
                {"{distribution: uniform, min: 10ms, max: 30ms}", "Uniform[min=0.01, max=0.03]"},
                {"{distribution: erlang, k: 3, mean: 1}", "Erlang[k=3, mean=1.0]"},
                {"{distribution: hyperexponential, mean: 2s, cv: 3}", "Hyperexponential[mean=2.0, cv=3.0]"},
                {"{distribution: pareto, mean: 1s, alpha: 2.5}", "Pareto[mean=1.0, alpha=2.5]"},
                {"{distribution: weibull, shape: 1.5, scale: 100ms}", "Weibull[shape=1.5, scale=0.1]"},
        };
        for (String[] c : cases) {
            Scenario s = Fixtures.load("good/minimal.yaml", "clients.users.service=" + c[0]);
            assertThat(s.clients().get(0).service()).hasToString(c[1]);
        }
    }

    @Test
    void algorithmParameters_areKeptAsTextWhenTheAlgorithmDeclaresThem() throws ScenarioException {
        ScenarioLoader loader = new ScenarioLoader(Map.of("power-of-d", Set.of("choices"), "round-robin", Set.of()));
        Scenario s = loader.parse("duration: 1min\nclients: [{name: c, arrivals: {process: poisson, rate: 1/s},"
                + " service: {distribution: exponential, mean: 1s}}]\nservers: [{name: a}]\n"
                + "balancer: {algorithm: power-of-d, choices: 3}\n", "inline.yaml", List.of());
        assertThat(s.balancer().algorithmParameters()).isEqualTo(Map.of("choices", "3"));
    }

    @Test
    void missingFile_isOneProblemNamingThePath() {
        assertThatThrownBy(() -> Fixtures.load("no-such.yaml"))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.where()).endsWith("no-such.yaml");
                            assertThat(p.message()).isEqualTo("file not found");
                        }));
    }

    @Test
    void severalMistakes_areAllReportedTogether() {
        String text = "duration: 1min\nseed: x\nclients: [{name: c, arrivals: {process: poisson, rate: -1/s},"
                + " service: {distribution: exponential, mean: 1s}}]\nservers: [{name: a, workers: 0}]\n";
        assertThatThrownBy(() -> Fixtures.LOADER.parse(text, "many.yaml", List.of()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioException.Problem::where)
                        .containsExactlyInAnyOrder("many.yaml:2:7", "many.yaml:3:56", "many.yaml:4:30"));
    }

    @Test
    void workloadKeys_bindToSchedulesMmppClosedUsersMixesAndStickiness() throws ScenarioException {
        Scenario s = Fixtures.load("good/workloads.yaml");
        var clients = s.clients();
        assertThat(clients.get(0).arrivals()).isEqualTo(new ArrivalSpec.Poisson(new RateSchedule.Piecewise(List.of(
                new RateSchedule.Point(0, 100), new RateSchedule.Point(600, 400)), RateSchedule.Interpolation.STEP)));
        assertThat(clients.get(1).arrivals()).isEqualTo(new ArrivalSpec.Poisson(new RateSchedule.Piecewise(List.of(
                new RateSchedule.Point(0, 0), new RateSchedule.Point(1800, 100)), RateSchedule.Interpolation.LINEAR)));
        assertThat(clients.get(2).arrivals()).isEqualTo(new ArrivalSpec.Poisson(new RateSchedule.Cycle(50, 400, 14 * 3600, 86400)));
        assertThat(clients.get(3).arrivals()).isEqualTo(new ArrivalSpec.Mmpp(List.of(
                new ArrivalSpec.MmppState(50, 30), new ArrivalSpec.MmppState(500, 5))));
        assertThat(clients.get(4).arrivals()).isEqualTo(new ArrivalSpec.Closed(50, new DistributionSpec.Exponential(2)));
        assertThat(clients.get(4).service()).isNull();
        assertThat(clients.get(4).mix()).containsExactly(
                new RequestClassSpec("page", 0.9, new DistributionSpec.Exponential(0.02)),
                new RequestClassSpec("report", 0.1, new DistributionSpec.Lognormal(0.4, 2)));
        assertThat(clients.get(4).meanService()).isCloseTo(0.9 * 0.02 + 0.1 * 0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.balancer().policies().stickiness()).isEqualTo(new BalancerPolicies.StickinessSpec(3600));
        // The long-run rates that capacity warnings use: the last step, the ramp's end, the cycle's middle, the MMPP's mix.
        assertThat(((ArrivalSpec.Open) clients.get(0).arrivals()).rate()).isEqualTo(400);
        assertThat(((ArrivalSpec.Open) clients.get(2).arrivals()).rate()).isEqualTo(225);
        assertThat(((ArrivalSpec.Open) clients.get(3).arrivals()).rate()).isCloseTo((50 * 30 + 500 * 5) / 35.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void traceKeys_bindWithTheFileRelativeToTheScenariosFolder() throws ScenarioException {
        Scenario s = Fixtures.load("good/trace.yaml");
        var trace = (ArrivalSpec.Trace) s.clients().get(0).arrivals();
        assertThat(trace.file().toAbsolutePath()).isEqualTo(Fixtures.scenario("good/data/tiny.csv").toAbsolutePath());
        assertThat(trace.format()).isEqualTo(org.lbsim.trace.TraceFormat.CSV); // from the file name
        assertThat(trace.speedup()).isEqualTo(60);
        assertThat(trace.strict()).isTrue();
        assertThat(trace.reorderWindow()).isEqualTo(5);
        assertThat(trace.serviceFromBytes()).isEqualTo(new ArrivalSpec.BytesService(0.002, 0.0001));
        assertThat(trace.serviceFromBytes().work(10_000)).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.clients().get(0).service()).isNull(); // a trace may log its own times
    }

    /** A device reports a size of 0 and never ends: the reader stops one byte past the limit. */
    @Test
    void anEndlessDevice_isReadOnlyUpToTheLimit() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        assertThatThrownBy(() -> Fixtures.LOADER.load(Path.of("/dev/zero"), List.of()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.where()).isEqualTo("/dev/zero");
                            assertThat(p.message()).isEqualTo("found more than 1,048,576 bytes, expected a scenario "
                                    + "file of at most 1 MiB (1,048,576 bytes)");
                        }));
    }

    @Test
    void aFileOverTheLimit_isRefusedWithoutReadingItAll(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[YamlTree.MAX_BYTES + 100]);
        assertThatThrownBy(() -> Fixtures.LOADER.load(file, List.of()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("found more than 1,048,576 bytes")));
    }

    @Test
    void aFolder_isRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> Fixtures.LOADER.load(dir, List.of()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo(dir + ": found a folder, expected a scenario file")));
    }

    /** A trace is read anew by every run, and a device may never end: only a regular file is replayed. */
    @Test
    void aTraceThatIsADevice_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        String text = """
                duration: 1min
                clients:
                  - name: replay
                    arrivals: {process: trace, file: /dev/zero, format: csv}
                servers: [{name: web}]
                """;
        assertThatThrownBy(() -> Fixtures.LOADER.parse(text, "device.yaml", List.of(), dir))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.where()).isEqualTo("device.yaml:4:38");
                            assertThat(p.message()).contains("found '/dev/zero' (it is not a regular file but a device "
                                    + "or a pipe), expected a readable trace file");
                        }));
    }

    /** The reference says base and perKB are each 0 or more; both 0 is work 0, like a logged 0.000. */
    @Test
    void serviceFromBytesOfZero_isAccepted_asTheReferenceSays() throws ScenarioException {
        Scenario s = Fixtures.load("good/trace.yaml", "clients.0.arrivals.serviceFromBytes={base: 0s, perKB: 0s}");
        var trace = (ArrivalSpec.Trace) s.clients().get(0).arrivals();
        assertThat(trace.serviceFromBytes()).isEqualTo(new ArrivalSpec.BytesService(0, 0));
        assertThat(trace.serviceFromBytes().work(10_000)).isZero();
    }

    /** A file of a megabyte can hold tens of thousands of mistakes; the first hundred are shown, the rest counted. */
    @Test
    void thousandsOfMistakes_showTheFirstHundredAndCountTheRest() {
        StringBuilder text = new StringBuilder("duration: 1min\nclients:\n");
        for (int i = 0; i < 5000; i++) {
            text.append("  - {name: c").append(i).append(", arrivals: {process: poisson, rate: 1/s}, "
                    + "service: {distribution: exponential, mean: 1s}, target: nowhere}\n");
        }
        text.append("servers: [{name: web}]\n");
        assertThatThrownBy(() -> Fixtures.LOADER.parse(text.toString(), "many.yaml", List.of()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.problems()).hasSize(Problems.MAX_KEPT + 1);
                    assertThat(e.problems().get(Problems.MAX_KEPT).toString())
                            .isEqualTo("many.yaml: found 4,900 more problems, not shown; fix the 100 above first");
                });
    }
}
