package org.lbsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.metrics.BalancerResult;
import org.lbsim.metrics.CostResult;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.ScalingResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.WorkloadResult;

/** How an estimate reads in the experiment tables. */
class ExperimentTableTest {

    private static final Metric THROUGHPUT = Metric.find("throughput").orElseThrow();
    private static final Metric AVAILABILITY = Metric.find("availability").orElseThrow();
    private static final Metric REJECTED = Metric.find("requests.rejected").orElseThrow();
    private static final Metric LATENCY = Metric.find("latency.mean").orElseThrow();

    @Test
    void bothRoundedToTheHalfWidthsSecondSignificantDigit() {
        assertThat(ExperimentTable.format(new Estimate(0.047612, 0.0095, 3), LATENCY)).isEqualTo("47.6 ± 9.5");
        assertThat(ExperimentTable.format(new Estimate(0.005393, 0.000023, 3), LATENCY)).isEqualTo("5.393 ± 0.023");
    }

    @Test
    void theSameValueInEveryReplicationShowsWithItsOwnDigitsAndNoWidth() {
        // What a replayed trace gives: the same requests, so the same throughput, in every replication.
        double throughput = 10_000 / 5100.4;
        Estimate same = Estimate.of(new double[] {throughput, throughput, throughput, throughput, throughput, throughput, throughput});
        assertThat(same.halfWidth95()).isZero();
        assertThat(same.mean()).isEqualTo(throughput);
        assertThat(ExperimentTable.format(same, THROUGHPUT)).isEqualTo("1.96063 ± 0");
        assertThat(ExperimentTable.format(Estimate.of(new double[] {1, 1, 1}), AVAILABILITY)).isEqualTo("100 ± 0");
        assertThat(ExperimentTable.format(Estimate.of(new double[] {0, 0, 0}), REJECTED)).isEqualTo("0 ± 0");
        assertThat(ExperimentTable.format(Estimate.of(new double[] {1234, 1234}), REJECTED)).isEqualTo("1234 ± 0");
    }

    @Test
    void aHalfWidthTooSmallForSixDecimalsIsABoundNotZero() {
        assertThat(ExperimentTable.format(new Estimate(1.9605882, 1e-9, 5), THROUGHPUT)).isEqualTo("1.960588 ± <0.000001");
    }

    @Test
    void oneReplicationShowsAWholeNumberAsOne() {
        assertThat(ExperimentTable.format(Estimate.of(new double[] {12}), REJECTED)).isEqualTo("12");
        assertThat(ExperimentTable.format(Estimate.of(new double[] {0.04761}), LATENCY)).isEqualTo("47.61");
    }

    @Test
    void countsInTheHeadersAreSingularForOne() {
        Replicated one = Replicated.of("round-robin", Map.of(), List.of(run("round-robin", 3)), List.of());
        assertThat(ExperimentTable.replicated(one)).startsWith("test — round-robin, 1 replication (seeds derived from 1), ");
        assertThat(ExperimentTable.sweep(List.of(one))).startsWith("test — sweep of 1 configuration, 1 replication each, ");
        Replicated two = Replicated.of("round-robin", Map.of(), List.of(run("round-robin", 3), run("round-robin", 4)), List.of());
        assertThat(ExperimentTable.replicated(two)).startsWith("test — round-robin, 2 replications (");
    }

    @Test
    void aDifferenceOfZeroInEveryReplicationHasNoSign() {
        Replicated first = Replicated.of("round-robin", Map.of(), List.of(run("round-robin", 3), run("round-robin", 4)), List.of());
        Replicated second = Replicated.of("random", Map.of(), List.of(run("random", 3), run("random", 5)), List.of())
                .versus(first);
        String table = ExperimentTable.comparison(List.of(first, second));
        assertThat(table).startsWith("test — 2 algorithms, 2 replications each on common random numbers")
                .containsPattern("\nrejected \\(requests\\) +0 ± 0\n")    // the same in both: 0 every time
                .containsPattern("\nfailed \\(requests\\) +\\+0\\.5 ± 6\\.4\n");
    }

    private static RunResult run(String algorithm, long failed) {
        return new RunResult("test", algorithm, 1, 60, new RequestCounts(10, 0, 0, failed, 0, 10 - failed, 0),
                LatencySummary.EMPTY, 0.15, 0.9, List.of(new ServerResult("web", 0.1, 9, 0.1, 1.0)), List.of(), List.of(),
                new BalancerResult(1, 0, 0, Double.NaN, 0), List.of(), new ScalingResult(0, 0, 1, 1), new CostResult(0, 0, 0),
                WorkloadResult.NONE, new EngineStats(0, 0, 0), List.of());
    }
}
