package org.lbsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.metrics.BalancerResult;
import org.lbsim.metrics.CostResult;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.ScalingResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.TraceResult;
import org.lbsim.metrics.WorkloadResult;

/** The summary's words: a count of one in the singular, and what did not happen said in words. */
class SummaryTableTest {

    private static RunResult result(long retried, BalancerResult balancer, List<FailureRecord> failures, TraceResult trace) {
        return new RunResult("test", "round-robin", 1, 60, new RequestCounts(10, 0, 0, 1, 0, 9, 0, retried),
                LatencySummary.EMPTY, 0.15, 0.9, List.of(new ServerResult("web", 0.1, 9, 0.1, 1.0)), List.of(), List.of(),
                balancer, failures, new ScalingResult(0, 0, 1, 1), new CostResult(0, 0, 0),
                new WorkloadResult(List.of(), null, trace), new EngineStats(0, 0, 0), List.of());
    }

    @Test
    void aCountOfOneIsSingular() {
        String one = SummaryTable.render(result(1, new BalancerResult(1, 1, 0, 12.5, 0),
                List.of(new FailureRecord("web", "crash", 10, 12.5, 40, 1)), new TraceResult(1, 1, 0, 0, List.of())), 0);
        assertThat(one).contains("  (1 retry on another backend)", "balancer: 1 health check, 1 marked down, 0 marked up, "
                + "mean detection 12.5 s", "  web crash at 10.0 s, noticed after 12.5 s, over at 40.0 s, 1 request lost",
                "trace: 1 line, 1 replayed");
        String several = SummaryTable.render(result(2, new BalancerResult(2_000, 2, 1, 12.5, 0),
                List.of(new FailureRecord("web", "crash", 10, 12.5, 40, 1_234)), new TraceResult(3, 2, 1, 0, List.of())), 0);
        assertThat(several).contains("  (2 retries on another backend)", "balancer: 2,000 health checks,",
                "1,234 requests lost", "trace: 3 lines, 2 replayed");
    }

    @Test
    void anOutageNotNoticedOrNotOverSaysSoInWords() {
        List<FailureRecord> failures = List.of(
                new FailureRecord("web-1", "crash", 10, Double.NaN, 15, 3),
                new FailureRecord("web-2", "black-hole", 20, Double.NaN, Double.NaN, 40),
                new FailureRecord("web-3", "crash", 30, 22.5, Double.NaN, 7));
        String text = SummaryTable.render(result(0, new BalancerResult(12, 1, 0, 22.5, 0), failures, null), 0);
        assertThat(text).contains("  web-1 crash at 10.0 s, not noticed before it was over at 15.0 s, 3 requests lost",
                "  web-2 black-hole at 20.0 s, neither noticed nor over by the end of the run, 40 requests lost",
                "  web-3 crash at 30.0 s, noticed after 22.5 s, not over by the end of the run, 7 requests lost")
                .doesNotContain("never");
    }

    @Test
    void noMeanDetectionWhenNothingWasDetected() {
        String text = SummaryTable.render(result(0, new BalancerResult(12, 0, 0, Double.NaN, 0),
                List.of(new FailureRecord("web", "black-hole", 10, Double.NaN, 20, 5)), null), 0);
        assertThat(text).contains("balancer: 12 health checks, 0 marked down, 0 marked up\n").doesNotContain("never");
    }
}
