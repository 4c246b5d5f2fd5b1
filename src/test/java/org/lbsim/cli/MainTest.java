package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lbsim(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void runPrintsTheSummaryTable() {
        assertThat(lbsim("run", "scenarios/two-instances.yaml")).isZero();
        assertThat(out.toString()).contains("Two instances behind a load balancer", "offered", "completed", "denied",
                "p99", "web-1", "web-2", "lb-sg", "web-sg", "health checks", "marked down");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonHasTheDesignsKeysInTheDesignsOrder() throws IOException {
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--json", "-")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(fieldNames(json)).startsWith("scenario", "algorithm", "seed", "simulatedSeconds", "requests",
                "latency", "throughput", "availability", "servers", "securityGroups", "networkAcls",
                "balancer");
        assertThat(fieldNames(json)).contains("engine", "failures", "classes", "sessions", "trace");
        assertThat(fieldNames(json.get("requests"))).containsExactly("offered", "denied", "rejected", "failed",
                "timedOut", "completed", "inFlight", "retried");
        assertThat(fieldNames(json.get("latency"))).containsExactly("mean", "p50", "p90", "p95", "p99", "p999", "max");
        assertThat(fieldNames(json.get("servers").get(0))).containsExactly("name", "utilization", "completed",
                "meanInSystem", "upFraction");
        assertThat(fieldNames(json.get("balancer"))).containsExactly("healthChecks", "markedDown", "markedUp",
                "meanDetectionSeconds", "secondsBelowMinimumHealthy");
        assertThat(fieldNames(json.get("engine"))).containsExactly("events", "wallSeconds", "eventsPerSecond");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("simulatedSeconds").asDouble()).isEqualTo(600.0);
    }

    @Test
    void benchTakesAnAlgorithmsParametersAndRejectsOthers() {
        assertThat(lbsim("bench", "--algorithm", "consistent-hash", "--parameter", "virtualNodes=16",
                "--requests", "2000", "--repeat", "1")).isZero();
        assertThat(out.toString()).contains("consistent-hash");
        assertThat(lbsim("bench", "--algorithm", "round-robin,consistent-hash", "--parameter", "virtualNodes=16",
                "--requests", "2000")).isEqualTo(2);
        assertThat(err.toString()).contains("--parameter virtualNodes: not a parameter of round-robin");
        assertThat(lbsim("bench", "--algorithm", "consistent-hash", "--parameter", "virtualNodes=0",
                "--requests", "2000")).isEqualTo(2);
        assertThat(err.toString()).contains("virtualNodes: found '0', expected a whole number of at least 1");
    }

    @Test
    void optionsOverrideTheScenario(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--algorithm", "random", "--seed", "7",
                "--set", "clients.users.arrivals.rate=50/s", "--json", file.toString(), "--quiet")).isZero();
        assertThat(out.toString()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("algorithm").asText()).isEqualTo("random");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        // 50/s of users plus 3/s of denied traffic over 540 measured seconds.
        assertThat(json.get("requests").get("offered").asLong()).isBetween(26_000L, 31_000L);
    }

    @Test
    void aBadScenarioExitsWithStatus2AndNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nduration: 10 minutes\n");
        assertThat(lbsim("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":2:").contains("10 minutes").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingFileExitsWithStatus2() {
        assertThat(lbsim("validate", "no/such/file.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("no/such/file.yaml").doesNotContain("Exception");
    }

    @Test
    void badArgumentsExitWithStatus2() {
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--algorithm", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("fastest", "least-connections");
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--frobnicate")).isEqualTo(2);
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--seed", "abc")).isEqualTo(2);
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--set", "servers.nope.workers=2")).isEqualTo(2);
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--speedup", "10")).isEqualTo(2); // no trace to speed up
        assertThat(err.toString()).contains("--speedup: found no client that replays a trace");
    }

    @Test
    void aMisspeltAlgorithmGetsTheClosestNameAsTheScenarioFileDoes() {
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--algorithm", "least-connection")).isEqualTo(2);
        assertThat(err.toString()).contains("--algorithm: found 'least-connection' (did you mean 'least-connections'?), "
                + "expected one of round-robin, ");
        err.getBuffer().setLength(0);
        assertThat(lbsim("compare", "scenarios/two-instances.yaml", "--algorithms", "random,round-robbin")).isEqualTo(2);
        assertThat(err.toString()).contains("--algorithms: found 'round-robbin' (did you mean 'round-robin'?)");
        err.getBuffer().setLength(0);
        assertThat(lbsim("bench", "--algorithm", "powerofd", "--requests", "2000")).isEqualTo(2);
        assertThat(err.toString()).contains("--algorithm: found 'powerofd' (did you mean 'power-of-d'?)");
        err.getBuffer().setLength(0);
        // Nothing close: no suggestion, only the list.
        assertThat(lbsim("run", "scenarios/two-instances.yaml", "--algorithm", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("found 'fastest', expected one of").doesNotContain("did you mean");
    }

    @Test
    void validateAcceptsTheReferenceScenario() {
        assertThat(lbsim("validate", "scenarios/two-instances.yaml")).isZero();
        assertThat(out.toString()).contains("valid", "2 servers,");
    }

    @Test
    void validateChecksEveryFileGivenAndNamesEveryBadOne(@TempDir Path dir) throws IOException {
        Path misspelt = dir.resolve("misspelt.yaml");
        Files.writeString(misspelt, "name: bad\nduration: 10 minutes\n");
        Path missing = dir.resolve("missing.yaml");
        assertThat(lbsim("validate", "scenarios/two-instances.yaml", misspelt.toString(), "scenarios/bench.yaml",
                missing.toString())).isEqualTo(2);
        // The good ones still get their verdict, after a bad one as before it.
        assertThat(out.toString()).contains("scenarios/two-instances.yaml: valid — \"Two instances behind a load balancer\": "
                + "3 clients, 2 servers, 2 security groups, algorithm least-connections, 600 s simulated")
                .contains("scenarios/bench.yaml: valid").doesNotContain("misspelt.yaml", "missing.yaml");
        assertThat(err.toString()).contains(misspelt + ":2:", missing.toString())
                .contains("lbsim: 2 of 4 scenario files are not valid: " + misspelt + ", " + missing)
                .doesNotContain("Exception");

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(lbsim("validate", "scenarios/two-instances.yaml", "scenarios/bench.yaml")).isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateReadsATraceThroughAndWithStrictStopsWhereRunStrictDoes(@TempDir Path dir) throws IOException {
        Path scenario = replay(dir, "0,10.0.0.1,0.01\n10,10.0.0.2,0.01\n20,10.0.0.x,0.01\n");
        assertThat(lbsim("validate", scenario.toString())).isZero();
        Path trace = dir.resolve("trace.csv");
        assertThat(out.toString()).contains("1 client, 1 server, 0 security groups")
                .contains("  trace " + trace + " (client replay): 4 lines, 2 to replay, 1 skipped")
                .contains("    skipped " + trace + ":4:4: found '10.0.0.x'");

        // The malformed line comes after the 6 s that run reads; validate reads the whole trace.
        assertThat(lbsim("run", scenario.toString(), "--strict", "--set", "duration=30s", "--quiet")).isEqualTo(2);
        String runs = err.toString();
        err.getBuffer().setLength(0);
        assertThat(lbsim("validate", scenario.toString(), "--strict")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(runs).startsWith(trace + ":4:4: found '10.0.0.x', expected ");
        // strict: true in the file does what --strict does.
        err.getBuffer().setLength(0);
        assertThat(lbsim("validate", scenario.toString(), "--set", "clients.replay.arrivals.strict=true")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(runs);
    }

    @Test
    void aTraceWithNothingToReplayFailsValidateAsItFailsRun(@TempDir Path dir) throws IOException {
        for (String trace : List.of("", "time,source,service\n", "time,source,service\nsoon,10.0.0.1,0.01\n\n")) {
            Path scenario = replay(dir, null);
            Files.writeString(dir.resolve("trace.csv"), trace);
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(lbsim("run", scenario.toString(), "--quiet")).as(trace).isEqualTo(2);
            String runs = err.toString();
            assertThat(runs).startsWith(dir.resolve("trace.csv") + ":").contains("found the end of").doesNotContain("Exception");
            err.getBuffer().setLength(0);
            assertThat(lbsim("validate", scenario.toString())).as(trace).isEqualTo(2);
            assertThat(err.toString()).isEqualTo(runs);
            assertThat(out.toString()).isEmpty();
        }
        assertThat(err.toString()).isEqualTo(dir.resolve("trace.csv") + ":4:1: found the end of the trace before any "
                + "line to replay (1 line skipped, the first " + dir.resolve("trace.csv") + ":2:1: found 'soon', expected "
                + "a time in seconds), expected at least one well-formed line\n");
    }

    @Test
    void validateWithStrictNeedsATraceInOneOfItsFiles(@TempDir Path dir) throws IOException {
        assertThat(lbsim("validate", "scenarios/two-instances.yaml", "--strict")).isEqualTo(2);
        assertThat(err.toString()).contains("--strict: found no client that replays a trace in scenarios/two-instances.yaml");
        assertThat(out.toString()).isEmpty();
        err.getBuffer().setLength(0);
        Path scenario = replay(dir, "0,10.0.0.1,0.01\n");
        assertThat(lbsim("validate", "scenarios/two-instances.yaml", scenario.toString(), "--strict")).isZero();
        assertThat(out.toString()).contains("scenarios/two-instances.yaml: valid", scenario + ": valid");
        assertThat(lbsim("validate", "scenarios/two-instances.yaml", "scenarios/bench.yaml", "--speedup", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--speedup: found no client that replays a trace in any of the 2 files");
    }

    /** A scenario replaying {@code trace.csv} in {@code dir} for 6 s at speedup 2; {@code rows} after a header, unless null. */
    private static Path replay(Path dir, String rows) throws IOException {
        if (rows != null) Files.writeString(dir.resolve("trace.csv"), "time,source,service\n" + rows);
        Path scenario = dir.resolve("replay.yaml");
        Files.writeString(scenario, """
                duration: 6s
                clients:
                  - name: replay
                    arrivals: {process: trace, file: trace.csv, speedup: 2}
                servers:
                  - name: web
                """);
        return scenario;
    }

    @Test
    void algorithmsListsTheRegistry() {
        assertThat(lbsim("algorithms")).isZero();
        assertThat(out.toString()).contains("round-robin", "random", "least-connections");
    }

    @Test
    void versionAndHelpExitWithStatus0() {
        assertThat(lbsim("--version")).isZero();
        assertThat(out.toString()).startsWith("lbsim ");
        assertThat(lbsim("--help")).isZero();
        assertThat(out.toString()).contains("run", "validate", "algorithms");
    }

    @Test
    void noArgumentsPrintTheUsageToStandardErrorAndExitWith2() {
        assertThat(lbsim()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("Usage: lbsim").contains("run", "validate", "algorithms");
    }

    /** The help of the options that take a metric lists every declared metric by name. */
    @Test
    void helpListsTheDeclaredMetrics() {
        // Compared without white space: picocli wraps long lines, even inside a name.
        String metrics = String.join(",", org.lbsim.metrics.Metric.names());
        assertThat(lbsim("run", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", "")).contains(metrics).doesNotContain("${sys:");
        out.getBuffer().setLength(0);
        assertThat(lbsim("sweep", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", "")).contains(metrics).doesNotContain("${sys:");
    }

    /**
     * A command line naming one subcommand builds only that one: its help, its errors and its
     * exit statuses must be those of the command line with all of them.
     */
    @Test
    void aSubcommandAloneAnswersAsTheFullCommandLineDoes() {
        String[][] cases = {{"run", "--help"}, {"compare", "--help"}, {"sweep", "--help"}, {"validate", "--help"},
                {"algorithms", "--help"}, {"bench", "--help"}, {"run", "--no-such-option", "x.yaml"}, {"run"},
                {"validate", "scenarios/two-instances.yaml"}, {"bench", "--requests", "-5"}};
        for (String[] args : cases) {
            assertThat(Main.namesOneSubcommand(args)).isTrue();
            assertThat(Main.commandLine(args).getSubcommands()).containsOnlyKeys(args[0]);
            StringWriter fullOut = new StringWriter();
            StringWriter fullErr = new StringWriter();
            int full = Main.execute(Main.commandLine(), args, new PrintWriter(fullOut), new PrintWriter(fullErr));
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(lbsim(args)).as(String.join(" ", args)).isEqualTo(full);
            assertThat(out.toString()).isEqualTo(fullOut.toString());
            assertThat(err.toString()).isEqualTo(fullErr.toString());
        }
        assertThat(Main.namesOneSubcommand(new String[] {"help", "run"})).isFalse();
        assertThat(Main.namesOneSubcommand(new String[] {"--version"})).isFalse();
        assertThat(Main.namesOneSubcommand(new String[0])).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void traceOptionsReachTheReplayAndAStrictReplayOfABadLineExitsWith2(@TempDir Path dir) throws IOException {
        Path scenario = replay(dir, "0,10.0.0.1,0.01\n10,10.0.0.2,0.01\n20,10.0.0.x,0.01\n");
        assertThat(lbsim("run", scenario.toString(), "--json", "-")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("trace").get("replayed").asLong()).isEqualTo(2);
        assertThat(json.get("trace").get("skipped").asLong()).isEqualTo(1);

        out.getBuffer().setLength(0);
        // At speedup 2 the line stamped 10 s arrives at 5 s, inside the 6 s run; at 1 it falls after it.
        assertThat(lbsim("run", scenario.toString(), "--speedup", "1", "--json", "-")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("requests").get("offered").asLong()).isEqualTo(1);

        assertThat(lbsim("run", scenario.toString(), "--strict", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("trace.csv:4:").contains("10.0.0.x").doesNotContain("Exception", "\tat ");
    }
}
