package org.lbsim.scenario;

import java.util.List;
import org.lbsim.cluster.spec.BalancerPolicies;

/** Binds the balancer's policies: retries and their budget, passive checks, draining, slow start, timeouts. */
final class PoliciesBinder {

    static final List<String> STICKINESS_KEYS = List.of("type", "duration");
    static final List<String> RETRY_BUDGET_KEYS = List.of("percent", "minConcurrency");
    static final List<String> OUTLIER_KEYS =
            List.of("consecutive5xx", "interval", "baseEjectionTime", "maxEjectionPercent");

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
        Integer retries = binding.optional(f, "retries", d.retries(),
                (n, p) -> values.smallInteger(n, p, 0, 10, "a whole number of retries from 0 to 10"));
        Double budgetPercent = d.retryBudgetPercent();
        Integer minConcurrency = d.retryMinConcurrency();
        Node budgetNode = f.get("retryBudget");
        if (budgetNode != null) {
            Fields b = Fields.of(budgetNode, f.pathOf("retryBudget"), "a map {percent, minConcurrency}", problems);
            b.allowOnly(RETRY_BUDGET_KEYS);
            budgetPercent = binding.optional(b, "percent", d.retryBudgetPercent(),
                    (n, p) -> values.number(n, p, v -> v >= 0 && v <= 100, "a percentage from 0 to 100"));
            minConcurrency = binding.optional(b, "minConcurrency", d.retryMinConcurrency(),
                    (n, p) -> values.smallInteger(n, p, 0, Bounds.MAX_THRESHOLD, "a whole number from 0 to 1,000,000"));
        }
        BalancerPolicies.OutlierDetectionSpec outliers = null;
        Node outlierNode = f.get("outlierDetection");
        if (outlierNode != null) {
            Fields o = Fields.of(outlierNode, f.pathOf("outlierDetection"),
                    "a map {consecutive5xx, interval, baseEjectionTime, maxEjectionPercent}", problems);
            o.allowOnly(OUTLIER_KEYS);
            Integer consecutive = binding.optional(o, "consecutive5xx", 5,
                    (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE));
            Double interval = binding.optional(o, "interval", 10.0, (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            Double ejection = binding.optional(o, "baseEjectionTime", 30.0,
                    (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            Double maxPercent = binding.optional(o, "maxEjectionPercent", 10.0,
                    (n, p) -> values.number(n, p, v -> v >= 0 && v <= 100, "a percentage from 0 to 100"));
            if (problems.count() == before) {
                outliers = problems.construct(o.location(), f.pathOf("outlierDetection"),
                        () -> new BalancerPolicies.OutlierDetectionSpec(consecutive, interval, ejection, maxPercent));
            }
        }
        Double deregistration = binding.optional(f, "deregistrationDelay", d.deregistrationDelay(),
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 300s"));
        Double slowStart = binding.optional(f, "slowStart", d.slowStart(),
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 (off) or more such as 30s"));
        Double connectTimeout = binding.optional(f, "connectTimeout", d.connectTimeout(),
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        BalancerPolicies.MaxFailsSpec maxFails = null;
        Node maxFailsNode = f.get("maxFails");
        if (maxFailsNode != null) {
            Fields m = Fields.of(maxFailsNode, f.pathOf("maxFails"), "a map {maxFails, failTimeout}", problems);
            m.allowOnly(List.of("maxFails", "failTimeout"));
            Integer count = binding.optional(m, "maxFails", 1,
                    (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE));
            Double window = binding.optional(m, "failTimeout", 10.0, (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            if (count != null && window != null) maxFails = new BalancerPolicies.MaxFailsSpec(count, window);
        }
        BalancerPolicies.StickinessSpec stickiness = stickiness(f);
        Integer minimumHealthy = binding.optional(f, "minimumHealthyTargets", d.minimumHealthyTargets(),
                (n, p) -> values.smallInteger(n, p, 0, Bounds.MAX_SERVERS, "a whole number from 0 to 10,000"));
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
        s.allowOnly(STICKINESS_KEYS);
        Node typeNode = s.require("type", "cookie");
        if (typeNode != null) values.choice(typeNode, s.pathOf("type"), List.of("cookie"));
        Double duration = binding.optional(s, "duration", 86400.0,
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        if (problems.count() > before) return null;
        return new BalancerPolicies.StickinessSpec(duration);
    }
}
