package org.lbsim.report;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.metrics.TimeSeries;

/**
 * A run's time series as CSV, one row per sample interval: times and latencies in seconds,
 * counts of the interval's requests, and per server its utilization over the interval, the
 * requests it held at the end, and 1/0 for whether the balancer believed it healthy and
 * whether it was truly up.
 */
public final class TimeSeriesCsv {

    private TimeSeriesCsv() {
    }

    public static String render(TimeSeries series) {
        List<String> header = new ArrayList<>(List.of("start", "end", "arrivals", "completed", "denied", "rejected",
                "failed", "timedOut", "latencyMean", "latencyP50", "latencyP95", "latencyP99"));
        for (String server : series.servers()) {
            header.addAll(List.of(server + ".utilization", server + ".inSystem", server + ".healthyAtBalancer",
                    server + ".up"));
        }
        StringBuilder out = new StringBuilder(Csv.row(header));
        for (TimeSeries.Interval interval : series.intervals()) {
            List<String> row = new ArrayList<>(List.of(Csv.number(interval.start()), Csv.number(interval.end()),
                    Long.toString(interval.arrivals()), Long.toString(interval.completed()),
                    Long.toString(interval.denied()), Long.toString(interval.rejected()),
                    Long.toString(interval.failed()), Long.toString(interval.timedOut()),
                    Csv.number(interval.latency().mean()), Csv.number(interval.latency().p50()),
                    Csv.number(interval.latency().p95()), Csv.number(interval.latency().p99())));
            // Servers by name: the order of a sample may differ from the header's once servers come and go.
            for (String server : series.servers()) {
                interval.servers().stream().filter(s -> s.name().equals(server)).findFirst().ifPresentOrElse(
                        sample -> row.addAll(List.of(Csv.number(sample.utilization()), Integer.toString(sample.inSystem()),
                                sample.healthyAtBalancer() ? "1" : "0", sample.up() ? "1" : "0")),
                        () -> row.addAll(List.of("", "", "", "")));
            }
            out.append(Csv.row(row));
        }
        return out.toString();
    }
}
