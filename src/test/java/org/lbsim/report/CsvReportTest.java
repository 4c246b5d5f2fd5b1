package org.lbsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Progress;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.support.TestScenarios;

/** The CSV files parse with a standard reader, one row per point, one column per variable. */
class CsvReportTest {

    private final Experiments experiments = new Experiments(Algorithms.standard(), 2, Progress.NONE);

    private static Scenario scenario(double rate) {
        return TestScenarios.scenario().duration(300, 30).poissonClient("users", rate, 1.0)
                .server("s1", 1, 50).server("s2", 1, 50).build();
    }

    private static List<Map<String, String>> read(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    @Test
    void aSweepHasOneRowPerPointAndAlgorithm() throws Exception {
        List<Experiments.Point> points = List.of(
                new Experiments.Point(Map.of("clients.users.arrivals.rate", "0.5/s"), scenario(0.5)),
                new Experiments.Point(Map.of("clients.users.arrivals.rate", "1.5/s"), scenario(1.5)));
        List<Replicated> results = experiments.sweep(points, List.of("round-robin", "random"), 3);

        List<Map<String, String>> rows = read(CsvReport.render(results));

        assertThat(rows).hasSize(4);
        assertThat(rows).extracting(row -> row.get("algorithm")).containsExactly("round-robin", "random", "round-robin", "random");
        assertThat(rows.get(2)).containsEntry("clients.users.arrivals.rate", "1.5/s").containsEntry("replications", "3");
        for (Metric metric : Metric.STANDARD) {
            assertThat(rows.get(0)).containsKeys(metric.name() + ".mean", metric.name() + ".halfWidth95");
        }
        assertThat(Double.parseDouble(rows.get(3).get("latency.mean.mean")))
                .isEqualTo(results.get(3).estimate(Metric.find("latency.mean").orElseThrow()).mean());
    }

    @Test
    void aComparisonAddsThePairedDifferences() throws Exception {
        List<Replicated> results = experiments.compare(scenario(1.5), List.of("round-robin", "least-connections"), 3);
        List<Map<String, String>> rows = read(CsvReport.render(results));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("versus", "").containsEntry("latency.p99.difference", "");
        assertThat(rows.get(1)).containsEntry("versus", "round-robin");
        assertThat(Double.parseDouble(rows.get(1).get("latency.p99.differenceHalfWidth95"))).isPositive();
    }

    @Test
    void aTimeSeriesHasOneRowPerIntervalAndColumnsPerServer() throws Exception {
        Runner.SampledRun run = new Runner(Algorithms.standard()).run(scenario(1.5), 10);
        List<Map<String, String>> rows = read(TimeSeriesCsv.render(run.series()));
        assertThat(rows).hasSize(30);
        assertThat(rows.get(0)).containsKeys("start", "end", "arrivals", "completed", "denied", "rejected", "failed",
                "timedOut", "latencyP50", "latencyP95", "latencyP99", "s1.utilization", "s1.inSystem",
                "s1.healthyAtBalancer", "s2.up");
        long arrivals = rows.stream().mapToLong(row -> Long.parseLong(row.get("arrivals"))).sum();
        assertThat(arrivals).isBetween(400L, 500L);
        // Differences of cumulative busy time: exact up to rounding.
        assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row.get("s1.utilization"))).isBetween(0.0, 1 + 1e-9));
        assertThat(rows.get(29).get("end")).isEqualTo("300.0");
    }
}
