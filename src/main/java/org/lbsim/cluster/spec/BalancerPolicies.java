package org.lbsim.cluster.spec;

/**
 * How the balancer treats failing backends and changing membership, beyond active checks.
 *
 * @param retries             extra attempts on another backend after a connection failure
 *                            (refused or timed out), like NGINX {@code proxy_next_upstream error
 *                            timeout} with {@code proxy_next_upstream_tries}; 0 for none
 * @param retryBudgetPercent  retries in flight may be at most this percent of requests in flight
 *                            (Envoy {@code retry_budget.budget_percent})...
 * @param retryMinConcurrency ...but at least this many (Envoy {@code min_retry_concurrency})
 * @param outlierDetection    passive checks, or null for none
 * @param deregistrationDelay seconds a removed instance keeps serving what it holds (AWS default 300 s)
 * @param slowStart           seconds over which a backend that becomes healthy ramps up its share; 0 for off
 * @param connectTimeout      seconds before a connection to an unreachable backend fails (ALB: 10 s)
 * @param maxFails            NGINX's passive checks ({@code max_fails}, {@code fail_timeout}), or null for none
 * @param minimumHealthyTargets the healthy-instance minimum: results report the time spent below it
 *                            (AWS target-group health requirement {@code minimum_healthy_targets.count})
 * @param stickiness          sticky sessions, or null for none
 */
public record BalancerPolicies(
        int retries,
        double retryBudgetPercent,
        int retryMinConcurrency,
        OutlierDetectionSpec outlierDetection,
        double deregistrationDelay,
        double slowStart,
        double connectTimeout,
        int minimumHealthyTargets,
        MaxFailsSpec maxFails,
        StickinessSpec stickiness) {

    public static final BalancerPolicies DEFAULTS = new BalancerPolicies(0, 20, 3, null, 300, 0, 10, 1, null, null);

    /** Policies without sticky sessions. */
    public BalancerPolicies(int retries, double retryBudgetPercent, int retryMinConcurrency,
                            OutlierDetectionSpec outlierDetection, double deregistrationDelay, double slowStart,
                            double connectTimeout, int minimumHealthyTargets, MaxFailsSpec maxFails) {
        this(retries, retryBudgetPercent, retryMinConcurrency, outlierDetection, deregistrationDelay, slowStart,
                connectTimeout, minimumHealthyTargets, maxFails, null);
    }

    /** These policies with sticky sessions. */
    public BalancerPolicies withStickiness(StickinessSpec newStickiness) {
        return new BalancerPolicies(retries, retryBudgetPercent, retryMinConcurrency, outlierDetection,
                deregistrationDelay, slowStart, connectTimeout, minimumHealthyTargets, maxFails, newStickiness);
    }

    /** Policies with a healthy-instance minimum and no NGINX-style passive checks. */
    public BalancerPolicies(int retries, double retryBudgetPercent, int retryMinConcurrency,
                            OutlierDetectionSpec outlierDetection, double deregistrationDelay, double slowStart,
                            double connectTimeout, int minimumHealthyTargets) {
        this(retries, retryBudgetPercent, retryMinConcurrency, outlierDetection, deregistrationDelay, slowStart,
                connectTimeout, minimumHealthyTargets, null);
    }

    /** Policies with the default healthy-instance minimum of 1. */
    public BalancerPolicies(int retries, double retryBudgetPercent, int retryMinConcurrency,
                            OutlierDetectionSpec outlierDetection, double deregistrationDelay, double slowStart,
                            double connectTimeout) {
        this(retries, retryBudgetPercent, retryMinConcurrency, outlierDetection, deregistrationDelay, slowStart,
                connectTimeout, 1);
    }

    public BalancerPolicies {
        if (retries < 0) throw new IllegalArgumentException("retries must be at least 0");
        if (!(retryBudgetPercent >= 0) || retryBudgetPercent > 100) throw new IllegalArgumentException("retry budget percent must be 0-100");
        if (retryMinConcurrency < 0) throw new IllegalArgumentException("minimum retry concurrency must be at least 0");
        if (!(deregistrationDelay >= 0)) throw new IllegalArgumentException("deregistrationDelay must be at least 0");
        if (!(slowStart >= 0)) throw new IllegalArgumentException("slowStart must be at least 0");
        if (!(connectTimeout > 0)) throw new IllegalArgumentException("connectTimeout must be positive");
        if (minimumHealthyTargets < 0) throw new IllegalArgumentException("minimumHealthyTargets must be at least 0");
    }

    /**
     * Sticky sessions with a balancer-generated cookie, as an AWS ALB's duration-based stickiness:
     * a session's first request goes where the algorithm says and the answer carries a cookie
     * naming that instance; later requests go to it while it is available. The balancer sets the
     * cookie again in every answer, so a session ends after {@code duration} without requests.
     * When the instance is unhealthy, draining or gone, the balancer picks another and re-pins
     * the session: the session is broken (what the instance held for it is lost).
     */
    public record StickinessSpec(double duration) {
        public StickinessSpec {
            if (!(duration > 0)) throw new IllegalArgumentException("the stickiness duration must be positive");
        }
    }

    /**
     * NGINX's passive checks: {@code maxFails} failed attempts (connection refused or timed out,
     * NGINX's default {@code proxy_next_upstream error timeout}) within {@code failTimeout} make the
     * server unavailable for {@code failTimeout}. NGINX's defaults are 1 and 10 s.
     */
    public record MaxFailsSpec(int maxFails, double failTimeout) {
        public MaxFailsSpec {
            if (maxFails < 1) throw new IllegalArgumentException("maxFails must be at least 1");
            if (!(failTimeout > 0)) throw new IllegalArgumentException("failTimeout must be positive");
        }
    }

    /**
     * Envoy's outlier detection by consecutive errors: after {@code consecutive5xx} errors or
     * connection failures in a row a backend is ejected for {@code baseEjectionTime} × the number
     * of times it has been ejected (at most 300 s), unless {@code maxEjectionPercent} of the
     * backends are ejected already (at least one may always be).
     */
    public record OutlierDetectionSpec(int consecutive5xx, double interval, double baseEjectionTime,
                                       double maxEjectionPercent) {
        public OutlierDetectionSpec {
            if (consecutive5xx < 1) throw new IllegalArgumentException("consecutive5xx must be at least 1");
            if (!(interval > 0) || !(baseEjectionTime > 0)) throw new IllegalArgumentException("times must be positive");
            if (!(maxEjectionPercent >= 0) || maxEjectionPercent > 100) throw new IllegalArgumentException("maxEjectionPercent must be 0-100");
        }
    }
}
