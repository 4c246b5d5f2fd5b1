package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.theory.Queues;

/** {@code lbsim theory}: the closed form beside the measurement, the reasons when there is none, and bad input. */
class TheoryCommandTest {

    private static final String MM1 = "scenarios/validation/mm1.yaml";
    /** Short runs: these tests check what is printed, not the model (TheoryValidationTest does that). */
    private static final String SHORT = "duration=20min";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lbsim(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheClosedFormBesideTheMeasurement() {
        assertThat(lbsim("theory", MM1, "--set", SHORT, "--replications", "3")).isZero();
        assertThat(out.toString()).contains("closed form   M/M/1", "W = 1/(μ − λ)", "λ = 7/s, 1/μ = 0.1 s",
                "lbsim, 3 replications (95% CI)", "mean response time  333.33 ms", "utilization         70.00%");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void followsTheOptions_andSaysWhyNoClosedFormApplies_withStatusZero() {
        assertThat(lbsim("theory", MM1, "--set", SHORT, "--replications", "2", "--set",
                "clients.users.service={distribution: lognormal, mean: 100ms, cv: 2}", "--set", "servers.web.workers=2"))
                .isZero();
        assertThat(out.toString()).contains("no closed form applies:",
                "  - service times are lognormal and a server has 2 workers (M/G/c has no closed form)",
                "lbsim, 2 replications (95% CI)", "mean response time");
        assertThat(out.toString()).doesNotContain("theory in CI");
    }

    @Test
    void theAlgorithmOptionChangesTheForm() {
        assertThat(lbsim("theory", "scenarios/validation/jsq-2.yaml", "--set", SHORT, "--replications", "2",
                "--algorithm", "random")).isZero();
        assertThat(out.toString()).contains("2 × M/M/1 (random split)");
    }

    @Test
    void jsonCarriesTheFormTheMeasurementAndTheError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("theory.json");
        assertThat(lbsim("theory", "scenarios/validation/erlang-b.yaml", "--set", SHORT, "--replications", "3",
                "--json", file.toString(), "--quiet")).isZero();
        assertThat(out.toString()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("closedForm").get("model").asText()).isEqualTo("M/M/5/5 (Erlang B)");
        assertThat(json.get("closedForm").get("lossProbability").asDouble()).isCloseTo(Queues.erlangB(5, 4), within(1e-12));
        JsonNode loss = json.get("quantities").get(2);
        assertThat(loss.get("name").asText()).isEqualTo("loss probability");
        assertThat(loss.get("relativeError").asDouble())
                .isCloseTo(loss.get("mean").asDouble() / loss.get("reference").asDouble() - 1, within(1e-12));
        assertThat(json.get("measured").get("replications").asInt()).isEqualTo(3);
        assertThat(json.get("noClosedForm").isNull()).isTrue();
    }

    @Test
    void severalScenariosMakeOneTable() {
        assertThat(lbsim("theory", MM1, "scenarios/validation/mmck.yaml", "--set", SHORT, "--replications", "2")).isZero();
        assertThat(out.toString()).contains("case", "reference in CI", "mm1", "M/M/1", "mmck", "M/M/2/5", "loss probability",
                "the mean over 2 replications");
    }

    @Test
    void badInputExitsWithTwoAndAMessage() {
        assertThat(lbsim("theory", MM1, "--replications", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--replications: found 1, expected 2 to");
        assertThat(lbsim("theory", "scenarios/validation/nothing-here.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("nothing-here.yaml");
        assertThat(lbsim("theory", MM1, "--algorithm", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("fastest");
        assertThat(lbsim("theory", MM1, "--json", "no-such-folder/x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("--json: cannot write");
    }
}
