package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.cli.Main;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;

/** Algorithm parameters in scenario files: checked where they are written, handed on in plain units. */
class AlgorithmParametersTest {

    private static final String SCENARIO = """
            duration: 1min
            clients: [{name: c, arrivals: {process: poisson, rate: 1/s}, service: {distribution: exponential, mean: 1s}}]
            servers: [{name: a}]
            balancer:
              algorithm: %s
              %s
            """;

    @TempDir
    Path directory;

    @Test
    void badValue_isAProblemAtItsLineAndColumn_exitTwo_noStackTrace() throws Exception {
        Path file = directory.resolve("bad.yaml");
        Files.writeString(file, SCENARIO.formatted("power-of-d", "choices: 0"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new String[] {"validate", file.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":6:12")
                .contains("balancer.choices: found '0', expected a whole number of at least 2")
                .doesNotContain("Exception");
    }

    @Test
    void durations_reachTheAlgorithmInSeconds() throws Exception {
        Path file = directory.resolve("good.yaml");
        Files.writeString(file, SCENARIO.formatted("least-utilization", "reportInterval: 250ms"));
        Scenario scenario = AlgorithmRules.loader(Algorithms.standard()).load(file, List.of());
        assertThat(scenario.balancer().algorithmParameters()).isEqualTo(Map.of("reportInterval", "0.25"));
    }

    @Test
    void aDurationWithoutAPositiveValue_isRefused() throws Exception {
        Path file = directory.resolve("zero.yaml");
        Files.writeString(file, SCENARIO.formatted("peak-ewma", "decay: 0s"));
        StringWriter err = new StringWriter();
        int status = Main.execute(new String[] {"validate", file.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":6:10").contains("balancer.decay: found '0s', expected a positive duration");
    }

    @Test
    void everyParameter_hasAValidDefault() {
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            for (Parameter parameter : info.parameters()) {
                assertThat(parameter.inRange().test(parameter.defaultValue())).as(info.name() + "." + parameter.key()).isTrue();
            }
        }
    }

    private String validate(String algorithm, String parameters, String... more) throws Exception {
        Path file = directory.resolve(algorithm + ".yaml");
        Files.writeString(file, SCENARIO.formatted(algorithm, parameters));
        StringWriter err = new StringWriter();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("validate", file.toString()),
                java.util.stream.Stream.of(more)).toArray(String[]::new);
        int status = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        return err.toString();
    }

    /** Issue 15: validate said "valid" and run died with OutOfMemoryError (an array of d). */
    @Test
    void choicesOfTwoBillion_isRefusedByValidate_notAnOutOfMemoryErrorInRun() throws Exception {
        assertThat(validate("power-of-d", "choices: 2147483647"))
                .contains("balancer.choices: found '2147483647', expected a whole number of at least 2 and at most 10,000");
    }

    /** Issue 15: validate said "valid" and run died with NegativeArraySizeException (the ring's size overflowed). */
    @Test
    void virtualNodesOfTwoBillion_isRefusedByValidate_notANegativeArraySize() throws Exception {
        assertThat(validate("consistent-hash", "virtualNodes: 2147483647"))
                .contains("balancer.virtualNodes: found '2147483647', expected a whole number of at least 1 and at most 10,000");
    }

    /**
     * Issue 15: 1,073,741,824 virtual nodes at a weight of 2 overflowed silently and every request
     * was rejected. The ring's size, virtualNodes times the servers' total weight, is computed in
     * long and refused above 2^23 points, at the key's line.
     */
    @Test
    void virtualNodesTimesTotalWeight_isComputedInLong_andRefusedAboveTheRingsCap() throws Exception {
        // The issue's own example is now out of the key's range before any sum.
        assertThat(validate("consistent-hash", "virtualNodes: 1073741824", "--set", "servers.a.weight=2"))
                .contains("balancer.virtualNodes: found '1073741824', expected a whole number of at least 1 and at most 10,000");
        String err = validate("consistent-hash", "virtualNodes: 10000", "--set", "servers.a.weight=256",
                "--set", "servers.a.count=4");
        assertThat(err).contains("balancer.virtualNodes: found virtualNodes: 10000 for consistent-hash, which with the "
                + "servers' total weight of 1,024 makes 10,240,000, expected at most 8,388,608");
    }

    /** The default counts too, and so does an algorithm a set-algorithm event switches to. */
    @Test
    void theDefaultVirtualNodes_ofAnAlgorithmSwitchedTo_areCheckedAgainstTheWeights() throws Exception {
        String err = validate("round-robin", "", "--set", "servers.a.weight=256", "--set", "servers.a.count=300",
                "--set", "events=[{at: 10s, action: set-algorithm, algorithm: consistent-hash}]");
        assertThat(err).contains("events[0].algorithm: found virtualNodes: 160 (the default) for consistent-hash, which "
                + "with the servers' total weight of 76,800 makes 12,288,000, expected at most 8,388,608");
    }

    @Test
    void everyParameter_hasAnUpperBound() {
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            for (Parameter parameter : info.parameters()) {
                assertThat(parameter.inRange().test(1e12)).as(info.name() + "." + parameter.key()).isFalse();
            }
        }
    }
}
