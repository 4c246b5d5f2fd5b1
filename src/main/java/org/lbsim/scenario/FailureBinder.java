package org.lbsim.scenario;

import java.util.List;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;

/** Binds one entry of a server's {@code failures:}: kind, schedule or random times, and the kind's own keys. */
final class FailureBinder {

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    FailureBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    FailureSpec failure(Node node, String path) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a failure map: {at, for} for a scheduled outage or {mtbf, mttr} for random ones",
                problems);
        boolean scheduled = f.has("at") || f.has("for");
        boolean random = f.has("mtbf") || f.has("mttr");
        List<String> common = List.of("kind", "factor", "passesHealthChecks");
        if (scheduled == random) {
            f.allowOnly(Binding.concat(List.of("at", "for", "mtbf", "mttr", "distribution", "shape"), common));
            if (scheduled) {
                problems.add(f.location(), path, "found both {at, for} and {mtbf, mttr}, expected one of the two forms");
            } else {
                f.require("at", "{at, for} for a scheduled outage or {mtbf, mttr} for random ones");
            }
            return null;
        }
        f.allowOnly(Binding.concat(scheduled ? List.of("at", "for") : List.of("mtbf", "mttr", "distribution", "shape"),
                common));
        FailureKind kind = binding.optional(f, "kind", FailureKind.CRASH, (n, p) -> {
            String text = values.choice(n, p, FailureKind.yamlNames());
            return text == null ? null : FailureKind.fromYaml(text).orElseThrow();
        });
        Node factorNode = f.get("factor");
        double factor = 1;
        if (kind == FailureKind.SLOWDOWN) {
            Node required = f.require("factor", "the speed multiplier of the slowdown, in (0, 1], such as 0.25");
            Double value = required == null ? null : values.number(required, f.pathOf("factor"), v -> v > 0 && v <= 1,
                    "a number in (0, 1] such as 0.25 (the speed is multiplied by it)");
            factor = value == null ? 1 : value;
        } else if (factorNode != null) {
            problems.add(factorNode.location(), f.pathOf("factor"), "found a factor for a failure of kind '"
                    + (kind == null ? "?" : kind.yamlName()) + "', expected factor only with kind: slowdown");
        }
        Node passesNode = f.get("passesHealthChecks");
        boolean passes = kind == FailureKind.BLACK_HOLE;
        if (passesNode != null) {
            if (kind != FailureKind.BLACK_HOLE) {
                problems.add(passesNode.location(), f.pathOf("passesHealthChecks"),
                        "found passesHealthChecks for a failure that is not a black-hole, expected it only with kind: black-hole");
            } else {
                Boolean value = values.bool(passesNode, f.pathOf("passesHealthChecks"));
                passes = value == null || value;
            }
        }
        double shape = Double.NaN;
        if (random) {
            String distribution = binding.optional(f, "distribution", "exponential",
                    (n, p) -> values.choice(n, p, List.of("exponential", "weibull")));
            Node shapeNode = f.get("shape");
            if ("weibull".equals(distribution)) {
                Node required = f.require("shape", DistributionBinder.SHAPE_RANGE);
                Double value = required == null ? null : values.number(required, f.pathOf("shape"),
                        v -> v >= Bounds.MIN_SHAPE && v <= Bounds.MAX_SHAPE, DistributionBinder.SHAPE_RANGE);
                shape = value == null ? Double.NaN : value;
            } else if (shapeNode != null) {
                problems.add(shapeNode.location(), f.pathOf("shape"),
                        "found a shape, expected shape only with distribution: weibull");
            }
        }
        String first = scheduled ? "at" : "mtbf";
        String second = scheduled ? "for" : "mttr";
        Double a = binding.requiredDuration(f, first, scheduled ? "a duration of 0 or more such as 5min" : Values.POSITIVE_DURATION,
                scheduled);
        Double b = binding.requiredDuration(f, second, Values.POSITIVE_DURATION, false);
        if (problems.count() > before) return null;
        double finalFactor = factor;
        boolean finalPasses = passes;
        double finalShape = shape;
        return problems.construct(f.location(), path, () -> scheduled
                ? new FailureSpec.Scheduled(kind, finalFactor, finalPasses, a, b)
                : new FailureSpec.Random(kind, finalFactor, finalPasses, a, b, finalShape));
    }
}
