package org.lbsim.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.metrics.TimeSeries;

/**
 * Turns successive cluster snapshots into the figures of the interval between them, by
 * differences of the cumulative counts. Used for {@code --timeseries} files and by the UI's
 * live charts; one recorder per cluster, fed from the thread that takes the snapshots.
 */
public final class IntervalRecorder {

    private ClusterSnapshot previous;
    private final Map<String, Double> busySeconds = new HashMap<>();

    /** @param first the snapshot the first interval starts at (its call also starts latency tracking) */
    public IntervalRecorder(ClusterSnapshot first) {
        remember(first);
    }

    /** The interval from the previous snapshot to {@code now}. */
    public TimeSeries.Interval next(ClusterSnapshot now) {
        ClusterSnapshot.Totals before = previous.totals();
        ClusterSnapshot.Totals after = now.totals();
        double seconds = now.time() - previous.time();
        List<TimeSeries.ServerSample> servers = now.servers().stream().map(server -> {
            double busy = server.busySeconds() - busySeconds.getOrDefault(server.name(), 0.0);
            double utilization = seconds > 0 ? busy / (seconds * server.workers()) : Double.NaN;
            return new TimeSeries.ServerSample(server.name(), utilization, server.busy() + server.queued(),
                    server.healthyAtBalancer(), server.up());
        }).toList();
        var interval = new TimeSeries.Interval(previous.time(), now.time(), after.sent() - before.sent(),
                after.completed() - before.completed(), after.denied() - before.denied(),
                after.rejected() - before.rejected(), after.failed() - before.failed(),
                after.timedOut() - before.timedOut(), now.recentLatency(), servers);
        remember(now);
        return interval;
    }

    private void remember(ClusterSnapshot snapshot) {
        previous = snapshot;
        snapshot.servers().forEach(server -> busySeconds.put(server.name(), server.busySeconds()));
    }
}
