package org.lbsim.metrics;

import java.util.List;

/**
 * A run sampled at a fixed interval from time 0, warm-up included: what happened in each
 * interval, and each server's state at its end.
 */
public record TimeSeries(double interval, List<String> servers, List<Interval> intervals) {

    public TimeSeries {
        servers = List.copyOf(servers);
        intervals = List.copyOf(intervals);
    }

    /**
     * One sample interval [start, end).
     *
     * @param arrivals requests clients sent in the interval
     * @param latency  of the requests completed in the interval
     */
    public record Interval(double start, double end, long arrivals, long completed, long denied, long rejected,
                           long failed, long timedOut, LatencySummary latency, List<ServerSample> servers) {
        public Interval {
            servers = List.copyOf(servers);
        }

        public double seconds() {
            return end - start;
        }

        /** Requests that ended badly: denied, rejected, failed or timed out. */
        public long errors() {
            return denied + rejected + failed + timedOut;
        }
    }

    /**
     * One server over an interval.
     *
     * @param utilization        busy workers / workers, averaged over the interval
     * @param inSystem           requests in service or waiting at the interval's end
     * @param healthyAtBalancer  the balancer's belief at the interval's end, from its health checks
     * @param up                 the truth at the interval's end
     */
    public record ServerSample(String name, double utilization, int inSystem, boolean healthyAtBalancer, boolean up) {
    }
}
