package org.lbsim.cluster;

import java.util.List;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.Moment;

/**
 * The state of a running cluster at one simulated instant, immutable, for observers on other
 * threads (the UI) and for time series. Counts are cumulative from time 0, warm-up included,
 * so that an observer gets any interval's figures by subtracting two snapshots.
 *
 * @param recentLatency latency of the requests completed since the previous snapshot
 *                      (EMPTY when none, or when the cluster does not track it); its
 *                      distribution is always empty
 * @param moments       what happened when, from time 0, for the charts' markers: an unmodifiable
 *                      list that a later snapshot extends (it is not copied, so a snapshot stays cheap)
 */
public record ClusterSnapshot(
        double time,
        String algorithm,
        Totals totals,
        LatencySummary recentLatency,
        List<ServerState> servers,
        List<GroupState> securityGroups,
        List<Moment> moments) {

    public ClusterSnapshot {
        servers = List.copyOf(servers);
        securityGroups = List.copyOf(securityGroups);
        if (moments == null) throw new NullPointerException("moments");
    }

    /** A snapshot without moments (an observer's own, or a test's). */
    public ClusterSnapshot(double time, String algorithm, Totals totals, LatencySummary recentLatency, List<ServerState> servers,
                           List<GroupState> securityGroups) {
        this(time, algorithm, totals, recentLatency, servers, securityGroups, List.of());
    }

    /** A security group and the connections it has denied since time 0. */
    public record GroupState(String name, long denied) {
    }

    /** Requests since time 0 by what happened to them, and the rate clients send at now. */
    public record Totals(long sent, long denied, long rejected, long failed, long timedOut, long completed, long inSystem) {
    }

    /**
     * One server as it truly is and as the balancer believes it is.
     *
     * @param condition          the truth: up, crash, unreachable, black-hole, slowdown, booting or terminated
     * @param healthyAtBalancer  the balancer's belief, from its health checks
     * @param lost               requests it lost since time 0 (held when it crashed, or sent while down)
     * @param busySeconds        integral of busy workers from time 0 (utilization over an
     *                           interval = difference / (interval × workers))
     */
    public record ServerState(String name, String condition, boolean healthyAtBalancer, int workers, int busy, int queued,
                              int outstanding, long completed, long lost, double busySeconds) {

        /** Fully up: no impairment, booted, not terminated. */
        public boolean up() {
            return "up".equals(condition);
        }
    }
}
