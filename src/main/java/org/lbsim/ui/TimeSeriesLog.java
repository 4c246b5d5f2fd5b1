package org.lbsim.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.lbsim.cluster.ClusterSnapshot;

/**
 * The rows behind the live charts, kept for export as CSV: one row per interval the UI saw,
 * the most recent {@value #CAPACITY} of them (memory stays bounded in a long lesson).
 */
final class TimeSeriesLog {

    static final int CAPACITY = 100_000;

    private record Row(ClusterSnapshot snapshot, Interval interval) {
    }

    private final ArrayDeque<Row> rows = new ArrayDeque<>();

    void add(ClusterSnapshot snapshot, Interval interval) {
        if (rows.size() == CAPACITY) rows.removeFirst();
        rows.addLast(new Row(snapshot, interval));
    }

    void clear() {
        rows.clear();
    }

    int size() {
        return rows.size();
    }

    void write(Path file, List<String> servers) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder("time,sentPerSecond,completedPerSecond,deniedPerSecond,"
                    + "rejectedPerSecond,failedPerSecond,timedOutPerSecond,latencyP50,latencyP95,latencyP99");
            for (String server : servers) {
                header.append(',').append(server).append(".utilization,").append(server).append(".inSystem,")
                        .append(server).append(".up,").append(server).append(".healthyAtBalancer");
            }
            out.write(header.append('\n').toString());
            for (Row row : rows) out.write(format(row) + "\n");
        }
    }

    private static String format(Row row) {
        Interval i = row.interval;
        var latency = row.snapshot.recentLatency();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.6f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%s,%s,%s",
                row.snapshot.time(), i.sent(), i.completed(), i.denied(), i.rejected(), i.failed(), i.timedOut(),
                number(latency.p50()), number(latency.p95()), number(latency.p99())));
        for (int s = 0; s < row.snapshot.servers().size(); s++) {
            var server = row.snapshot.servers().get(s);
            line.append(String.format(Locale.ROOT, ",%.4f,%d,%d,%d", i.utilization()[s], server.busy() + server.queued(),
                    server.up() ? 1 : 0, server.healthyAtBalancer() ? 1 : 0));
        }
        return line.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }
}
