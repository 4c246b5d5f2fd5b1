package org.lbsim.scenario;

import java.util.List;
import java.util.Set;
import org.lbsim.cluster.spec.AutoscalingSpec;

/** Binds {@code autoscaling:}, target tracking on a template server. */
final class AutoscalingBinder {

    static final List<String> AUTOSCALING_KEYS =
            List.of("template", "metric", "target", "min", "max", "cooldown", "evaluationPeriod", "healthCheckGracePeriod");

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    AutoscalingBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    AutoscalingSpec autoscaling(Node node, Set<String> serverNames) {
        if (node == null) return null;
        int before = problems.count();
        Fields f = Fields.of(node, "autoscaling", "an autoscaling map with keys " + String.join(", ", AUTOSCALING_KEYS),
                problems);
        f.allowOnly(AUTOSCALING_KEYS);
        String template = binding.reference(f, "template", serverNames, "server to copy");
        Node metricNode = f.require("metric", "utilization or requestsPerTarget");
        String metricName = metricNode == null ? null
                : values.choice(metricNode, f.pathOf("metric"), List.of("utilization", "requestsPerTarget"));
        AutoscalingSpec.Metric metric = metricName == null ? null
                : metricName.equals("utilization") ? AutoscalingSpec.Metric.UTILIZATION
                : AutoscalingSpec.Metric.REQUESTS_PER_TARGET;
        Node targetNode = f.require("target", "the metric's target value, such as 0.6 for utilization");
        Double target = targetNode == null ? null : values.number(targetNode, f.pathOf("target"),
                v -> v > 0 && (metric != AutoscalingSpec.Metric.UTILIZATION ? v <= Bounds.MAX_RATE : v <= 1),
                metric == AutoscalingSpec.Metric.UTILIZATION ? "a utilization in (0, 1] such as 0.6"
                        : "a positive number of requests per second per instance, at most 10000000");
        Integer min = binding.optional(f, "min", 1, (n, p) -> values.smallInteger(n, p, 0, Bounds.MAX_COUNT,
                "a whole number from 0 to " + Bounds.MAX_COUNT));
        Integer max = binding.optional(f, "max", 10, (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_COUNT,
                "a whole number from 1 to " + Bounds.MAX_COUNT));
        if (min != null && max != null && min > max) {
            problems.add(f.location(), "autoscaling", "found min " + min + " above max " + max + ", expected min <= max");
        }
        Double cooldown = binding.optional(f, "cooldown", 300.0,
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 60s"));
        Double period = binding.optional(f, "evaluationPeriod", 60.0,
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        Double grace = binding.optional(f, "healthCheckGracePeriod", Double.POSITIVE_INFINITY,
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 300s"));
        if (problems.count() > before) return null;
        return problems.construct(f.location(), "autoscaling",
                () -> new AutoscalingSpec(template, metric, target, min, max, cooldown, period, grace));
    }
}
