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
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.Scenario;

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
}
