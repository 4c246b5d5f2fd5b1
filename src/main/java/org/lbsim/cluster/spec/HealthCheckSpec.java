package org.lbsim.cluster.spec;

/**
 * Active health checks, with AWS target-group semantics: every {@code interval} the balancer
 * probes each backend on {@code port}; no answer within {@code timeout} is a failure;
 * {@code unhealthyThreshold} consecutive failures mark a healthy backend down and
 * {@code healthyThreshold} consecutive passes bring an unhealthy one back.
 *
 * @param inBand when true a probe is a small request ({@code probeWork} seconds of work) that
 *               waits in the instance's queue like any other, so an overloaded instance can
 *               fail its checks and flap; when false the instance answers probes at once
 */
public record HealthCheckSpec(int port, double interval, double timeout, int healthyThreshold, int unhealthyThreshold,
                              boolean inBand, double probeWork) {

    /** Out-of-band checks: an up, reachable instance answers at once. */
    public HealthCheckSpec(int port, double interval, double timeout, int healthyThreshold, int unhealthyThreshold) {
        this(port, interval, timeout, healthyThreshold, unhealthyThreshold, false, DEFAULT_PROBE_WORK);
    }

    /** Work of an in-band probe: a health endpoint is cheap, 1 ms at speed 1.0. */
    public static final double DEFAULT_PROBE_WORK = 0.001;

    /** AWS ALB target-group defaults, used for omitted keys. */
    public static final double DEFAULT_INTERVAL = 30;
    public static final double DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_HEALTHY_THRESHOLD = 5;
    public static final int DEFAULT_UNHEALTHY_THRESHOLD = 2;

    public HealthCheckSpec {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1-65535");
        if (!(interval > 0)) throw new IllegalArgumentException("interval must be positive");
        if (!(timeout > 0) || timeout >= interval) throw new IllegalArgumentException("timeout must be positive and shorter than the interval");
        if (healthyThreshold < 1 || unhealthyThreshold < 1) throw new IllegalArgumentException("thresholds must be at least 1");
        if (!(probeWork > 0)) throw new IllegalArgumentException("probeWork must be positive");
    }
}
