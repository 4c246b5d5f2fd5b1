package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.cli.Main;

/** {@code run --replications}, {@code compare} and {@code sweep} from the command line, as users type them. */
class ExperimentCommandsTest {

    private static final String SCENARIO = "scenarios/two-instances.yaml";
    /** The reference scenario, shortened so that a test runs many replications quickly. */
    private static final String[] SHORT = {"--set", "duration=90s", "--set", "warmup=10s"};

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lbsim(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static String[] with(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void runWithReplicationsPrintsMeanPlusMinusHalfWidthAndTheDesignsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        assertThat(lbsim(with(new String[] {"run", SCENARIO, "--replications", "3", "--json", json.toString()}, SHORT)))
                .isZero();
        assertThat(out.toString()).contains("3 replications", "latency mean (ms)", " ± ");
        JsonNode tree = new ObjectMapper().readTree(Files.readString(json));
        assertThat(fieldNames(tree)).startsWith("scenario", "algorithm", "replications", "runs", "summary");
        assertThat(tree.get("replications").asInt()).isEqualTo(3);
        assertThat(tree.get("runs")).hasSize(3);
        assertThat(tree.get("summary").get("latency.p99").has("halfWidth95")).isTrue();
    }

    @Test
    void compareTagsEachResultAndGivesPairedDifferencesAgainstTheFirst(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("bars.png");
        assertThat(lbsim(with(new String[] {"compare", SCENARIO, "--algorithms", "round-robin,random,least-connections",
                "--replications", "3", "--json", "-", "--chart", chart.toString()}, SHORT))).isZero();
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("algorithm").asText()).isEqualTo("round-robin");
        assertThat(results.get(0).has("versus")).isFalse();
        assertThat(results.get(2).get("versus").asText()).isEqualTo("round-robin");
        assertThat(results.get(2).get("pairedDifference").get("latency.mean").has("halfWidth95")).isTrue();
        assertThat(Files.size(chart)).isPositive();
    }

    @Test
    void sweepRunsTheCartesianProductAndWritesOneCsvRowPerPoint() {
        assertThat(lbsim(with(new String[] {"sweep", SCENARIO, "--set", "clients.users.arrivals.rate=50/s,100/s",
                "--set", "servers.web-2.failures=[],[{at: 1min, for: 10s}]", "--replications", "2", "--csv", "-"},
                SHORT))).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("algorithm,clients.users.arrivals.rate,servers.web-2.failures,duration,warmup,replications,");
        assertThat(lines[2]).startsWith("least-connections,50/s,\"[{at: 1min, for: 10s}]\",90s,10s,2,");
    }

    @Test
    void mistakesExitWithStatus2AndSayWhatWasExpected() {
        assertThat(lbsim("compare", SCENARIO, "--algorithms", "round-robin,fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("fastest", "least-connections");
        assertThat(lbsim("run", SCENARIO, "--precision", "latency.p42=0.05")).isEqualTo(2);
        assertThat(err.toString()).contains("latency.p42", "latency.p99");
        assertThat(lbsim("run", SCENARIO, "--chart", "out.gif")).isEqualTo(2);
        assertThat(err.toString()).contains(".png or .svg");
        assertThat(lbsim("run", SCENARIO, "--replications", "2", "--timeseries", "t.csv")).isEqualTo(2);
        assertThat(lbsim("sweep", SCENARIO)).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
