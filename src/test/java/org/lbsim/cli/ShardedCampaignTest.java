package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.campaign.CampaignException;
import org.lbsim.campaign.CampaignFile;

/**
 * The acceptance test, with real processes: a sweep run whole in one process, and the same
 * sweep as four shard processes (JVMs of their own) of which one is killed ({@code kill -9}) after it
 * stored some runs and is then started again; the shards merged, the report is the one-process
 * output to the last digit: table, CSV, chart, and JSON but for the machine's timings of each run,
 * which no two computations share.
 */
class ShardedCampaignTest {

    private static final int SHARDS = 4;
    private static final int RUNS = 2 * 2 * 6; // rates × algorithms × replications

    private static final List<String> SWEEP = List.of("sweep", "scenarios/two-instances.yaml",
            "--set", "clients.users.arrivals.rate=100/s,150/s", "--algorithms", "round-robin,least-connections",
            "--set", "duration=4min", "--set", "warmup=30s", "--replications", "6");

    @TempDir
    Path folder;

    @Test
    void fourShardsOneKilledAndRestartedMergeIntoTheOneProcessResult() throws Exception {
        Path one = folder.resolve("one");
        Result whole = inProcess(with(SWEEP, "--json", one + ".json", "--csv", one + ".csv", "--chart", one + ".png"));
        assertThat(whole.status).isZero();
        assertThat(whole.out).contains("sweep of 4 configurations, 6 replications each");

        List<Process> shards = new ArrayList<>();
        for (int k = 1; k <= SHARDS; k++) {
            // The shard to be killed runs on one thread in the interpreter, so that it stores its runs
            // one at a time and slowly enough to be caught between two on any machine. (The
            // interpreter computes what compiled code does, to the last digit, which the report checks.)
            List<String> jvm = k == 2 ? List.of("-Xint") : List.of();
            shards.add(start(jvm, with(SWEEP, "--campaign", shard(k).toString(), "--shard", k + "/" + SHARDS, "--threads",
                    k == 2 ? "1" : "2")));
        }
        int storedWhenKilled = killAfterFirstStoredRun(shards.get(1), shard(2));
        assertThat(storedWhenKilled).as("runs stored before kill -9").isBetween(1, RUNS / SHARDS - 1);
        for (int k = 1; k <= SHARDS; k++) {
            if (k != 2) assertThat(shards.get(k - 1).waitFor(120, TimeUnit.SECONDS)).isTrue();
            if (k != 2) assertThat(shards.get(k - 1).exitValue()).isZero();
        }
        assertThat(stored(shard(2))).as("the killed shard lost no stored run").isEqualTo(storedWhenKilled);

        Result restarted = lbsim(with(SWEEP, "--campaign", shard(2).toString(), "--shard", "2/" + SHARDS));
        assertThat(restarted.status).isZero();
        assertThat(restarted.err).contains(runs(RUNS / SHARDS - storedWhenKilled) + " computed, "
                + runs(storedWhenKilled) + " stored already");

        Path merged = folder.resolve("merged.db");
        List<String> merge = new ArrayList<>(List.of("campaign", "merge", merged.toString()));
        for (int k = 1; k <= SHARDS; k++) merge.add(shard(k).toString());
        Result merging = inProcess(merge);
        assertThat(merging.status).isZero();
        assertThat(merging.out).contains(RUNS + " runs added", "it holds " + RUNS + " of the study's " + RUNS + " runs");

        Path report = folder.resolve("report");
        Result reported = inProcess(List.of("campaign", "report", merged.toString(), "--json", report + ".json", "--csv",
                report + ".csv", "--chart", report + ".png"));
        assertThat(reported.status).isZero();
        assertThat(reported.out).isEqualTo(whole.out);
        assertThat(Files.readString(Path.of(report + ".csv"))).isEqualTo(Files.readString(Path.of(one + ".csv")));
        assertThat(withoutTimings(Path.of(report + ".json"))).isEqualTo(withoutTimings(Path.of(one + ".json")));
        assertThat(Files.readAllBytes(Path.of(report + ".png"))).isEqualTo(Files.readAllBytes(Path.of(one + ".png")));
    }

    private Path shard(int k) {
        return folder.resolve("shard-" + k + ".db");
    }

    /** Waits until the shard has stored a run, then kills it as a node failure would: no shutdown hook, no cleanup. */
    private static int killAfterFirstStoredRun(Process process, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(file) && stored(file) > 0) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return stored(file);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the shard ended (status " + (process.isAlive() ? "none" : process.exitValue())
                + ") before it could be killed midway");
    }

    private static int stored(Path file) {
        try (CampaignFile campaign = CampaignFile.open(file)) {
            return campaign.storedKeys().size();
        } catch (CampaignException e) {
            return 0; // made, but its tables not yet committed
        }
    }

    /** The JSON without the engine's wall time and speed, the only figures that depend on the machine. */
    private static String withoutTimings(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode result : root.get("results")) {
            for (JsonNode run : result.get("runs")) ((ObjectNode) run.get("engine")).remove(List.of("wallSeconds", "eventsPerSecond"));
        }
        assertThat(root.get("results")).hasSize(4);
        return root.toString();
    }

    private static List<String> with(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    private record Result(int status, String out, String err) {
    }

    private Result lbsim(List<String> args) throws Exception {
        Process process = start(List.of(), args);
        // Outputs are small; files keep a full pipe from blocking the child.
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("lbsim " + args + " ended").isTrue();
        return new Result(process.exitValue(), read(process, "out"), read(process, "err"));
    }

    /** lbsim in this JVM, as {@link MainTest} runs it. */
    private static Result inProcess(List<String> args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int status = Main.execute(args.toArray(String[]::new), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private int started;

    /** lbsim in a JVM of its own, from the classes this test runs on. */
    private Process start(List<String> jvmOptions, List<String> args) throws IOException {
        started++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(folder.resolve("out-" + started + ".txt").toFile());
        builder.redirectError(folder.resolve("err-" + started + ".txt").toFile());
        Process process = builder.start();
        outputs.add(new Object[] {process, started});
        return process;
    }

    private final List<Object[]> outputs = new ArrayList<>();

    private String read(Process process, String stream) throws IOException {
        for (Object[] entry : outputs) {
            if (entry[0] == process) {
                return Files.readString(folder.resolve(stream + "-" + entry[1] + ".txt"), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("not started here");
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }
}
