package org.lbsim.scenario;

import java.util.List;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;

/** Binds one entry of a server's {@code failures:}: kind, schedule or random times, and the kind's own keys. */
final class FailureBinder {

    static final Key<Double> AT = Key.required("at", ValueRule.Duration.atLeastZero("a duration of 0 or more such as 5min"),
            "a duration of 0 or more such as 5min", "a scheduled impairment starts at this time");
    static final Key<Double> FOR = Key.required("for", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            Values.POSITIVE_DURATION, "and lasts this long");
    static final Key<Double> MTBF = Key.required("mtbf", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            Values.POSITIVE_DURATION, "random impairments: mean up time between them");
    static final Key<Double> MTTR = Key.required("mttr", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            Values.POSITIVE_DURATION, "random impairments: mean time to repair, exponential");
    static final Key<String> DISTRIBUTION = Key.optional("distribution",
            new ValueRule.Choice(List.of("exponential", "weibull")), "exponential", "exponential",
            "the distribution of up times");
    static final Key<Double> SHAPE = Key.required("shape", ValueRule.Decimal.closed(Bounds.MIN_SHAPE, Bounds.MAX_SHAPE,
            DistributionBinder.SHAPE_RANGE), DistributionBinder.SHAPE_RANGE,
            "the Weibull shape of up times (the scale keeps the mean at mtbf)");
    static final Key<String> KIND = Key.optional("kind", new ValueRule.Choice(FailureKind.yamlNames()),
            FailureKind.CRASH.yamlName(), FailureKind.CRASH.yamlName(), "what the impairment does");
    static final Key<Double> FACTOR = Key.required("factor", new ValueRule.Decimal(0, true, 1, false,
                    "a number in (0, 1] such as 0.25 (the speed is multiplied by it)"),
            "the speed multiplier of the slowdown, in (0, 1], such as 0.25", "a slowdown's speed multiplier");
    static final Key<Boolean> PASSES_HEALTH_CHECKS = Key.optional("passesHealthChecks", new ValueRule.Flag(), true,
            "true", "whether a black hole's health endpoint still passes");

    private static final MapRule.Form SCHEDULED = new MapRule.Form(List.of("at", "for"), List.of());
    private static final MapRule.Form RANDOM = new MapRule.Form(List.of("mtbf", "mttr"), List.of("distribution", "shape"));

    /** One entry of a server's {@code failures:}: a scheduled or a random impairment of some kind. */
    static final MapRule FAILURE = MapRule.of("a failure: {at, for} for a scheduled outage or {mtbf, mttr} for random ones",
                    AT, FOR, MTBF, MTTR, DISTRIBUTION, SHAPE, KIND, FACTOR, PASSES_HEALTH_CHECKS)
            .with(new MapRule.OneForm(List.of(SCHEDULED, RANDOM)),
                    new MapRule.OnlyWhen("factor", "kind", List.of("slowdown"), true),
                    new MapRule.OnlyWhen("passesHealthChecks", "kind", List.of("black-hole"), false),
                    new MapRule.OnlyWhen("shape", "distribution", List.of("weibull"), true));

    /** The keys one form allows: its own, then those of no form (kind and its keys), in the rule's order. */
    private static List<String> keysOf(MapRule.Form form) {
        return FAILURE.names().stream().filter(key -> form.required().contains(key) || form.optional().contains(key)
                || !SCHEDULED.required().contains(key) && !RANDOM.required().contains(key)
                && !RANDOM.optional().contains(key)).toList();
    }

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
        if (scheduled == random) {
            f.allowOnly(FAILURE.names());
            if (scheduled) {
                problems.add(f.location(), path, "found both {at, for} and {mtbf, mttr}, expected one of the two forms");
            } else {
                f.require("at", "{at, for} for a scheduled outage or {mtbf, mttr} for random ones");
            }
            return null;
        }
        f.allowOnly(keysOf(scheduled ? SCHEDULED : RANDOM));
        String kindName = binding.optional(f, KIND);
        FailureKind kind = kindName == null ? null : FailureKind.fromYaml(kindName).orElseThrow();
        Node factorNode = f.get("factor");
        double factor = 1;
        if (kind == FailureKind.SLOWDOWN) {
            Double value = binding.require(f, FACTOR);
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
            String distribution = binding.optional(f, DISTRIBUTION);
            Node shapeNode = f.get("shape");
            if ("weibull".equals(distribution)) {
                Double value = binding.require(f, SHAPE);
                shape = value == null ? Double.NaN : value;
            } else if (shapeNode != null) {
                problems.add(shapeNode.location(), f.pathOf("shape"),
                        "found a shape, expected shape only with distribution: weibull");
            }
        }
        Double a = binding.require(f, scheduled ? AT : MTBF);
        Double b = binding.require(f, scheduled ? FOR : MTTR);
        if (problems.count() > before) return null;
        double finalFactor = factor;
        boolean finalPasses = passes;
        double finalShape = shape;
        return problems.construct(f.location(), path, () -> scheduled
                ? new FailureSpec.Scheduled(kind, finalFactor, finalPasses, a, b)
                : new FailureSpec.Random(kind, finalFactor, finalPasses, a, b, finalShape));
    }
}
