package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.AlgorithmRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped JSON Schema of scenario files is what {@code lbsim schema} generates, and it holds
 * with the loader: every shipped scenario validates against it with a standard validator, and
 * scenarios the loader refuses, the schema refuses too, wherever a schema can say why.
 */
class ScenarioSchemaTest {

    static final Path SHIPPED = Path.of("docs/scenario.schema.json");
    private static final boolean UPDATE = Boolean.getBoolean("lbsim.updateGolden");
    private static final ScenarioLoader LOADER = AlgorithmRules.loader(Algorithms.standard());
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(generated(), InputFormat.JSON);

    static String generated() {
        return ScenarioSchema.text(AlgorithmRules.rules(Algorithms.standard()));
    }

    @Test
    void shippedSchema_isWhatTheRulesGenerate() throws IOException {
        if (UPDATE) Files.writeString(SHIPPED, generated());
        assertThat(Files.readString(SHIPPED))
                .as("%s differs from what the loader's rules generate: rewrite it with "
                        + "mvn -o -B test -Dtest=ScenarioSchemaTest -Dlbsim.updateGolden=true (or ./lbsim schema -o %s)",
                        SHIPPED, SHIPPED)
                .isEqualTo(generated());
    }

    @Test
    void schema_isDeterministicAndEndsWithANewline() {
        assertThat(generated()).isEqualTo(generated()).endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(SCHEMA.getSchemaNode().get("$schema").asText()).isEqualTo(ScenarioSchema.DIALECT);
    }

    @Test
    void schema_isAValidDraft202012Schema() throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(com.networknt.schema.SchemaLocation.of(ScenarioSchema.DIALECT));
        assertThat(metaSchema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(generated()))).isEmpty();
        assertThat(metaSchema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"type\": 5}")))
                .as("the meta-schema refuses a schema whose type is a number").isNotEmpty();
    }

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void shippedScenario_validatesAgainstTheSchema(Path file) throws Exception {
        assertThat(errors(Files.readString(file))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void shippedScenario_namesTheSchemaOnItsFirstLine(Path file) throws Exception {
        Path schema = file.getParent().relativize(SHIPPED);
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("# yaml-language-server: $schema=" + schema.toString().replace('\\', '/'));
    }

    /** Test files of {@code BadScenariosTest} whose mistake a schema can see: the loader refuses each too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown-key.yaml", "misspelt-key.yaml", "missing-duration.yaml", "bad-duration.yaml",
            "negative-rate.yaml", "unknown-distribution.yaml", "extra-distribution-key.yaml", "port-out-of-range.yaml",
            "negative-timeout.yaml", "slowdown-without-factor.yaml", "unknown-failure-kind.yaml", "factor-on-crash.yaml",
            "bad-outlier-detection.yaml", "acl-bad-action.yaml", "acl-number-out-of-range.yaml", "acl-outbound-from.yaml",
            "set-security-rule-without-inbound.yaml", "mmpp-one-state.yaml", "unknown-algorithm.yaml"})
    void badScenarioFile_isRefusedByTheLoaderAndTheSchema(String name) throws Exception {
        Path file = Fixtures.scenario("bad/" + name);
        assertThatThrownBy(() -> LOADER.load(file, List.of())).isInstanceOf(ScenarioException.class);
        assertThat(errors(Files.readString(file))).isNotEmpty();
    }

    private static final String VALID = """
            duration: 10min
            clients:
              - name: users
                arrivals: {process: poisson, rate: 150/s}
                service: {distribution: exponential, mean: 20ms}
            servers:
              - name: web-1
            """;

    @Test
    void theBaseOfTheBadCases_isValidForBoth() throws Exception {
        LOADER.parse(VALID, "valid.yaml", List.of());
        assertThat(errors(VALID)).isEmpty();
    }

    /** Each case changes one thing of {@link #VALID}: {@code [text to replace, replacement]}. */
    static Stream<String[]> mistakes() {
        return Stream.of(
                new String[] {"duration: 10min", "duration: 10min\ncolour: blue"},                     // unknown key
                new String[] {"duration: 10min", "duration: ten minutes"},                             // no unit
                new String[] {"duration: 10min", "duration: 10 minutes"},                              // unknown unit
                new String[] {"duration: 10min", "duration: 0s"},                                      // not positive
                new String[] {"duration: 10min", "duration: 31536001"},                                // more than a year
                new String[] {"duration: 10min", "duration: 10min\nwarmup: -1s"},                      // negative
                new String[] {"duration: 10min", "duration: 10min\nseed: many"},                       // wrong type
                new String[] {"duration: 10min", "duration: 10min\nmaxRequestsInSystem: 0"},           // below bound
                new String[] {"rate: 150/s", "rate: 150/sec"},                                         // unknown rate unit
                new String[] {"rate: 150/s", "rate: 0/s"},                                             // not positive
                new String[] {"rate: 150/s", "rate: 20000000"},                                        // above the bound
                new String[] {"process: poisson", "process: poison"},                                  // unknown process
                new String[] {"{process: poisson, rate: 150/s}", "{process: closed, users: 5, rate: 1/s, "
                        + "thinkTime: {distribution: constant, value: 1s}}"},                          // key of another process
                new String[] {"mean: 20ms", "mean: 20ms, k: 3"},                                       // key of another distribution
                new String[] {"{distribution: exponential, mean: 20ms}", "{distribution: lognormal, mean: 20ms, cv: 1000}"},
                new String[] {"{distribution: exponential, mean: 20ms}", "{distribution: hyperexponential, mean: 20ms, cv: 0.5}"},
                new String[] {"{distribution: exponential, mean: 20ms}", "{distribution: lognormal, mean: 20ms}"}, // missing cv
                new String[] {"- name: web-1", "- name: web-1\n    workers: 0"},                    // below bound
                new String[] {"- name: web-1", "- name: web-1\n    workers: two"},                  // wrong type
                new String[] {"- name: web-1", "- name: web-1\n    speed: 0"},
                new String[] {"- name: web-1", "- name: web-1\n    weight: 257"},
                new String[] {"- name: web-1", "- name: web-1\n    count: [2]"},                    // a list for a number
                new String[] {"- name: web-1", "- name: web-1\n    failures: [{at: 1min}]"},        // half a form
                new String[] {"- name: web-1", "- name: web-1\n    failures: [{at: 1min, for: 1min, mtbf: 1h}]"}, // two forms
                new String[] {"- name: web-1", "- name: web-1\n    failures: [{mtbf: 1h, mttr: 1min, shape: 2}]"}, // shape without weibull
                new String[] {"- name: web-1", "- name: web-1\n    failures: [{at: 1min, for: 1min, kind: crash, passesHealthChecks: true}]"},
                new String[] {"servers:", "balancer: {algorithm: least-connection}\nservers:"},        // unknown algorithm
                new String[] {"servers:", "balancer: {algorithm: round-robin, choices: 3}\nservers:"}, // another algorithm's parameter
                new String[] {"servers:", "balancer: {choices: 3}\nservers:"},                         // the default takes none
                new String[] {"servers:", "balancer: {algorithm: power-of-d, choices: 1}\nservers:"},  // parameter out of bounds
                new String[] {"servers:", "balancer: {algorithm: peak-ewma, decay: 10 s ago}\nservers:"},
                new String[] {"servers:", "balancer: {healthCheck: {interval: 10s, healthyTreshold: 3}}\nservers:"},
                new String[] {"servers:", "balancer: {listeners: []}\nservers:"},                      // empty list
                new String[] {"servers:", "balancer: {stickiness: {type: url}}\nservers:"},
                new String[] {"servers:", "balancer: {retries: 11}\nservers:"},
                new String[] {"servers:", "securityGroups: [{name: g, inbound: [{protocol: icmp, ports: 80, from: 0.0.0.0/0}]}]\nservers:"},
                new String[] {"servers:", "securityGroups: [{name: g, inbound: [{protocol: tcp, from: 0.0.0.0/0}]}]\nservers:"},
                new String[] {"servers:", "events: [{at: 1min, action: explode, server: web-1}]\nservers:"},
                new String[] {"servers:", "events: [{at: 1min, action: fail, server: web-1, rate: 5/s}]\nservers:"},
                new String[] {"servers:", "events: [{at: 1min, action: slow, server: web-1, factor: 2}]\nservers:"},
                new String[] {"servers:", "autoscaling: {template: web-1, metric: cpu, target: 0.5}\nservers:"},
                new String[] {"service: {distribution: exponential, mean: 20ms}", "service: {distribution: exponential, mean: 20ms}\n"
                        + "    mix: [{name: a, weight: 1, service: {distribution: constant, value: 1ms}}]"}, // service and mix
                new String[] {"    service: {distribution: exponential, mean: 20ms}\n", ""},           // no service, no mix
                new String[] {"servers:", "autoscaling: {template: web-1, metric: utilization, target: 60}\nservers:"},
                new String[] {"    service:", "    port: 0\n    service:"},
                new String[] {"    service:", "    sources: [10.0.0.0/8, everywhere]\n    service:"});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("mistakes")
    void mistake_isRefusedByTheLoaderAndTheSchema(String replaced, String replacement) throws Exception {
        assertThat(VALID).contains(replaced);
        String yaml = VALID.replace(replaced, replacement);
        assertThatThrownBy(() -> LOADER.parse(yaml, "bad.yaml", List.of()))
                .as("the loader refuses:%n%s", yaml).isInstanceOf(ScenarioException.class);
        assertThat(errors(yaml)).as("the schema refuses:%n%s", yaml).isNotEmpty();
    }

    /** Valid forms a schema could get wrong: units, numbers as text, empty sections, every algorithm's parameter. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("validVariants")
    void validVariant_isAcceptedByTheLoaderAndTheSchema(String replaced, String replacement) throws Exception {
        String yaml = VALID.replace(replaced, replacement);
        LOADER.parse(yaml, "valid.yaml", List.of());
        assertThat(errors(yaml)).as("the schema accepts:%n%s", yaml).isEmpty();
    }

    static Stream<String[]> validVariants() {
        return Stream.of(
                new String[] {"duration: 10min", "duration: 600"},
                new String[] {"duration: 10min", "duration: 1.5h\nwarmup: 0\nseed: -3\nmaxRequestsInSystem: 10_000_000"},
                new String[] {"rate: 150/s", "rate: 9000/min"},
                new String[] {"rate: 150/s", "rate: 150"},
                new String[] {"rate: 150/s", "rate: [{at: 0s, rate: 0/s}, {at: 1min, rate: 5/s}], interpolation: linear"},
                new String[] {"rate: 150/s", "rate: {trough: 0/s, peak: 5/s, peakAt: 14h}"},
                new String[] {"servers:", "balancer:\nservers:"},
                new String[] {"servers:", "balancer: {algorithm: power-of-d, choices: 3}\nservers:"},
                new String[] {"servers:", "balancer: {algorithm: consistent-hash, virtualNodes: 100}\nservers:"},
                new String[] {"servers:", "balancer: {algorithm: peak-ewma, decay: 2s, retries: 1}\nservers:"},
                new String[] {"- name: web-1", "- name: web-1\n    failures: [{mtbf: 1h, mttr: 1min, distribution: weibull, shape: 2}, "
                        + "{at: 1min, for: 1min, kind: slowdown, factor: 0.5}, {at: 5min, for: 1s, kind: black-hole, passesHealthChecks: false}]"},
                new String[] {"servers:", "securityGroups: [{name: g, inbound: [{protocol: all, from: \"::/0\"}, {protocol: tcp, ports: 1024-65535, from: g}]}]\nservers:"},
                new String[] {"servers:", "autoscaling: {template: web-1, metric: requestsPerTarget, target: 60}\nservers:"},
                new String[] {"    service: {distribution: exponential, mean: 20ms}\n",
                        "    mix: [{name: a, weight: 1, service: {distribution: constant, value: 1ms}}]\n"},
                new String[] {"- name: web-1", "- name: 2024"},                                       // a name is text as written
                new String[] {"servers:", "events: [{at: 1min, action: set-algorithm, algorithm: random}, {at: 2min, action: set-weight, server: web-1, weight: 0}]\nservers:"});
    }

    private static List<Error> errors(String yaml) throws IOException {
        JsonNode scenario = new YAMLMapper().readTree(yaml);
        return SCHEMA.validate(scenario);
    }
}
