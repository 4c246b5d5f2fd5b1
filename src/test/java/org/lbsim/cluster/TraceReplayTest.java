package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;
import static org.lbsim.support.TestScenarios.scenario;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.RunResult;
import org.lbsim.trace.TraceFormat;

/**
 * Trace replay end to end: every well-formed line is one request at its time from its address,
 * malformed lines are counted (or stop a strict run), and memory stays flat however long the trace.
 * Isolated: the memory check measures the heap the whole JVM retains, so no other test may run
 * beside it.
 */
@Isolated
class TraceReplayTest {

    private static final Path SAMPLE = Path.of("scenarios/data/apache_access_sample.log");

    @TempDir
    Path folder;

    private static ClientSpec replay(ArrivalSpec.Trace trace, DistributionSpec service) {
        return new ClientSpec("replay", trace, service, List.of(), Protocol.TCP, 80, List.of(Cidr.parse("192.0.2.0/24")),
                ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
    }

    private static ArrivalSpec.Trace trace(Path file, TraceFormat format, double speedup, boolean strict) {
        return new ArrivalSpec.Trace(file, format, speedup, strict, 60, null);
    }

    private static Scenario cluster(ClientSpec client, double duration, String algorithm) {
        return scenario().algorithm(algorithm).duration(duration, 0).client(client)
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 4, ServerSpec.UNLIMITED_QUEUE)
                .build();
    }

    /** One dispatch seen at the balancer: when, from where, on which port, with how much work. */
    private record Seen(double at, String from, int port, double work, String backend) {
    }

    private static List<Seen> dispatches(Scenario scenario, double until, RunResult[] result) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        List<Seen> seen = new ArrayList<>();
        cluster.balancer().observe((request, backend) -> seen.add(new Seen(simulation.now(), request.from().toString(),
                request.port, request.work, backend.name())));
        cluster.start();
        simulation.runUntil(until);
        result[0] = cluster.results(new EngineStats(0, 0, 0));
        return seen;
    }

    @Test
    void everyWellFormedCsvLineIsOneRequestAtItsTimeFromItsAddress() throws IOException {
        Path csv = folder.resolve("trace.csv");
        Files.writeString(csv, """
                time,source,service,port
                1000.0,10.0.0.1,0.010,80
                1000.5,10.0.0.2,0.020,80
                1001.25,2001:db8::7,0.030,80
                not-a-time,10.0.0.3,0.040,80
                1003.0,10.0.0.4,0.050,8080
                1004.0,10.0.0.5,,80
                """);
        RunResult[] result = new RunResult[1];
        List<Seen> seen = dispatches(cluster(replay(trace(csv, TraceFormat.CSV, 2, false),
                new DistributionSpec.Constant(0.5)), 100, "round-robin"), 100, result);
        // Times from the first line's, halved (speedup 2); the line on port 8080 is refused (no
        // listener) before dispatch, and the one with no service gets the client's own.
        assertThat(seen).containsExactly(
                new Seen(0.0, "10.0.0.1", 80, 0.010, "a"),
                new Seen(0.25, "10.0.0.2", 80, 0.020, "b"),
                new Seen(0.625, "2001:db8::7", 80, 0.030, "a"),
                new Seen(2.0, "10.0.0.5", 80, 0.5, "b"));
        var trace = result[0].workload().trace();
        assertThat(trace.replayed()).isEqualTo(5);
        assertThat(trace.skipped()).isEqualTo(1);
        assertThat(trace.lines()).isEqualTo(7); // the header included, as wc -l counts
        assertThat(trace.firstSkipped()).singleElement().asString().contains("trace.csv:5:1:");
        assertThat(result[0].requests().offered()).isEqualTo(5);
        assertThat(result[0].requests().rejected()).isEqualTo(1);
    }

    @Test
    void aStrictReplayStopsAtTheFirstMalformedLineNamingIt() throws IOException {
        Path csv = folder.resolve("bad.csv");
        Files.writeString(csv, "time,source\n1.0,10.0.0.1\n2.0,10.0.0.999\n3.0,10.0.0.3\n");
        Scenario scenario = cluster(replay(trace(csv, TraceFormat.CSV, 1, true), new DistributionSpec.Constant(0.01)), 10,
                "round-robin");
        TraceReplayException e = catchThrowableOfType(TraceReplayException.class,
                () -> new org.lbsim.experiment.Runner(Algorithms.standard()).run(scenario));
        assertThat(e.getMessage()).startsWith(csv + ":3:").contains("10.0.0.999");
    }

    @Test
    void theRealSampleReplaysEveryWellFormedLineFromItsOwnAddress() throws IOException {
        var trace = new ArrivalSpec.Trace(SAMPLE, TraceFormat.COMBINED, 60, false, 60,
                new ArrivalSpec.BytesService(0.005, 0.00002));
        RunResult[] result = new RunResult[1];
        List<Seen> seen = dispatches(cluster(replay(trace, null), 5100, "ip-hash"), 5100, result);

        // The log's own addresses, counted independently of the reader.
        Set<String> logged = new HashSet<>();
        for (String line : Files.readAllLines(SAMPLE)) logged.add(line.substring(0, line.indexOf(' ')));
        assertThat(seen).hasSize(9_999);
        assertThat(seen).extracting(Seen::from).doesNotContain("192.0.2.1").allMatch(logged::contains);
        assertThat(seen.stream().map(Seen::from).distinct().count()).isEqualTo(logged.size());
        // ip-hash on real addresses: each address always reaches the same instance.
        Map<String, String> instanceOf = new HashMap<>();
        for (Seen one : seen) assertThat(instanceOf.computeIfAbsent(one.from(), k -> one.backend())).isEqualTo(one.backend());
        // Times never go backwards and span the log's 83 hours at 60 times the speed: from its
        // earliest second, 17/May/2015:10:05:00 (1431857100), to its latest, 20/May/2015:21:05:59
        // (1432155959), each spread within its second.
        for (int i = 1; i < seen.size(); i++) assertThat(seen.get(i).at()).isGreaterThanOrEqualTo(seen.get(i - 1).at());
        assertThat(seen.get(seen.size() - 1).at()).isCloseTo((1432155959.0 - 1431857100) / 60, offset(1.0 / 60));
        var replay = result[0].workload().trace();
        assertThat(replay.lines()).isEqualTo(10_000);
        assertThat(replay.skipped()).isEqualTo(1);
        assertThat(replay.firstSkipped()).singleElement().asString().contains(":8899:183:");
        // Work from the response size: 5 ms + 0.02 ms per kB, never less than the base.
        assertThat(seen).allMatch(one -> one.work() >= 0.005);
    }

    @Test
    void securityGroupsJudgeTheLoggedAddresses() throws IOException {
        // The balancer admits only 66.0.0.0/8 (where the log's busiest client, a crawler, is).
        var onlySixtySix = new org.lbsim.cluster.spec.SecurityGroupSpec("lb-sg", List.of(new org.lbsim.cluster.spec.RuleSpec(
                Protocol.TCP, 80, 80, new org.lbsim.cluster.spec.RuleSpec.FromCidr(Cidr.parse("66.0.0.0/8")))));
        var trace = new ArrivalSpec.Trace(SAMPLE, TraceFormat.COMMON, 60, false, 60, new ArrivalSpec.BytesService(0.005, 0));
        Scenario scenario = scenario().duration(5100, 0).client(replay(trace, null))
                .securityGroup(onlySixtySix).balancerGroup("lb-sg")
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE)
                .build();
        RunResult result = new org.lbsim.experiment.Runner(Algorithms.standard()).run(scenario);
        long fromSixtySix = Files.readAllLines(SAMPLE).stream().filter(line -> line.startsWith("66.")).count();
        assertThat(result.requests().offered()).isEqualTo(10_000); // read as common: every line is whole
        assertThat(result.requests().denied()).isEqualTo(10_000 - fromSixtySix);
        assertThat(result.requests().completed()).isEqualTo(fromSixtySix);
    }

    /**
     * Ten million lines, replayed through the whole model: the heap retained after a collection
     * is the same at line one million as at line ten million, within 4 MB (a leak of one byte
     * per line would show 9 MB). The file is 10 million short CSV lines (about 200 MB).
     */
    @Test
    void memoryStaysFlatOverTenMillionLines() throws IOException {
        Path csv = folder.resolve("long.csv");
        long lines = 10_000_000;
        writeLongCsv(csv, lines);
        Scenario scenario = scenario().duration(200, 0)
                .client(replay(trace(csv, TraceFormat.CSV, 1, false), new DistributionSpec.Constant(0.000_01)))
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        simulation.runUntil(10); // one million lines
        long early = retainedHeap();
        simulation.runUntil(200);
        long late = retainedHeap();
        RunResult result = cluster.results(new EngineStats(0, 0, 0));
        assertThat(result.workload().trace().replayed()).isEqualTo(lines);
        assertThat(result.requests().completed()).isEqualTo(lines);
        assertThat(late - early).isLessThan(4L << 20);
    }

    /**
     * {@code lines} CSV lines of 100,000 requests per second of trace, from 65,536 addresses:
     * {@code 12.00345,10.48.57.1}. The digits are written by hand: formatting ten million numbers
     * through {@code String.format} took longer than replaying them.
     */
    private static void writeLongCsv(Path csv, long lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            out.write("time,source\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[32];
            for (long i = 0; i < lines; i++) {
                int at = 0;
                at = digits(line, at, i / 100_000, 1);
                line[at++] = '.';
                at = digits(line, at, i % 100_000, 5);
                line[at++] = ',';
                line[at++] = '1';
                line[at++] = '0';
                line[at++] = '.';
                at = digits(line, at, (i >> 8) & 255, 1);
                line[at++] = '.';
                at = digits(line, at, i & 255, 1);
                line[at++] = '.';
                line[at++] = '1';
                line[at++] = '\n';
                out.write(line, 0, at);
            }
        }
    }

    /** Writes {@code value} in decimal at {@code at}, zero-padded to {@code width}; returns the end. */
    private static int digits(byte[] line, int at, long value, int width) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) length++;
        length = Math.max(length, width);
        for (int i = at + length - 1; i >= at; i--) {
            line[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + length;
    }

    private static long retainedHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
