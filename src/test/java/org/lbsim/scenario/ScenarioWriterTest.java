package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.AlgorithmRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ScenarioWriter} writes YAML that loads back to an equal scenario, for every shipped
 * scenario and for scenarios built in code with what no shipped file holds; what it writes is
 * valid against the schema and written the same way twice.
 */
class ScenarioWriterTest {

    private static final ScenarioLoader LOADER = AlgorithmRules.loader(Algorithms.standard());
    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchemaTest.generated(), InputFormat.JSON);

    static Stream<Path> shippedScenarios() throws Exception {
        return ScenarioSchemaTest.shippedScenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void shippedScenario_roundTrips(Path file) throws Exception {
        assertRoundTrip(LOADER.load(file, List.of()));
    }

    @Test
    void scenarioBuiltInCode_withWhatNoShippedFileHolds_roundTrips() throws Exception {
        assertRoundTrip(everything());
    }

    @Test
    void scenarioOfDefaults_isWrittenShort() throws Exception {
        Scenario defaults = LOADER.parse("""
                duration: 10min
                clients: [{name: users, arrivals: {process: poisson, rate: 150/s}, service: {distribution: exponential, mean: 20ms}}]
                servers: [{name: web-1}]
                """, "defaults.yaml", List.of());
        String yaml = assertRoundTrip(defaults);
        assertThat(yaml).contains("duration: 10min", "rate: 150/s", "mean: 20ms", "algorithm: round-robin")
                .doesNotContain("healthCheck", "workers", "seed", "port", "warmup", "retries");
    }

    @ParameterizedTest
    @ValueSource(doubles = {600, 0.25, 0.02, 1e-6, 86400, 1.5, 0.1 + 0.2, 3600.000001, 31536000})
    void duration_isWrittenInAUnitThatReadsBackExactly(double seconds) {
        String text = ScenarioWriter.duration(seconds);
        assertThat(Durations.parseSigned(text)).as(text).isEqualTo(seconds);
        assertThat(text).doesNotContain("E");
    }

    /**
     * A lesson's times are whatever the simulated clock read when a teacher clicked: every
     * double, of any magnitude a run reaches, comes back as the same double, or a replay would
     * act a hair earlier or later than the class saw.
     */
    @Test
    void arbitraryTimesAndRates_readBackAsTheSameDoubles() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261203);
        for (int i = 0; i < 100_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-9, 8));
            String duration = ScenarioWriter.duration(value);
            assertThat(Durations.parseSigned(duration)).as(duration).isEqualTo(value);
            String rate = ScenarioWriter.rate(value);
            if (value > 0) assertThat(Rates.parseSigned(rate)).as(rate).isEqualTo(value);
        }
        assertThat(ScenarioWriter.duration(12.3456789)).isEqualTo("12.3456789s");
        assertThat(ScenarioWriter.duration(Math.nextUp(600.0))).isEqualTo("600.0000000000001s");
        assertThat(ScenarioWriter.duration(0)).isEqualTo("0s");
    }

    @Test
    void duration_takesTheLargestExactUnit() {
        assertThat(ScenarioWriter.duration(600)).isEqualTo("10min");
        assertThat(ScenarioWriter.duration(0.25)).isEqualTo("250ms");
        assertThat(ScenarioWriter.duration(86400)).isEqualTo("1d");
        assertThat(ScenarioWriter.duration(90)).isEqualTo("90s");
        assertThat(ScenarioWriter.duration(150.8)).isEqualTo("150.8s");
        assertThat(ScenarioWriter.rate(1.0 / 3)).isEqualTo("0.3333333333333333/s");
    }

    @Test
    void theSchemaLine_comesFirstWhenAsked() {
        String yaml = ScenarioWriter.write(everything(), HERE, "../docs/scenario.schema.json");
        assertThat(yaml).startsWith("# yaml-language-server: $schema=../docs/scenario.schema.json\n");
    }

    private static String assertRoundTrip(Scenario scenario) throws Exception {
        String yaml = ScenarioWriter.write(scenario, HERE, null);
        Scenario read = LOADER.parse(yaml, "written.yaml", List.of(), HERE);
        assertThat(read).as("read back from:%n%s", yaml).isEqualTo(scenario);
        assertThat(ScenarioWriter.write(read, HERE, null)).isEqualTo(yaml);
        assertThat(SCHEMA.validate(new YAMLMapper().readTree(yaml))).as("schema errors in:%n%s", yaml).isEmpty();
        return yaml;
    }

    /** A scenario of every kind of value, with names YAML would misread unquoted. */
    private static Scenario everything() {
        Cidr any6 = Cidr.parse("::/0");
        ClientSpec shoppers = new ClientSpec("shoppers: night", new ArrivalSpec.Closed(40,
                new DistributionSpec.Weibull(1.5, 2)), new DistributionSpec.Pareto(0.05, 2.5), List.of(), Protocol.UDP, 8080,
                List.of(any6, Cidr.parse("10.0.0.0/8")), "yes", 2.5);
        ClientSpec mixed = new ClientSpec("123", new ArrivalSpec.Poisson(new RateSchedule.Piecewise(List.of(
                new RateSchedule.Point(0, 0), new RateSchedule.Point(60, 12.5), new RateSchedule.Point(61.5, 1.0 / 3)),
                RateSchedule.Interpolation.LINEAR)), null, List.of(
                new RequestClassSpec("#page", 0.9, new DistributionSpec.Uniform(0, 0.3)),
                new RequestClassSpec("report", 0.1, new DistributionSpec.Hyperexponential(0.4, 3))), Protocol.TCP, 80,
                List.of(Cidr.ANY_IPV4), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        ClientSpec daily = new ClientSpec("daily", new ArrivalSpec.Poisson(new RateSchedule.Cycle(0, 40, 3600 * 14.5, 7200)),
                new DistributionSpec.Erlang(3, 0.01), List.of(), Protocol.TCP, 80, List.of(Cidr.ANY_IPV4),
                ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        ClientSpec bursty = new ClientSpec("bursty", new ArrivalSpec.Mmpp(List.of(new ArrivalSpec.MmppState(0, 30),
                new ArrivalSpec.MmppState(500, 0.5))), new DistributionSpec.Lognormal(0.02, 0.001), List.of(), Protocol.TCP,
                80, List.of(Cidr.ANY_IPV4), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        ClientSpec steady = new ClientSpec("steady", new ArrivalSpec.Constant(7), new DistributionSpec.Constant(1e-6),
                List.of(), Protocol.TCP, 80, List.of(Cidr.ANY_IPV4), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        SecurityGroupSpec lb = new SecurityGroupSpec("lb-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80,
                new RuleSpec.FromCidr(Cidr.ANY_IPV4)), new RuleSpec(Protocol.ALL, 0, 65535, new RuleSpec.FromCidr(any6))));
        SecurityGroupSpec web = new SecurityGroupSpec("web-sg", List.of(new RuleSpec(Protocol.UDP, 1024, 65535,
                new RuleSpec.FromGroup("lb-sg"))));
        NetworkAclSpec acl = new NetworkAclSpec("public", List.of("balancer", "yes"),
                List.of(new AclRuleSpec(100, true, Protocol.TCP, 80, 80, Cidr.ANY_IPV4),
                        new AclRuleSpec(200, false, Protocol.ICMP, 0, 65535, any6)),
                List.of(new AclRuleSpec(100, true, Protocol.TCP, 1024, 65535, Cidr.ANY_IPV4)));
        BalancerPolicies policies = new BalancerPolicies(2, 50, 0,
                new BalancerPolicies.OutlierDetectionSpec(3, 5, 60, 50), 0, 30, 2.5, 2,
                new BalancerPolicies.MaxFailsSpec(4, 20), new BalancerPolicies.StickinessSpec(3600));
        BalancerSpec balancer = new BalancerSpec("lb-sg", List.of(443, 80), "power-of-d", Map.of("choices", "3"),
                new HealthCheckSpec(8080, 10, 2, 3, 4, true, 0.005), policies);
        ServerSpec one = new ServerSpec("yes", "web-sg", 4, 0, 2.5, 0, List.of(
                new FailureSpec.Scheduled(FailureKind.SLOWDOWN, 0.25, false, 0, 60),
                new FailureSpec.Scheduled(FailureKind.BLACK_HOLE, 1, false, 120, 30),
                new FailureSpec.Random(FailureKind.UNREACHABLE, 1, false, 7200, 300, 2)), 0.0416, 90);
        ServerSpec two = new ServerSpec("web-2", null, 1, ServerSpec.UNLIMITED_QUEUE, 1, 256, List.of(
                new FailureSpec.Scheduled(FailureKind.BLACK_HOLE, 1, true, 30, 30),
                new FailureSpec.Random(FailureKind.CRASH, 1, false, 3600, 60, Double.NaN)), 0, 0);
        List<EventSpec> events = List.of(new EventSpec.Fail(10, "yes"), new EventSpec.Recover(20, "yes"),
                new EventSpec.SetRate(30, "daily", 99.5), new EventSpec.SetAlgorithm(40, "consistent-hash"),
                new EventSpec.Slow(50, "web-2", 0.5), new EventSpec.BlackHole(60, "web-2"),
                new EventSpec.CutOff(65, "web-2"),
                new EventSpec.AddServer(70, "web-3", "web-2"), new EventSpec.RemoveServer(80, "web-3"),
                new EventSpec.SetWeight(90, "web-2", 0), new EventSpec.SetSecurityRule(100, "web-sg", List.of()),
                new EventSpec.SetSecurityRule(110, "lb-sg", List.of(new RuleSpec(Protocol.ICMP, 0, 65535,
                        new RuleSpec.FromCidr(Cidr.parse("192.168.0.0/16"))))));
        AutoscalingSpec autoscaling = new AutoscalingSpec("web-2", AutoscalingSpec.Metric.REQUESTS_PER_TARGET, 40, 0, 5,
                0, 15, 120);
        return new Scenario("Everything: \"quoted\" # not a comment", -7, 1800, 0.5, 1_000, List.of(shoppers, mixed, daily,
                bursty, steady), List.of(lb, web), List.of(acl), balancer, List.of(one, two), events, autoscaling);
    }
}
