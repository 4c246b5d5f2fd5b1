package org.lbsim.scenario;

import java.util.List;
import java.util.Set;
import org.lbsim.cluster.spec.AutoscalingSpec;

/** Binds {@code autoscaling:}, target tracking on a template server. */
final class AutoscalingBinder {

    static final Key<Integer> MIN = Key.optional("min", new ValueRule.Int(0, Bounds.MAX_COUNT,
            "a whole number from 0 to " + Bounds.MAX_COUNT), 1, "1", "the group never has fewer instances");
    static final Key<Integer> MAX = Key.optional("max", new ValueRule.Int(1, Bounds.MAX_COUNT,
            "a whole number from 1 to " + Bounds.MAX_COUNT), 10, "10", "the group never has more instances");
    static final Key<Double> COOLDOWN = Key.optional("cooldown",
            ValueRule.Duration.atLeastZero("a duration of 0 or more such as 60s"), 300.0, "300s",
            "the wait after a scaling before the next");
    static final Key<Double> EVALUATION_PERIOD = Key.optional("evaluationPeriod",
            ValueRule.Duration.positive(Values.POSITIVE_DURATION), 60.0, "60s", "how often the metric is evaluated");
    static final Key<Double> GRACE = Key.optional("healthCheckGracePeriod",
            ValueRule.Duration.atLeastZero("a duration of 0 or more such as 300s"), Double.POSITIVE_INFINITY, null,
            "an instance found unhealthy this long after its launch is replaced; none: no replacement");

    static final ValueRule.Decimal UTILIZATION_TARGET = new ValueRule.Decimal(0, true, 1, false,
            "a utilization in (0, 1] such as 0.6");
    static final ValueRule.Decimal REQUESTS_TARGET = new ValueRule.Decimal(0, true, Bounds.MAX_RATE, false,
            "a positive number of requests per second per instance, at most 10000000");

    /** {@code autoscaling:}. */
    static final MapRule AUTOSCALING = MapRule.of("target tracking on a template server",
                    Key.described("template", new ValueRule.Text("a server's name"), true, "new instances copy this server"),
                    Key.described("metric", new ValueRule.Choice(List.of("utilization", "requestsPerTarget")), true,
                            "what is held at the target"),
                    Key.described("target", REQUESTS_TARGET, true,
                            "the value to hold the metric at: at most 1 for utilization"),
                    MIN, MAX, COOLDOWN, EVALUATION_PERIOD, GRACE)
            .with(new MapRule.Narrowed("metric", "utilization", "target", UTILIZATION_TARGET));

    static final List<String> AUTOSCALING_KEYS = AUTOSCALING.names();

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    AutoscalingBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    /**
     * The template named under {@code autoscaling}, as written, before the section is bound, or
     * null: the events may name the instances launched from it ({@code TEMPLATE-as-N}).
     */
    static String templateAsWritten(Node node) {
        if (node instanceof Node.MapNode map) {
            var entry = map.entry("template");
            if (entry.isPresent() && entry.get().value() instanceof Node.ScalarNode s && !s.isNull()) return s.text();
        }
        return null;
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
        Double target = targetNode == null ? null
                : (metric == AutoscalingSpec.Metric.UTILIZATION ? UTILIZATION_TARGET : REQUESTS_TARGET)
                        .read(values, targetNode, f.pathOf("target"));
        Integer min = binding.optional(f, MIN);
        Integer max = binding.optional(f, MAX);
        if (min != null && max != null && min > max) {
            problems.add(f.location(), "autoscaling", "found min " + min + " above max " + max + ", expected min <= max");
        }
        Double cooldown = binding.optional(f, COOLDOWN);
        Double period = binding.optional(f, EVALUATION_PERIOD);
        Double grace = binding.optional(f, GRACE);
        if (problems.count() > before) return null;
        return problems.construct(f.location(), "autoscaling",
                () -> new AutoscalingSpec(template, metric, target, min, max, cooldown, period, grace));
    }
}
