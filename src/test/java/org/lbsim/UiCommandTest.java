package org.lbsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code lbsim ui --compare A,B} checks its two names before any window opens: a mistake is one
 * line naming what was found and what was expected, and exit status 2, as every command has it.
 */
class UiCommandTest {

    private final StringWriter err = new StringWriter();

    private int ui(String... args) {
        CommandLine commandLine = new CommandLine(new UiCommand());
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aMisspeltAlgorithmIsNamedWithTheClosestKnownOne() {
        assertThat(ui("--compare", "round-robin,least-conections")).isEqualTo(2);
        assertThat(err.toString()).startsWith("lbsim: --compare: found 'least-conections' (did you mean 'least-connections'?)")
                .contains("expected one of round-robin, ").doesNotContain("Exception");
    }

    @Test
    void oneAlgorithmOrThreeAreNotAComparison() {
        assertThat(ui("--compare", "round-robin")).isEqualTo(2);
        assertThat(err.toString()).contains("--compare: found 1 algorithm (round-robin), expected two");
        assertThat(ui("--compare", "round-robin,random,power-of-d")).isEqualTo(2);
        assertThat(err.toString()).contains("found 3 algorithms (round-robin,random,power-of-d), expected two");
    }

    @Test
    void twoKnownAlgorithmsPassTheCheck() {
        assertThat(UiCommand.compareMistake(java.util.List.of("round-robin", "least-connections"),
                org.lbsim.balancing.Algorithms.standard())).isEmpty();
        assertThat(UiCommand.compareMistake(null, org.lbsim.balancing.Algorithms.standard())).isEmpty();
    }
}
