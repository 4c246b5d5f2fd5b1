package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The options that size an experiment are bounded: a typo ends in a message and exit 2, not an OutOfMemoryError. */
class ArgumentBoundsTest {

    private final StringWriter err = new StringWriter();

    private int lbsim(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    /** An interval of 0.1 ns over 10 minutes was 6·10^12 samples, kept in memory: OutOfMemoryError. */
    @Test
    void aTimeSeriesIntervalTooShortForTheRun_isRefused() {
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--interval", "0.0000000001s", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lbsim: --interval: found '0.0000000001s', expected at least 0.006 s: a time "
                + "series holds at most 100,000 intervals, each kept in memory" + System.lineSeparator());
    }

    @Test
    void replications_areBounded() {
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--replications", "2000000000", "--quiet")).isEqualTo(2);
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--precision", "latency.p99=5%", "--max-replications",
                "2000000000", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("lbsim: --replications: found 2000000000, expected 1 to 10000",
                "lbsim: --max-replications: found 2000000000, expected 2 to 10000");
    }

    @Test
    void aSweepOfMoreThanTenThousandPoints_isRefusedBeforeAnyScenarioIsLoaded() {
        String values = String.join(",", java.util.Collections.nCopies(101, "1"));
        assertThat(lbsim("sweep", "scenarios/two-instances.yaml", "--set", "seed=" + values, "--set", "warmup=" + values,
                "--quiet")).isEqualTo(2);
        assertThat(err.toString()).startsWith("lbsim: --set: found more than 10000 combinations of values");
    }
}
