package org.lbsim.scenario;

import java.util.List;
import org.lbsim.cluster.spec.BalancerPolicies;

/** Binds the balancer's policies: retries and their budget, passive checks, draining, slow start, timeouts. */
final class PoliciesBinder {

    private static final BalancerPolicies D = BalancerPolicies.DEFAULTS;

    static final Key<Integer> RETRIES = Key.optional("retries",
            new ValueRule.Int(0, 10, "a whole number of retries from 0 to 10"), D.retries(), "0",
            "extra attempts on another backend after a connection failure");
    static final Key<Double> PERCENT = Key.optional("percent",
            ValueRule.Decimal.closed(0, 100, "a percentage from 0 to 100"), D.retryBudgetPercent(), "20",
            "retries in flight may be at most this percentage of the requests in flight");
    static final Key<Integer> MIN_CONCURRENCY = Key.optional("minConcurrency",
            new ValueRule.Int(0, Bounds.MAX_THRESHOLD, "a whole number from 0 to 1,000,000"), D.retryMinConcurrency(), "3",
            "but always at least this many");
    static final MapRule RETRY_BUDGET = MapRule.of("Envoy's retry budget", PERCENT, MIN_CONCURRENCY);

    static final Key<Integer> CONSECUTIVE_5XX = Key.optional("consecutive5xx",
            new ValueRule.Int(1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE), 5, "5",
            "errors in a row that eject a backend");
    static final Key<Double> OUTLIER_INTERVAL = Key.optional("interval",
            ValueRule.Duration.positive(Values.POSITIVE_DURATION), 10.0, "10s", "Envoy's sweep interval");
    static final Key<Double> BASE_EJECTION_TIME = Key.optional("baseEjectionTime",
            ValueRule.Duration.positive(Values.POSITIVE_DURATION), 30.0, "30s",
            "an ejection lasts this times the number of ejections, at most 300 s");
    static final Key<Double> MAX_EJECTION_PERCENT = Key.optional("maxEjectionPercent",
            ValueRule.Decimal.closed(0, 100, "a percentage from 0 to 100"), 10.0, "10",
            "at most this share of the backends ejected at once");
    static final MapRule OUTLIER_DETECTION = MapRule.of("passive checks (Envoy outlier detection by consecutive errors)",
            CONSECUTIVE_5XX, OUTLIER_INTERVAL, BASE_EJECTION_TIME, MAX_EJECTION_PERCENT);

    static final Key<Integer> MAX_FAILS_COUNT = Key.optional("maxFails",
            new ValueRule.Int(1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE), 1, "1",
            "connection failures within failTimeout that make a backend unavailable");
    static final Key<Double> FAIL_TIMEOUT = Key.optional("failTimeout",
            ValueRule.Duration.positive(Values.POSITIVE_DURATION), 10.0, "10s", "the window, and how long it stays unavailable");
    static final MapRule MAX_FAILS = MapRule.of("NGINX passive checks", MAX_FAILS_COUNT, FAIL_TIMEOUT);

    static final Key<String> STICKINESS_TYPE = Key.required("type", new ValueRule.Choice(List.of("cookie")), "cookie",
            "a balancer cookie");
    static final Key<Double> STICKINESS_DURATION = Key.optional("duration",
            ValueRule.Duration.positive(Values.POSITIVE_DURATION), 86400.0, "1d", "a session ends after this long without requests");
    static final MapRule STICKINESS = MapRule.of("sticky sessions with a balancer cookie", STICKINESS_TYPE,
            STICKINESS_DURATION);

    /** The balancer's keys for its policies, in the order of {@link BalancerBinder#BALANCER}. */
    static final List<Key<?>> KEYS = List.of(RETRIES,
            Key.described("retryBudget", new ValueRule.Section(RETRY_BUDGET), false,
                    "retries in flight at most percent% of requests in flight, at least minConcurrency"),
            Key.described("outlierDetection", new ValueRule.Section(OUTLIER_DETECTION), false,
                    "passive checks by consecutive errors; none by default"),
            Key.optional("deregistrationDelay", ValueRule.Duration.atLeastZero("a duration of 0 or more such as 300s"),
                    D.deregistrationDelay(), "300s", "a removed instance drains for up to this long"),
            Key.optional("slowStart", ValueRule.Duration.atLeastZero("a duration of 0 (off) or more such as 30s"),
                    D.slowStart(), "0s", "a backend back in service has its weight ramped up over this time"),
            Key.optional("connectTimeout", ValueRule.Duration.positive(Values.POSITIVE_DURATION), D.connectTimeout(),
                    "10s", "how long a connection to an unreachable backend hangs before failing"),
            Key.optional("minimumHealthyTargets", new ValueRule.Int(0, Bounds.MAX_SERVERS,
                    "a whole number from 0 to 10,000"), D.minimumHealthyTargets(), "1", "the healthy-instance minimum"),
            Key.described("maxFails", new ValueRule.Section(MAX_FAILS), false, "NGINX passive checks; none by default"),
            Key.described("stickiness", new ValueRule.Section(STICKINESS), false, "sticky sessions; none by default"));

    @SuppressWarnings("unchecked")
    private static <T> Key<T> key(String name) {
        return (Key<T>) KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    PoliciesBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    /** Retries, passive checks, draining and slow start, with the defaults of {@link BalancerPolicies#DEFAULTS}. */
    BalancerPolicies policies(Fields f) {
        int before = problems.count();
        BalancerPolicies d = BalancerPolicies.DEFAULTS;
        Integer retries = binding.optional(f, RETRIES);
        Double budgetPercent = d.retryBudgetPercent();
        Integer minConcurrency = d.retryMinConcurrency();
        Node budgetNode = f.get("retryBudget");
        if (budgetNode != null) {
            Fields b = Fields.of(budgetNode, f.pathOf("retryBudget"), "a map {percent, minConcurrency}", problems);
            b.allowOnly(RETRY_BUDGET.names());
            budgetPercent = binding.optional(b, PERCENT);
            minConcurrency = binding.optional(b, MIN_CONCURRENCY);
        }
        BalancerPolicies.OutlierDetectionSpec outliers = null;
        Node outlierNode = f.get("outlierDetection");
        if (outlierNode != null) {
            Fields o = Fields.of(outlierNode, f.pathOf("outlierDetection"),
                    "a map {consecutive5xx, interval, baseEjectionTime, maxEjectionPercent}", problems);
            o.allowOnly(OUTLIER_DETECTION.names());
            Integer consecutive = binding.optional(o, CONSECUTIVE_5XX);
            Double interval = binding.optional(o, OUTLIER_INTERVAL);
            Double ejection = binding.optional(o, BASE_EJECTION_TIME);
            Double maxPercent = binding.optional(o, MAX_EJECTION_PERCENT);
            if (problems.count() == before) {
                outliers = problems.construct(o.location(), f.pathOf("outlierDetection"),
                        () -> new BalancerPolicies.OutlierDetectionSpec(consecutive, interval, ejection, maxPercent));
            }
        }
        Double deregistration = binding.optional(f, PoliciesBinder.<Double>key("deregistrationDelay"));
        Double slowStart = binding.optional(f, PoliciesBinder.<Double>key("slowStart"));
        Double connectTimeout = binding.optional(f, PoliciesBinder.<Double>key("connectTimeout"));
        BalancerPolicies.MaxFailsSpec maxFails = null;
        Node maxFailsNode = f.get("maxFails");
        if (maxFailsNode != null) {
            Fields m = Fields.of(maxFailsNode, f.pathOf("maxFails"), "a map {maxFails, failTimeout}", problems);
            m.allowOnly(MAX_FAILS.names());
            Integer count = binding.optional(m, MAX_FAILS_COUNT);
            Double window = binding.optional(m, FAIL_TIMEOUT);
            if (count != null && window != null) maxFails = new BalancerPolicies.MaxFailsSpec(count, window);
        }
        BalancerPolicies.StickinessSpec stickiness = stickiness(f);
        Integer minimumHealthy = binding.optional(f, PoliciesBinder.<Integer>key("minimumHealthyTargets"));
        if (problems.count() > before) return d;
        var outlierSpec = outliers;
        var maxFailsSpec = maxFails;
        var percent = budgetPercent;
        var minimum = minConcurrency;
        return problems.construct(f.location(), "balancer", () -> new BalancerPolicies(retries, percent, minimum,
                outlierSpec, deregistration, slowStart, connectTimeout, minimumHealthy, maxFailsSpec, stickiness));
    }

    /** {@code stickiness: {type: cookie, duration: 1h}}; the duration defaults to ALB's one day. */
    private BalancerPolicies.StickinessSpec stickiness(Fields f) {
        Node node = f.get("stickiness");
        if (node == null) return null;
        int before = problems.count();
        Fields s = Fields.of(node, f.pathOf("stickiness"), "a map such as {type: cookie, duration: 1h}", problems);
        s.allowOnly(STICKINESS.names());
        binding.require(s, STICKINESS_TYPE);
        Double duration = binding.optional(s, STICKINESS_DURATION);
        if (problems.count() > before) return null;
        return new BalancerPolicies.StickinessSpec(duration);
    }
}
