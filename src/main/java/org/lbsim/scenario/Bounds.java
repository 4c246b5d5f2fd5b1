package org.lbsim.scenario;

/**
 * The bounds of the numbers a scenario may hold, each with the reason for it, declared once: the
 * binder checks values against these, problems quote them, and {@code docs/scenario-reference.md}
 * (section "Bounds") lists them. A bound keeps one of three promises: memory stays bounded, the
 * clock keeps advancing (so no run stalls at one instant), and no sum overflows into a wrong
 * answer. Where nothing can go wrong, the bound is a generous multiple of real systems' values,
 * so that a typo (a digit too many) is reported rather than simulated.
 *
 * <p>Sums over the servers (workers, servers, ring points) are computed in {@code long}.
 */
public final class Bounds {

    /**
     * Shortest duration other than 0, in seconds: a microsecond. The clock holds seconds in a
     * double; over a run of {@link #MAX_RUN} it resolves about 4 ns, so a period of a
     * microsecond still advances it by hundreds of steps, and a run can never stall repeating a
     * period that adds nothing to the clock.
     */
    public static final double MIN_DURATION = 1e-6;

    /** Longest duration anywhere, in seconds: 1,000 years, beyond a disk's MTBF of about 140 years. */
    public static final double MAX_DURATION = 1000 * 365 * 86_400.0;

    /** Longest simulated run, in seconds: a year. Beyond it the clock resolves times coarser than a microsecond. */
    public static final double MAX_RUN = 365 * 86_400.0;

    /**
     * Highest rate, per second: ten million. The gap between arrivals (0.1 µs) stays far above
     * the clock's resolution over a year, and a second of simulated time already costs a second
     * or more of computing at lbsim's ~5-10 million events per second.
     */
    public static final double MAX_RATE = 10_000_000;

    /**
     * Most workers of one server: 100,000, ten times the C10k problem's connections. Each worker
     * is a slot in the server's arrays.
     */
    public static final int MAX_WORKERS = 100_000;

    /** Most workers of all servers together, counting every server a run may add: ten million slots, ~120 MB. */
    public static final long MAX_TOTAL_WORKERS = 10_000_000;

    /** Highest weight of a server: 256, as HAProxy's weights (0 to 256). */
    public static final int MAX_WEIGHT = 256;

    /** Most replicas one server entry expands into with {@code count}. */
    public static final int MAX_COUNT = 1000;

    /**
     * Most servers a run may hold: the expanded {@code servers:}, one per {@code add-server}
     * event and autoscaling's {@code max}: 10,000, the largest cluster docs/performance.md gives figures for.
     */
    public static final int MAX_SERVERS = 10_000;

    /** Slowest and fastest server speed: a factor of a thousand either way of the reference instance. */
    public static final double MIN_SPEED = 0.001;
    public static final double MAX_SPEED = 1000;

    /** Highest cost of an instance per hour (any currency): the largest cloud instances cost a few hundred dollars. */
    public static final double MAX_COST_PER_HOUR = 1_000_000;

    /** Highest weight of a request class in a mix (weights are relative; the sum stays finite). */
    public static final double MAX_CLASS_WEIGHT = 1_000_000;

    /**
     * Highest count of consecutive events a threshold may wait for (health-check thresholds,
     * {@code consecutive5xx}, {@code maxFails}, {@code minConcurrency}): a million. AWS allows 2 to
     * 10 health checks; a threshold no run can reach is a typo.
     */
    public static final int MAX_THRESHOLD = 1_000_000;

    /**
     * Highest {@code maxRequestsInSystem}: a hundred million. Each request held takes about 100
     * bytes, so the default of ten million needs about a gigabyte and this about ten (raise the
     * heap with -Xmx to match); beyond it the cap would no longer stop a run before memory runs out.
     */
    public static final long MAX_REQUESTS_IN_SYSTEM = 100_000_000L;

    /** Most closed-loop users of one client: each is an object in memory; ten million fit in a default heap. */
    public static final int MAX_USERS = 10_000_000;

    /** Most phases of an Erlang distribution: at 1,000 its cv is 0.03, use constant beyond. */
    public static final int MAX_PHASES = 1000;

    /**
     * Coefficients of variation of a lognormal distribution, from 0.001 to 100 (a
     * hyperexponential's from 1): the square enters the parameters, so far beyond a sample is
     * infinite or zero, and below 0.001 the spread is lost to rounding (at 1e-200 the lognormal's
     * σ is 0 and Commons Math refuses it). Use a constant below.
     */
    public static final double MIN_CV = 0.001;
    public static final double MAX_CV = 100;

    /** Highest Pareto tail index: at 100 the tail is lighter than any measured workload's. */
    public static final double MAX_ALPHA = 100;

    /**
     * Weibull shapes, from 0.1 to 100. Below 0.1 the mean Γ(1 + 1/k) times the scale is carried by
     * draws far beyond any simulated time (at 0.005 it overflows, and Commons Math refuses the
     * scale of a Weibull whose mean is an MTBF); above 100 the distribution is a constant within
     * 1.3%. Failure and service data lie between about 0.5 and 5.
     */
    public static final double MIN_SHAPE = 0.1;
    public static final double MAX_SHAPE = 100;

    private Bounds() {
    }
}
